/**
 * BibTeX field values to model values: LaTeX text to the inline AST (problems placed inside the field),
 * URLs unescaped but never parsed as LaTeX, and the small value rules (`selected`, `year`).
 */
import { type Diagnostic, warning } from '../../diagnostics/diagnostic.js';
import type { Inline } from '../../inline/ast.js';
import { type InlineParseResult, mergeText, parseInlineDetailed } from '../../inline/parse.js';
import { DECLARATIONS } from '../../inline/symbols.js';
import { inlineToText } from '../../inline/to-text.js';
import { type BibField, type BibFile, sourceOffsetOf } from '../../load/bibtex/types.js';
import { encodeUriComponent } from '../../util/uri.js';

/**
 * `line`: whitespace (newlines included) folds to one space, as BibTeX prints a field.
 * `block`: newlines are kept but the indentation of continued lines is removed (abstracts: the Markdown
 * page must not turn indented lines into code blocks).
 */
export type WhitespaceMode = 'line' | 'block';

/** Parses LaTeX text at `valueOffset` of `field`; parse problems become warnings at their place. */
export function parseFieldText(
  bib: BibFile,
  field: BibField,
  text: string,
  valueOffset: number,
  mode: WhitespaceMode,
  diagnostics: Diagnostic[],
): Inline[] {
  const { nodes, problems } = parseLatex(zoteroTagsToLatex(text));
  for (const problem of problems) {
    diagnostics.push(
      warning({
        code: 'bibtex-latex',
        message: `${problem.message} (in \`${field.name}\`)`,
        position: bib.lineIndex.position(bib.file, sourceOffsetOf(field, valueOffset + problem.offset)),
        hints: problem.hint === undefined ? [] : [problem.hint],
      }),
    );
  }
  return normalizeWhitespace(nodes, mode);
}

/** Zotero's export of the rich-text tags in a title: `{\textless}i{\textgreater}` ... `{\textless}/i{\textgreater}`. */
const ZOTERO_TAG = /\{\\textless\}(\/?)(i|b|em|strong|sup|sub|sc)\{\\textgreater\}/g;
const ZOTERO_COMMANDS: Readonly<Record<string, string>> = {
  i: '\\textit{',
  em: '\\emph{',
  b: '\\textbf{',
  strong: '\\textbf{',
  sup: '\\textsuperscript{',
  sub: '\\textsubscript{',
  sc: '\\textsc{',
};

/**
 * Zotero writes the italics of a title (`<i>in situ</i>`, species names) as `{\textless}i{\textgreater}`:
 * without this they would print as "<i>in situ</i>". Tags become the LaTeX commands they mean when they
 * open and close in order; anything else is left as written. (Warnings inside such a field point a few
 * columns off, as the text they are found in is rewritten.)
 */
export function zoteroTagsToLatex(text: string): string {
  if (!text.includes('{\\textless}')) return text;
  const open: string[] = [];
  let balanced = true;
  for (const [, closing, tag] of text.matchAll(ZOTERO_TAG)) {
    if (!closing) open.push(tag as string);
    else if (open.pop() !== tag) balanced = false;
  }
  if (!balanced || open.length > 0) return text;
  return text.replace(ZOTERO_TAG, (_, closing: string, tag: string) =>
    closing ? '}' : (ZOTERO_COMMANDS[tag] as string),
  );
}

/** A whole field as rich text; an absent field is `[]`. */
export function richField(
  bib: BibFile,
  field: BibField | undefined,
  mode: WhitespaceMode,
  diagnostics: Diagnostic[],
): Inline[] {
  if (field === undefined) return [];
  return parseFieldText(bib, field, field.value, 0, mode, diagnostics);
}

/** The plain text of a field (LaTeX read, whitespace folded), e.g. for `year`. */
export function plainField(field: BibField | undefined): string {
  if (field === undefined) return '';
  return inlineToText(normalizeWhitespace(parseLatex(zoteroTagsToLatex(field.value)).nodes, 'line'));
}

/** Characters the inline parser treats specially (`&` may begin a character reference); text without them parses to itself. */
const LATEX_SYNTAX = /[\\{}$~`&]|--/;

/**
 * `parseInlineDetailed`, with a shortcut for the common case of text with no LaTeX in it (most
 * abstracts): such text is one text node, exactly what the parser returns for it (a property test
 * checks the two agree).
 */
export function parseLatex(text: string): InlineParseResult {
  if (!LATEX_SYNTAX.test(text))
    return { nodes: text === '' ? [] : [{ type: 'text', value: text }], problems: [] };
  const nesting = atMostOpeners(text, LATEX_NESTING_LIMIT) ? 0 : nestingBound(text);
  if (nesting > LATEX_NESTING_LIMIT) {
    // The inline parser recurses once per level; hostile nesting must not overflow the stack.
    const plain = text.replace(/[{}\\]/g, '');
    return {
      nodes: plain === '' ? [] : [{ type: 'text', value: plain }],
      problems: [
        {
          offset: 0,
          message: `LaTeX nested ${nesting} levels deep (more than ${LATEX_NESTING_LIMIT}); shown as plain text`,
          hint: 'check the braces of this field',
        },
      ],
    };
  }
  return parseInlineDetailed(text);
}

/** Deepest LaTeX nesting accepted in a field; real fields nest a handful of levels. */
export const LATEX_NESTING_LIMIT = 200;

/**
 * Whether `text` holds at most `limit` of the characters that can open a level (`{`, a backquote, `\`):
 * `nestingBound` is never more than their count, so most fields need no scan of every character. Found
 * with `indexOf`, which reads a long abstract several times faster than a loop over its characters.
 */
function atMostOpeners(text: string, limit: number): boolean {
  let count = 0;
  for (const opener of OPENERS) {
    for (let at = text.indexOf(opener); at >= 0; at = text.indexOf(opener, at + 1)) {
      if (++count > limit) return false;
    }
  }
  return true;
}
const OPENERS = ['{', '`', '\\'] as const;

/**
 * An upper bound of the inline parser's recursion for `text`: the deepest brace nesting, plus every
 * `{\bf`-style declaration and every ``` `` ``` quote (each opens a level that lasts to its group's end).
 */
export function nestingBound(text: string): number {
  let depth = 0;
  let deepest = 0;
  let levels = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 125) {
      if (depth > 0) depth--;
    } else if (c === 96 && text.charCodeAt(i + 1) === 96) {
      levels++;
      i++;
    } else if (c === 92) {
      let j = i + 1;
      while (j < text.length && /[a-zA-Z]/.test(text[j] as string)) j++;
      if (j > i + 1 && Object.hasOwn(DECLARATIONS, text.slice(i + 1, j))) levels++;
      i = Math.max(i, j - 1);
    }
  }
  return deepest + levels;
}

/** URL fields are not LaTeX: only the escapes LaTeX needs in a URL are undone (`\_`, `\%`, `\#`, `\&`). */
export function urlValue(value: string): string | undefined {
  const url = value.replace(/\\([_%#&])/g, '$1').trim();
  return url === '' ? undefined : url;
}

/** `selected = {true}`: any value but `false`, `0` or `no` (an empty value counts, as in the original). */
export function isSelectedValue(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v !== 'false' && v !== '0' && v !== 'no';
}

/** The year as a number when it is one (`2020`), else undefined (`to appear`, `2020a`). */
export function parseYear(year: string): number | undefined {
  return /^\d{1,6}$/.test(year) ? Number(year) : undefined;
}

/**
 * Words of a paper not out yet (`to appear`, `in press`, `submitted`, ...): such a year is kept as
 * written and sorted first, as the newest work.
 */
export const PENDING_YEAR =
  /^(?:to appear|forthcoming|in press|submitted|accepted|under review|in review|under submission|in preparation|in prep\.?|preprint|accepted for publication|to be published)\b/i;

export function isPendingYear(year: string): boolean {
  return PENDING_YEAR.test(year.trim());
}

/** How an entry's year reads: the text shown and the number it sorts by. */
export interface YearValue {
  /** As shown: `2021`, `2021a`, `to appear`, `2021–2022`; empty when the entry has none. */
  readonly text: string;
  readonly number: number | undefined;
}

/**
 * The year of an entry from `year`, else biblatex `date`. `year`: digits (`2020`), a year with a suffix
 * or a range (`2020a`, `2020/2021`: the first year sorts), words (`to appear`: no number); any other text
 * with a year in it sorts by that year. `date`: ISO 8601 as biblatex writes it (`2021-05-03`,
 * `2021/2022`, `2021-05/2021-06`): the year is shown, a range of years as `2021–2022`.
 */
export function readYear(year: string, date: string): YearValue {
  const y = year.trim();
  if (y !== '') {
    if (/^\d{1,6}$/.test(y)) return { text: y, number: Number(y) };
    if (isPendingYear(y)) return { text: y, number: undefined };
    const m = /(?:^|[^\d])(\d{4})(?![\d])/.exec(` ${y}`);
    return { text: y, number: m?.[1] === undefined ? undefined : Number(m[1]) };
  }
  const d = date.trim();
  if (d === '') return { text: '', number: undefined };
  const range = /^(\d{4})[^/]*\/(\d{4})?/.exec(d);
  if (range?.[1] !== undefined) {
    const from = range[1];
    const to = range[2];
    return { text: to !== undefined && to !== from ? `${from}–${to}` : from, number: Number(from) };
  }
  const single = /^(\d{4})(?![\d])/.exec(d);
  if (single?.[1] !== undefined) return { text: single[1], number: Number(single[1]) };
  return { text: d, number: undefined };
}

/** `10.1/x`, `doi:10.1/x`, `https://doi.org/10.1/x` → `10.1/x`. */
export function normalizeDoi(value: string): string | undefined {
  const doi = value
    .trim()
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .trim();
  return doi === '' ? undefined : doi;
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeUriComponent).join('/')}`;
}

/** arXiv identifier from `eprint` (+ `archiveprefix`/`eprinttype` arXiv) or an arxiv.org URL. */
export function arxivIdOf(
  eprint: string | undefined,
  archive: string | undefined,
  urls: readonly (string | undefined)[],
): string | undefined {
  if (eprint && (archive === undefined || /arxiv/i.test(archive))) {
    const id = eprint.trim().replace(/^arxiv:/i, '');
    if (/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i.test(id)) return id.replace(/v\d+$/, '');
  }
  for (const url of urls) {
    const m = url
      ? /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?(?:[?#].*)?$/i.exec(
          url,
        )
      : null;
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** Folds whitespace in the text nodes of `nodes` (recursively) and trims both ends. */
export function normalizeWhitespace(nodes: readonly Inline[], mode: WhitespaceMode): Inline[] {
  const fold = mode === 'line' ? foldLine : foldBlock;
  const mapped = mapText(nodes, fold);
  const out = mapped === nodes ? [...mapped] : (mapped as Inline[]);
  trimEdge(out, 'start');
  trimEdge(out, 'end');
  return out;
}

const foldLine = (s: string): string => (/\s\s|[^\S ]/.test(s) ? s.replace(/\s+/g, ' ') : s);
function foldBlock(s: string): string {
  let out = s;
  if (/[^\S\n]\n|\n[^\S\n]|\n\n\n/.test(s)) {
    // Trim around each newline; two or more newlines in a row keep one blank line (a paragraph break).
    const lines = s.split('\n');
    const last = lines.length - 1;
    out = '';
    let blank = false;
    for (let i = 0; i <= last; i++) {
      const raw = lines[i] as string;
      const line = i === 0 ? raw.trimEnd() : i === last ? raw.trimStart() : raw.trim();
      if (i === 0) out = line;
      else if (line === '' && i < last) blank = true;
      else {
        out += blank ? `\n\n${line}` : `\n${line}`;
        blank = false;
      }
    }
  }
  return /[^\S\n]{2}|[^\S\n ]/.test(out) ? out.replace(/[^\S\n]+/g, ' ') : out;
}

/** Folds the text nodes; returns `nodes` itself when nothing changes (most fields), so nothing is copied. */
function mapText(nodes: readonly Inline[], fold: (s: string) => string): readonly Inline[] {
  const merged = isMerged(nodes) ? nodes : mergeText(nodes);
  let out: Inline[] | undefined;
  for (let i = 0; i < merged.length; i++) {
    const node = merged[i] as Inline;
    let next = node;
    if (node.type === 'text') {
      const value = fold(node.value);
      if (value !== node.value) next = { type: 'text', value };
    } else if ('children' in node) {
      const children = mapText(node.children, fold);
      if (children !== node.children) next = { ...node, children } as Inline;
    }
    if (next !== node && out === undefined) out = merged.slice(0, i);
    out?.push(next);
  }
  return out ?? merged;
}

/** No empty text node and no two text nodes side by side (what `mergeText` gives). */
function isMerged(nodes: readonly Inline[]): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Inline;
    if (node.type === 'text' && (node.value === '' || nodes[i - 1]?.type === 'text')) return false;
  }
  return true;
}

function trimEdge(nodes: Inline[], side: 'start' | 'end'): void {
  const index = side === 'start' ? 0 : nodes.length - 1;
  const node = nodes[index];
  if (node?.type !== 'text') return;
  const value = side === 'start' ? node.value.trimStart() : node.value.trimEnd();
  if (value === '') {
    nodes.splice(index, 1);
    trimEdge(nodes, side);
  } else {
    nodes[index] = { type: 'text', value };
  }
}
