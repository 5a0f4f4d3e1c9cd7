/** Building blocks shared by the section handlers; each takes text that is already LaTeX. */
import type { RichText } from '../../../model/cv.js';

export const isPresent = (text: RichText): boolean => text.length > 0;

/** `\vitaentry{left}{right}`: a line with dates (or a year) at the right margin. */
export const entry = (left: string, right = ''): string => `\\vitaentry{${left}}{${right}}`;

/** A bulleted list of details; nothing at all for no items (an empty LaTeX list is an error). */
export function detailList(items: readonly string[]): string {
  if (items.length === 0) return '';
  return ['\\begin{vitalist}', ...items.map((item) => `\\item ${item}`), '\\end{vitalist}'].join('\n');
}

/** Joins the non-empty parts with a separator. */
export const joinPresent = (parts: readonly string[], separator: string): string =>
  parts.filter((part) => part !== '').join(separator);

/** `(text)` in the secondary colour, or nothing. */
export const aside = (text: string): string => (text === '' ? '' : `{\\color{vitasecondary}(${text})}`);

/** Lines of a section body, dropping empty ones. */
export const lines = (...parts: readonly string[]): string => parts.filter((part) => part !== '').join('\n');
