import { describe, expect, it } from 'vitest';
import { prepareTerminalStyle, withoutColour } from '../../src/terminal/colour.js';

describe('withoutColour', () => {
  it.each([
    ['\u001b[33mstar\u001b[39m', 'star'],
    ['\u001b[7m\u001b[1msel\u001b[22m\u001b[27m', '\u001b[7m\u001b[1msel\u001b[22m\u001b[27m'],
    ['\u001b[1;31;4mx\u001b[0m', '\u001b[1;4mx\u001b[0m'],
    ['\u001b[38;5;208;1mx\u001b[48;2;10;20;30mx', '\u001b[1mxx'],
    ['\u001b[38:2::1:2:3;7mx', '\u001b[7mx'],
    ['\u001b[90m\u001b[100m\u001b[49mx\u001b[m', 'x\u001b[m'],
    ['\u001b[2J\u001b[H\u001b[?25l', '\u001b[2J\u001b[H\u001b[?25l'],
  ])('%j -> %j', (input, output) => {
    expect(withoutColour(input)).toBe(output);
  });
});

describe('prepareTerminalStyle', () => {
  it('takes CI out of the decision and turns styles on', () => {
    const env: NodeJS.ProcessEnv = { CI: 'true', CONTINUOUS_INTEGRATION: '1', TERM: 'xterm-256color' };
    expect(prepareTerminalStyle(env, { noColor: false })).toEqual({ colour: true });
    expect(env).toEqual({ TERM: 'xterm-256color', FORCE_COLOR: '1' });
  });

  it('keeps a FORCE_COLOR level the user chose', () => {
    const env: NodeJS.ProcessEnv = { FORCE_COLOR: '3' };
    expect(prepareTerminalStyle(env, { noColor: false })).toEqual({ colour: true });
    expect(env.FORCE_COLOR).toBe('3');
  });

  it.each([
    [{ NO_COLOR: '1' }, false],
    [{ NO_COLOR: '' }, true],
    [{ FORCE_COLOR: '0' }, false],
    [{ FORCE_COLOR: 'false' }, false],
  ])('%j: colour %s, attributes kept', (given: NodeJS.ProcessEnv, colour) => {
    const env: NodeJS.ProcessEnv = { ...given };
    expect(prepareTerminalStyle(env, { noColor: false }).colour).toBe(colour);
    expect(env.FORCE_COLOR).toBe(colour && given.FORCE_COLOR !== undefined ? given.FORCE_COLOR : '1');
  });

  it('turns colour off for --no-color', () => {
    expect(prepareTerminalStyle({}, { noColor: true }).colour).toBe(false);
  });
});
