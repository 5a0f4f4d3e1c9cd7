/**
 * Text content of raw HTML (`about:` blocks), for print and plain text: tags are dropped, `<script>`/`<style>` bodies are
 * dropped, entities decoded, whitespace collapsed as a browser does; block ends become paragraph breaks and
 * `<br>` a line break. The result is plain strings, never markup. Tags are read by the same tokenizer as the
 * page's sanitiser (`tokenizeHtml`).
 */
import { decodeHTMLStrict } from 'entities';
import { tokenizeHtml } from './html-tokens.js';

export type HtmlTextPiece =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'linebreak' | 'parbreak' };

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
  'dl',
  'dt',
  'dd',
]);
/** Elements whose content is not shown (beyond the raw-text ones, whose content is never tags). */
const HIDDEN_ELEMENTS = new Set(['template', 'noscript']);

/**
 * Decodes character references as HTML does in text, with their `;`: every named reference of HTML5
 * (`&Eacute;`, `&ntilde;`, `&euro;`) and numeric ones (`&#233;`, `&#x20AC;`; `&#0;`, a surrogate or a number
 * beyond Unicode become U+FFFD). An unknown name, or one without its `;` (`?a=1&copy=2`), stays as written,
 * as the sanitised page shows it. Never throws.
 */
export function decodeEntities(text: string): string {
  return decodeHTMLStrict(text);
}

export function htmlToTextPieces(html: string): HtmlTextPiece[] {
  const pieces: HtmlTextPiece[] = [];
  let pendingBreak: 'linebreak' | 'parbreak' | null = null;
  /** Drops the spaces (not no-break spaces) that end the last text piece: they end a line. */
  const trimLastText = (): void => {
    const last = pieces.at(-1);
    if (last?.kind !== 'text') return;
    const value = last.value.replace(/ +$/, '');
    if (value === '') pieces.pop();
    else pieces[pieces.length - 1] = { kind: 'text', value };
  };
  const pushBreak = (kind: 'linebreak' | 'parbreak'): void => {
    if (pieces.length === 0) return; // no leading breaks
    if (pendingBreak !== 'parbreak') pendingBreak = kind;
  };
  const pushText = (raw: string): void => {
    // Collapse before decoding, so `&nbsp;` survives as a no-break space.
    let value = decodeEntities(raw.replace(/[ \t\r\n\f]+/g, ' '));
    const last = pieces.at(-1);
    const startsLine = pendingBreak !== null || last === undefined;
    if (startsLine) value = value.replace(/^ +/, '');
    if (value === '') return;
    if (pendingBreak !== null) {
      trimLastText();
      pieces.push({ kind: pendingBreak });
      pendingBreak = null;
    }
    const previous = pieces.at(-1);
    if (previous?.kind === 'text') {
      const joined = previous.value.endsWith(' ') && value.startsWith(' ') ? value.slice(1) : value;
      pieces[pieces.length - 1] = { kind: 'text', value: previous.value + joined };
    } else {
      pieces.push({ kind: 'text', value });
    }
  };

  /** Inside a hidden element: its name and how deep same-name elements nest. */
  let hidden: { name: string; depth: number } | undefined;
  for (const token of tokenizeHtml(html)) {
    if (hidden) {
      if (token.kind === 'start' && token.name === hidden.name) hidden.depth++;
      if (token.kind === 'end' && token.name === hidden.name && --hidden.depth === 0) hidden = undefined;
      continue;
    }
    if (token.kind === 'text') {
      if (!token.raw) pushText(token.value);
    } else if (token.kind === 'start' && HIDDEN_ELEMENTS.has(token.name) && !token.selfClosing) {
      hidden = { name: token.name, depth: 1 };
    } else if (token.kind !== 'comment') {
      // Start and end tags alike: `<br>` (and `</br>`, as browsers read it) breaks the line, a block the paragraph.
      if (token.name === 'br') pushBreak('linebreak');
      else if (BLOCK_TAGS.has(token.name)) pushBreak('parbreak');
    }
  }
  trimLastText();
  return pieces;
}

/** The text content of an HTML fragment on one line: breaks become spaces, runs of spaces one space. */
export function htmlToText(html: string): string {
  return htmlToTextPieces(html)
    .map((piece) => (piece.kind === 'text' ? piece.value : ' '))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}
