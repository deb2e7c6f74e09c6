/** The screen's enter and leave sequences: mouse reporting only when asked, and always turned off again. */
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOUSE_OFF, MOUSE_ON, Screen } from '../../src/terminal/screen.js';

function written(mouse: boolean, act: (screen: Screen) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-screen-'));
  const file = path.join(dir, 'out');
  const fd = openSync(file, 'w');
  try {
    act(new Screen(fd, { mouse }));
  } finally {
    closeSync(fd);
  }
  const text = readFileSync(file, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return text;
}

describe('Screen', () => {
  it('reports the mouse between enter and leave, and again after a suspend', () => {
    const text = written(true, (screen) => {
      screen.enter();
      screen.leave(); // Ctrl-Z
      screen.enter(); // fg
      screen.leave();
    });
    expect(text.split(MOUSE_ON)).toHaveLength(3);
    expect(text.split(MOUSE_OFF)).toHaveLength(3);
    expect(text.endsWith(`${MOUSE_OFF}\u001b[?2004l\u001b[?25h\u001b[?1049l`)).toBe(true);
  });

  it('leaves the mouse to the terminal without mouse', () => {
    const text = written(false, (screen) => {
      screen.enter();
      screen.leave();
    });
    expect(text).toContain('\u001b[?1049h');
    expect(text).not.toContain('\u001b[?1000');
  });
});
