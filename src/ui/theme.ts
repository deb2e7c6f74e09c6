/**
 * The theme as the components read it: a React context set by the App, and the Ink Text
 * props of a named style.
 */
import type { TextProps } from 'ink';
import { createContext, useContext } from 'react';
import { type Style, type StyleName, type Theme, THEMES } from '../terminal/theme.js';

export const ThemeContext = createContext<Theme>(THEMES.dark);

/** Ink's Text props for a style; only the attributes it sets (so they can be spread). */
export function textProps(style: Style): TextProps {
  return {
    ...(style.fg === undefined ? {} : { color: style.fg }),
    ...(style.bg === undefined ? {} : { backgroundColor: style.bg }),
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.dim === true ? { dimColor: true } : {}),
    ...(style.italic === true ? { italic: true } : {}),
    ...(style.underline === true ? { underline: true } : {}),
    ...(style.inverse === true ? { inverse: true } : {}),
    ...(style.strikethrough === true ? { strikethrough: true } : {}),
  };
}

/** A function from style name to Text props, for the theme in effect. */
export function useStyles(): (name: StyleName) => TextProps {
  const theme = useContext(ThemeContext);
  return (name) => textProps(theme[name]);
}
