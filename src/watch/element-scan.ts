/**
 * A fast reader of where the elements of a page open and close, for watch mode's page patch (page-patch.ts).
 *
 * The patch compares the page it wrote last with the new one element by element, so it needs the new page's
 * outline on every rebuild. Read with htmlparser2 that took ~10 ms warm for the corpus's 370 KB page (18 ms
 * per rebuild in a watch profile), the largest step between a save and the browser showing it. The pages vita
 * writes use little of HTML: elements are closed explicitly, attribute values are quoted, no comments, a few
 * inline SVG icons. This reader reads that subset in one pass with `indexOf`, and reports exactly the events
 * htmlparser2 reports for it, with the options page-patch.ts uses (HTML mode, lower-cased names, `/>` only
 * closing foreign elements): the same opening and closing of every element, at the same offsets.
 *
 * Where the two could differ, it gives up (returns false) and the caller reads the page with htmlparser2 from
 * the start: an end tag implied by another tag (`<p>` closed by `<div>`, a `<li>` by the next), an end tag
 * that does not close the innermost open element, an element left open at the end, a `<form>` (a second one
 * is ignored), MathML and SVG elements other than plain shapes (their names and parsing are adjusted),
 * `<plaintext>`, CDATA, processing instructions, unusual comments, an end tag with anything before its `>`,
 * and a character reference in an `id` or `type` value (this reader does not decode them).
 * test/workflow/element-scan.test.ts compares the two readers on vita's pages and on mutated ones.
 */

/** What the reader reports: the same events, with the same offsets, as htmlparser2's `onopentag`/`onclosetag`. */
export interface ElementEvents {
  /**
   * An element opens: its lower-cased name, its `id` and `type` attributes (the first of each name, as
   * written: never holding `&`), the offset of its `<` and the offset after its `>`.
   */
  open(name: string, id: string | undefined, type: string | undefined, start: number, openEnd: number): void;
  /**
   * An element closes: `explicit` when by its own end tag (`</name>`), not by being void or self-closed in
   * SVG; `start` and `end` are the offsets of that tag's `<` and after its `>` (of the opening tag for a void
   * or self-closed element).
   */
  close(name: string, explicit: boolean, start: number, end: number): void;
}

/** Elements with no content and no end tag (htmlparser2's list). */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content is text up to their end tag (outside SVG). `plaintext` has no end: not read here. */
const RAW_TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'title',
  'textarea',
  'iframe',
  'noembed',
  'noframes',
  'xmp',
]);

/** Inside `<svg>`, the elements read here: shapes, whose names HTML parsing does not adjust. */
const SVG_SHAPES = new Set(['svg', 'g', 'path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon']);

/** Names this reader never reads (see the module comment). */
const GIVE_UP = new Set([
  'form',
  'math',
  'plaintext',
  'image',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
]);

const P = ['p'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
const FORM_CONTROLS = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];

/**
 * For an opening tag, the open elements it closes when one of them is the innermost (HTML's optional end
 * tags, as htmlparser2 applies them). Meeting one, this reader gives up.
 */
const CLOSED_BY: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    tr: ['tr', 'th', 'td'],
    th: ['th'],
    td: ['thead', 'th', 'td'],
    body: ['head', 'link', 'script'],
    a: ['a'],
    li: ['li'],
    p: P,
    h1: HEADINGS,
    h2: HEADINGS,
    h3: HEADINGS,
    h4: HEADINGS,
    h5: HEADINGS,
    h6: HEADINGS,
    select: FORM_CONTROLS,
    input: FORM_CONTROLS,
    output: FORM_CONTROLS,
    button: FORM_CONTROLS,
    datalist: FORM_CONTROLS,
    textarea: FORM_CONTROLS,
    option: ['option'],
    optgroup: ['optgroup', 'option'],
    dd: ['dd', 'dt'],
    dt: ['dd', 'dt'],
    rt: ['rt', 'rp'],
    rp: ['rt', 'rp'],
    tbody: ['thead', 'tbody'],
    tfoot: ['thead', 'tbody'],
    ...Object.fromEntries(
      [
        'address',
        'article',
        'aside',
        'blockquote',
        'details',
        'div',
        'dl',
        'fieldset',
        'figcaption',
        'figure',
        'footer',
        'header',
        'hr',
        'main',
        'nav',
        'ol',
        'pre',
        'section',
        'table',
        'ul',
      ].map((name) => [name, P]),
    ),
  }).map(([name, closed]) => [name, new Set(closed)]),
);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** HTML's white space as the tokenizer sees it: space, tab, line feed, form feed, carriage return. */
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const isAsciiLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
/** Ends a tag or attribute name: white space, `/`, `>`. */
const endsName = (c: number): boolean => isSpace(c) || c === SLASH || c === GT;

/**
 * Reports the elements of `html` to `events`, in order; false when the page uses markup this reader leaves to
 * htmlparser2 (the events reported so far are then to be thrown away).
 */
export function scanElements(html: string, events: ElementEvents): boolean {
  /** Names of the open elements, innermost last. */
  const open: string[] = [];
  /** How many of the open elements are `<svg>` (foreign content: `/>` closes, no raw text). */
  let svgDepth = 0;
  const length = html.length;
  let at = html.indexOf('<');
  while (at >= 0) {
    const next = html.charCodeAt(at + 1);
    if (isAsciiLetter(next)) {
      const end = openingTag(at);
      if (end < 0) return false;
      at = html.indexOf('<', end);
    } else if (next === SLASH) {
      const end = endTag(at);
      if (end < 0) return false;
      at = html.indexOf('<', end);
    } else if (next === 0x21 /* ! */) {
      const end = declarationOrComment(at);
      if (end < 0) return false;
      at = html.indexOf('<', end);
    } else if (next === 0x3f /* ? */ || Number.isNaN(next)) {
      return false;
    } else {
      // `<` and a character that starts no tag (`a < b`) is text.
      at = html.indexOf('<', at + 1);
    }
  }
  return open.length === 0;

  /** Reads the opening tag at `start`; the offset after it (and after a raw-text element's end tag), or -1. */
  function openingTag(start: number): number {
    let i = start + 1;
    while (i < length && !endsName(html.charCodeAt(i))) i++;
    const name = html.slice(start + 1, i).toLowerCase();
    if (GIVE_UP.has(name)) return -1;
    const inSvg = svgDepth > 0;
    if (inSvg && !SVG_SHAPES.has(name)) return -1;
    const innermost = open[open.length - 1];
    if (innermost !== undefined && CLOSED_BY.get(name)?.has(innermost)) return -1;
    let id: string | undefined;
    let type: string | undefined;
    let selfClosing = false;
    for (;;) {
      while (i < length && isSpace(html.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const c = html.charCodeAt(i);
      if (c === GT) break;
      if (c === SLASH) {
        // `/`, white space, `>` ends a self-closing tag; `/` before anything else is ignored.
        let j = i + 1;
        while (j < length && isSpace(html.charCodeAt(j))) j++;
        if (html.charCodeAt(j) === GT) {
          selfClosing = true;
          i = j;
          break;
        }
        i = j;
        continue;
      }
      if (c === EQUALS || c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === LT) return -1;
      const nameStart = i;
      while (i < length) {
        const d = html.charCodeAt(i);
        if (d === EQUALS || endsName(d)) break;
        if (d === DOUBLE_QUOTE || d === SINGLE_QUOTE || d === LT) return -1;
        i++;
      }
      const attribute = html.slice(nameStart, i).toLowerCase();
      while (i < length && isSpace(html.charCodeAt(i))) i++;
      let value = '';
      if (html.charCodeAt(i) === EQUALS) {
        i++;
        while (i < length && isSpace(html.charCodeAt(i))) i++;
        const quote = html.charCodeAt(i);
        if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
          const close = html.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1);
          if (close < 0) return -1;
          value = html.slice(i + 1, close);
          i = close + 1;
        } else {
          const valueStart = i;
          while (i < length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== GT) i++;
          if (i === valueStart) return -1;
          value = html.slice(valueStart, i);
        }
      }
      if (attribute === 'id' && id === undefined) {
        if (value.includes('&')) return -1;
        id = value;
      } else if (attribute === 'type' && type === undefined) {
        if (value.includes('&')) return -1;
        type = value;
      }
    }
    // `i` is at the tag's `>`.
    const openEnd = i + 1;
    const isVoid = VOID_ELEMENTS.has(name);
    events.open(name, id === '' ? undefined : id, type?.toLowerCase(), start, openEnd);
    if (isVoid) {
      events.close(name, false, start, openEnd);
      return openEnd;
    }
    // In SVG (the `<svg>` itself included) `/>` closes the element; in HTML it is ignored.
    if (selfClosing && (inSvg || name === 'svg')) {
      events.close(name, false, start, openEnd);
      return openEnd;
    }
    if (!inSvg && RAW_TEXT_ELEMENTS.has(name)) return rawText(name, openEnd);
    open.push(name);
    if (name === 'svg') svgDepth++;
    return openEnd;
  }

  /** The text of a raw-text element up to its end tag, and that tag: the offset after it, or -1. */
  function rawText(name: string, from: number): number {
    for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 1)) {
      const nameEnd = at + 2 + name.length;
      if (html.slice(at + 2, nameEnd).toLowerCase() !== name) continue;
      const after = html.charCodeAt(nameEnd);
      if (after === GT) {
        events.close(name, true, at, nameEnd + 1);
        return nameEnd + 1;
      }
      if (isSpace(after) || after === SLASH || Number.isNaN(after)) return -1;
    }
    return -1;
  }

  /** Reads the end tag at `start`: it must close the innermost open element and end right after its name. */
  function endTag(start: number): number {
    if (!isAsciiLetter(html.charCodeAt(start + 2))) return -1;
    let i = start + 2;
    while (i < length && !endsName(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== GT) return -1;
    const name = html.slice(start + 2, i).toLowerCase();
    if (open[open.length - 1] !== name) return -1;
    open.pop();
    if (name === 'svg') svgDepth--;
    events.close(name, true, start, i + 1);
    return i + 1;
  }

  /** A comment (`<!-- ... -->`) or a declaration (`<!doctype html>`): the offset after it, or -1. */
  function declarationOrComment(start: number): number {
    if (html.startsWith('<!--', start)) {
      // `<!-->` and `<!--->` are whole comments to HTML: left to htmlparser2, as is a comment never closed.
      const c = html.charCodeAt(start + 4);
      if (c === GT || c === 0x2d /* - */) return -1;
      const end = html.indexOf('-->', start + 4);
      return end < 0 ? -1 : end + 3;
    }
    const c = html.charCodeAt(start + 2);
    if (!isAsciiLetter(c)) return -1;
    const end = html.indexOf('>', start + 2);
    return end < 0 ? -1 : end + 1;
  }
}
