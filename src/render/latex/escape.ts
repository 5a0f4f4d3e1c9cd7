/**
 * Escaping for the LaTeX target, in one place. Three contexts, one function each:
 * - `escapeLatex`: user text that is typeset (every interpolation of user text goes through it);
 * - `latexUrl`: the first argument of `\href`, after the project's URL check (`safeUrl`);
 * - `latexComment`: text inside a `%` comment line.
 */

import { safeUrl } from '../../util/safe-url.js';
import {
  ASCII_REPLACEMENTS,
  COMBINING_ACCENTS,
  LIGATURE_DOUBLES,
  MISSING_GLYPH,
  UNICODE_REPLACEMENTS,
  UTF8_SUPPORTED_RANGES,
} from './characters.js';

/** Most text is plain ASCII with nothing to escape: this finds the rest (the slow path decides each character). */
const NEEDS_ESCAPING = /[^ !'()*+,\-./0-9:;=?@A-Za-z]|--|''|,,/;

/**
 * Turns plain text into LaTeX source that prints exactly that text (pdfLaTeX, T1 + utf8 inputenc + lmodern).
 * TeX's special characters become commands, line breaks become spaces (a blank line would end a paragraph inside
 * a macro argument), control characters are dropped, and Unicode that pdfLaTeX cannot take is rebuilt from
 * accent commands or replaced by a visible placeholder; such characters are added to `unsupported` when given.
 */
export function escapeLatex(value: string, unsupported?: Set<string>): string {
  if (!NEEDS_ESCAPING.test(value)) return value;
  let out = '';
  let previous = '';
  for (const char of value.normalize('NFC')) {
    out += escapeCharacter(char, previous, unsupported);
    previous = char;
  }
  return out;
}

function escapeCharacter(char: string, previous: string, unsupported: Set<string> | undefined): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) {
    const replacement = ASCII_REPLACEMENTS[char];
    if (replacement !== undefined) return replacement;
    if (char === '\n' || char === '\r' || char === '\t' || char === '\f' || char === '\v') return ' ';
    if (code < 0x20 || code === 0x7f) return '';
    if (LIGATURE_DOUBLES.has(char) && previous === char) return `{}${char}`;
    return char;
  }
  // NEL and the Unicode line and paragraph separators are line breaks; other C1 controls are dropped.
  if (code === 0x85 || code === 0x2028 || code === 0x2029) return ' ';
  if (code < 0xa0) return '';
  const replacement = UNICODE_REPLACEMENTS.get(code);
  if (replacement !== undefined) return replacement;
  if (isUtf8Supported(code)) return char;
  const rebuilt = accentCommands(char);
  if (rebuilt !== undefined) return rebuilt;
  unsupported?.add(char);
  return MISSING_GLYPH;
}

function isUtf8Supported(code: number): boolean {
  for (const [from, to] of UTF8_SUPPORTED_RANGES) {
    if (code < from) return false;
    if (code <= to) return true;
  }
  return false;
}

/** `ạ` -> `\d{a}`, `ế` -> `\'{\^{e}}`: a base letter (ASCII, or dotless i/j under an accent) plus accents. */
function accentCommands(char: string): string | undefined {
  const [base, ...marks] = Array.from(char.normalize('NFD'));
  if (base === undefined || marks.length === 0 || !/^[A-Za-z]$/.test(base)) return undefined;
  let out: string = base;
  for (const [index, mark] of marks.entries()) {
    const accent = COMBINING_ACCENTS.get(mark.codePointAt(0) ?? 0);
    if (accent === undefined) return undefined;
    if (index === 0 && accent.above && (base === 'i' || base === 'j')) out = `\\${base}`;
    out = `${accent.command}{${out}}`;
  }
  return out;
}

const UTF8 = new TextEncoder();

/** Characters that a URL keeps as they are inside `\href{...}` (RFC 3986 unreserved and reserved, minus `#%&`). */
const URL_LITERAL = /^[A-Za-z0-9\-._~:/?@!$'()*+,;=[\]]$/;

/**
 * Checks a URL and writes it for the first argument of `\href`. The check is the project's one URL rule
 * (`safeUrl`: only `http:`, `https:`, `mailto:` and relative URLs); anything else (`javascript:`, `file:`,
 * `data:`...) returns `undefined`, and the caller shows the link text without a link. The result is
 * percent-encoded where TeX or the URL syntax needs it, and `#`, `%` and `&` are written `\#`, `\%`, `\&`,
 * which hyperref reads correctly in every context (inside other commands and table cells too).
 */
export function latexUrl(url: string): string | undefined {
  const checked = safeUrl(url);
  if (checked === undefined) return undefined;
  const chars = Array.from(checked);
  let out = '';
  let seenHash = false;
  for (const [index, char] of chars.entries()) {
    if (char === '%') {
      const hex = `${chars[index + 1] ?? ''}${chars[index + 2] ?? ''}`;
      out += /^[0-9A-Fa-f]{2}$/.test(hex) ? '\\%' : '\\%25';
    } else if (char === '#') {
      out += seenHash ? '\\%23' : '\\#';
      seenHash = true;
    } else if (char === '&') {
      out += '\\&';
    } else if (URL_LITERAL.test(char)) {
      out += char;
    } else {
      for (const byte of UTF8.encode(char)) {
        out += `\\%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

/** Text for a `%` comment line: anything that could end the line (and so the comment) becomes a space. */
export function latexComment(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must go
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ');
}
