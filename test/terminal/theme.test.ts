import { describe, expect, it } from 'vitest';
import { STYLE_NAMES, THEMES, themeOf } from '../../src/terminal/theme.js';

const colours = (name: keyof typeof THEMES) => STYLE_NAMES.flatMap((s) => [THEMES[name][s].fg, THEMES[name][s].bg]).filter((c) => c !== undefined);

describe('themes', () => {
  it('none uses attributes only', () => {
    expect(colours('none')).toEqual([]);
  });

  it('light has no yellow or white text, which is pale on a white background', () => {
    for (const name of STYLE_NAMES) expect(THEMES.light[name].fg ?? '', name).not.toMatch(/yellow|white/i);
  });

  it('keeps the selection, focus and matches visible without colour in every theme', () => {
    for (const theme of Object.values(THEMES)) {
      expect(theme.selection.inverse).toBe(true);
      expect(theme.selectionInactive).toMatchObject({ bold: true, underline: true });
      expect(theme.currentMatch.inverse).toBe(true);
      expect(theme.match.underline).toBe(true);
      expect(theme.status.inverse).toBe(true);
    }
  });

  it('puts [colors] styles in place of the theme\'s, and drops them without colour', () => {
    const styles = { selection: { fg: 'black', bg: 'yellow' } };
    expect(themeOf('dark', styles, true).selection).toEqual({ fg: 'black', bg: 'yellow' });
    expect(themeOf('dark', styles, true).star).toEqual(THEMES.dark.star);
    expect(themeOf('light', styles, false)).toBe(THEMES.none);
  });
});
