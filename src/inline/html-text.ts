/**
 * Text content of raw HTML (`about:` blocks), for print and plain text: tags are dropped, `<script>`/`<style>` bodies are
 * dropped, entities decoded, whitespace collapsed as a browser does; block ends become paragraph breaks and
 * `<br>` a line break. The result is plain strings, never markup.
 */
export type HtmlTextPiece =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'linebreak' | 'parbreak' };

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  middot: '\u00b7',
  bull: '\u2022',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  times: '\u00d7',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  oacute: '\u00f3',
  uuml: '\u00fc',
  ouml: '\u00f6',
  auml: '\u00e4',
  ccedil: '\u00e7',
};

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
const RAW_TEXT_TAGS = new Set(['script', 'style', 'template', 'noscript']);

// A tag, a comment, or a doctype; attribute values may contain `>` inside quotes.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>?/g;

/**
 * Decodes character references: `&#233;`, `&#xE9;` and the named ones above, each with its `;`. A number
 * that is no code point (`&#99999999;`) stays as written; `&#0;` and a surrogate become U+FFFD, as in a
 * browser. Never throws.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] === '#') {
      const hex = body[1] === 'x' || body[1] === 'X';
      const digits = body.slice(hex ? 2 : 1);
      // Long digit strings are out of range however they parse (and would lose precision).
      if (digits.replace(/^0+/, '').length > 8) return match;
      const code = Number.parseInt(digits, hex ? 16 : 10);
      if (!Number.isInteger(code) || code > 0x10ffff) return match;
      return code === 0 || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
    }
    return Object.hasOwn(NAMED_ENTITIES, body.toLowerCase())
      ? (NAMED_ENTITIES[body.toLowerCase()] as string)
      : match;
  });
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

  let index = 0;
  let skipUntil: string | null = null;
  for (const match of html.matchAll(TOKEN)) {
    const start = match.index;
    if (skipUntil === null && start > index) pushText(html.slice(index, start));
    index = start + match[0].length;
    const name = match[1]?.toLowerCase();
    if (name === undefined) continue; // comment or doctype
    const closing = match[0][1] === '/';
    if (skipUntil !== null) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (!closing && RAW_TEXT_TAGS.has(name)) skipUntil = name;
    else if (name === 'br') pushBreak('linebreak');
    else if (BLOCK_TAGS.has(name)) pushBreak('parbreak');
  }
  if (skipUntil === null && index < html.length) pushText(html.slice(index));
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
