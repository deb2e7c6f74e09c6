/**
 * The one-line prompt at the bottom of the screen (what `|` pipes to, what `w` saves as,
 * whether to overwrite, whether to mark the whole view read): a label, the text typed, the
 * cursor. Enter accepts, Esc cancels; what an accepted prompt asks for is left in `outside`
 * (or for marking, in `effect`) for the app to carry out.
 */
import { graphemes } from '../terminal/text.js';
import type { AppState, OutsideRequest } from './types.js';

/** What the answer is for. */
export type PromptPurpose = 'pipe' | 'save' | 'overwrite' | 'markAllRead';

export interface PromptState {
  purpose: PromptPurpose;
  label: string;
  /** The answer typed so far (for a yes/no question: what it is about, e.g. the file). */
  text: string;
  /** Graphemes of `text` before the cursor. */
  cursor: number;
  /** A line of text, or a yes/no question answered with one key. */
  answer: 'line' | 'yesno';
}

export type PromptAction =
  | { type: 'promptOpen'; purpose: PromptPurpose; label: string; text?: string; answer?: 'line' | 'yesno' }
  | { type: 'promptEdit'; text: string; cursor: number }
  | { type: 'promptAccept' }
  | { type: 'promptCancel' };

/** What accepting `prompt` asks the app to do, or a notice when there is nothing to do. */
function accepted(prompt: PromptState): OutsideRequest | 'markAllRead' | string {
  const text = prompt.text.trim();
  switch (prompt.purpose) {
    case 'pipe':
      return text === '' ? 'no command: nothing piped' : { kind: 'pipe', command: text };
    case 'save':
      return text === '' ? 'no file name: not saved' : { kind: 'save', file: text, overwrite: false };
    case 'overwrite':
      return { kind: 'save', file: prompt.text, overwrite: true };
    case 'markAllRead':
      return 'markAllRead';
  }
}

/** What the status bar says when a prompt is cancelled. */
const CANCELLED: Record<PromptPurpose, string | null> = { pipe: null, save: 'not saved', overwrite: 'not saved', markAllRead: 'nothing marked' };

export function promptStep(state: AppState, action: PromptAction): AppState {
  switch (action.type) {
    case 'promptOpen': {
      const text = action.text ?? '';
      const prompt: PromptState = { purpose: action.purpose, label: action.label, text, cursor: graphemes(text).length, answer: action.answer ?? 'line' };
      return { ...state, prompt, notice: null };
    }
    case 'promptEdit': {
      if (state.prompt === null || state.prompt.answer !== 'line') return state;
      const cursor = Math.max(0, Math.min(action.cursor, graphemes(action.text).length));
      return { ...state, prompt: { ...state.prompt, text: action.text, cursor } };
    }
    case 'promptAccept': {
      if (state.prompt === null) return state;
      const outcome = accepted(state.prompt);
      if (outcome === 'markAllRead') return { ...state, prompt: null, effect: { kind: 'markAllRead' } };
      return typeof outcome === 'string' ? { ...state, prompt: null, notice: outcome } : { ...state, prompt: null, outside: outcome };
    }
    case 'promptCancel':
      if (state.prompt === null) return state;
      return { ...state, prompt: null, notice: CANCELLED[state.prompt.purpose] };
  }
}
