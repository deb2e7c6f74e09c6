/**
 * Stands in for the widest-line package inside Ink (scripts/build.mjs), which measures
 * every text node again on every frame; this one remembers the widths.
 */
import { widestLine } from './ink-output.js';

export default widestLine;
