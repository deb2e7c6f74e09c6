/**
 * Colour and text attributes for the reader, decided from the terminal. chalk (under Ink)
 * turns every style off, inverse and bold included, when a `CI` variable exists or the
 * terminal is not one it knows; the reader runs only on a terminal, so neither may decide.
 * Without colour (NO_COLOR, --no-color) the attributes stay: the selection, the focus and
 * the search matches carry meaning in inverse, bold and underline.
 */

/**
 * Set the environment chalk and Ink read as they load, and say whether colour is wanted.
 * Call before the reader's modules are imported.
 */
export function prepareTerminalStyle(env: NodeJS.ProcessEnv, options: { noColor: boolean }): { colour: boolean } {
  // Ink draws only a last frame, and chalk drops its styles, when they see CI.
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  const force = env.FORCE_COLOR;
  // --no-color is NO_COLOR for everything the reader starts, and for the remembered first
  // screen's fingerprint (first-screen.ts), which reads the environment.
  if (options.noColor) env.NO_COLOR = '1';
  const colour = (env.NO_COLOR ?? '') === '' && force !== '0' && force !== 'false';
  // FORCE_COLOR is a floor for chalk: at least 16 colours, more when TERM or COLORTERM say
  // so. Without colour it must still be on, for the attributes; colours are taken out of
  // the output instead (see withoutColour).
  if (!colour || force === undefined || !/^[123]$/.test(force)) env.FORCE_COLOR = '1';
  return { colour };
}

/** SGR parameters that set a colour: foreground, background, bright variants, defaults. */
function isColourParameter(code: number): boolean {
  return (code >= 30 && code <= 39) || (code >= 40 && code <= 49) || (code >= 90 && code <= 97) || (code >= 100 && code <= 107) || code === 59;
}

/** An SGR sequence (`ESC [ … m`) without its colour parameters, or '' when nothing is left. */
function sgrWithoutColour(parameters: string): string {
  if (parameters === '') return '\u001b[m'; // a reset
  const kept: string[] = [];
  const parts = parameters.split(';');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    // `38:5:n` and `38:2::r:g:b` carry their colour in one parameter.
    if (/^(38|48|58):/.test(part)) continue;
    const code = Number(part === '' ? '0' : part);
    if (code === 38 || code === 48 || code === 58) {
      // `38;5;n` (palette) or `38;2;r;g;b` (true colour): skip the colour's own numbers.
      i += parts[i + 1] === '5' ? 2 : parts[i + 1] === '2' ? 4 : 0;
      continue;
    }
    if (!isColourParameter(code)) kept.push(part);
  }
  return kept.length === 0 ? '' : `\u001b[${kept.join(';')}m`;
}

/** An SGR sequence: `ESC [`, its parameters, `m`. */
const SGR = new RegExp(String.raw`\u001b\[([\d;:]*)m`, 'g');

/** Terminal output with every colour taken out and every other attribute kept. */
export function withoutColour(output: string): string {
  if (!output.includes('\u001b[')) return output;
  return output.replace(SGR, (_sequence, parameters: string) => sgrWithoutColour(parameters));
}
