/**
 * Raw HTML (`about:` blocks) as a flat list of tokens, read by htmlparser2's tokenizer: text, start tags,
 * end tags and comments, exactly as written (no tree building, no implied end tags, character references
 * not decoded). The sanitiser of the web page and the plain text of the print targets both read this one
 * token stream, so they agree on what is a tag, a comment or script content.
 */
import { QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export interface TextToken {
  readonly kind: 'text';
  /** The text as written, character references not decoded. */
  readonly value: string;
  /** Content of a raw-text element (`<script>`, `<style>`...), which HTML never parses as tags. */
  readonly raw: boolean;
}
export interface StartTagToken {
  readonly kind: 'start';
  /** Lower-cased. */
  readonly name: string;
  /** Lower-cased names; values as written (undefined for a bare attribute); duplicates dropped. */
  readonly attributes: readonly (readonly [string, string | undefined])[];
  readonly selfClosing: boolean;
}
export interface EndTagToken {
  readonly kind: 'end';
  readonly name: string;
}
/** A comment, and what HTML reads as one: a doctype, `<?...>`, `<![CDATA[...]]>`, `</ x>`. */
export interface CommentToken {
  readonly kind: 'comment';
}
export type HtmlToken = TextToken | StartTagToken | EndTagToken | CommentToken;

/**
 * Elements whose content the tokenizer reads as raw text up to the matching end tag (HTML's raw-text and
 * RCDATA elements, as htmlparser2 reads them). After `<plaintext>` (obsolete) the rest of the input is text
 * that browsers show as written: it comes as ordinary text, with its `<` as text.
 */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

/** Splits an HTML fragment into tokens. Never throws; an unterminated tag at the end is dropped. */
export function tokenizeHtml(input: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let tagName = '';
  let attributes: [string, string | undefined][] = [];
  let seen = new Set<string>();
  let attributeName = '';
  let attributeValue = '';
  /** Inside a raw-text element: its name. */
  let rawElement: string | undefined;

  const pushText = (value: string) => {
    const raw = rawElement !== undefined;
    const last = tokens.at(-1);
    if (last?.kind === 'text' && last.raw === raw)
      tokens[tokens.length - 1] = { ...last, value: last.value + value };
    else tokens.push({ kind: 'text', value, raw });
  };
  const pushStart = (selfClosing: boolean) => {
    tokens.push({ kind: 'start', name: tagName, attributes, selfClosing });
    // HTML ignores the `/` of `<script/>`: its content is raw text all the same.
    if (RAW_TEXT_ELEMENTS.has(tagName)) rawElement = tagName;
  };
  const comment = () => {
    tokens.push({ kind: 'comment' });
  };

  const callbacks: TokenizerCallbacks = {
    ontext: (start, end) => pushText(input.slice(start, end)),
    ontextentity: () => {}, // references are not decoded here
    onattribentity: () => {},
    onopentagname: (start, end) => {
      tagName = input.slice(start, end).toLowerCase();
      attributes = [];
      seen = new Set();
    },
    onattribname: (start, end) => {
      attributeName = input.slice(start, end).toLowerCase();
      attributeValue = '';
    },
    onattribdata: (start, end) => {
      attributeValue += input.slice(start, end);
    },
    onattribend: (quote) => {
      if (seen.has(attributeName)) return; // the first one wins, as in browsers
      seen.add(attributeName);
      attributes.push([attributeName, quote === QuoteType.NoValue ? undefined : attributeValue]);
    },
    onopentagend: () => pushStart(false),
    onselfclosingtag: () => pushStart(true),
    onclosetag: (start, end) => {
      const name = input.slice(start, end).toLowerCase();
      if (rawElement !== undefined && name !== rawElement) return; // cannot happen: raw text ends only here
      rawElement = undefined;
      tokens.push({ kind: 'end', name });
    },
    oncomment: comment,
    oncdata: comment,
    ondeclaration: comment,
    onprocessinginstruction: comment,
    onend: () => {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks);
  tokenizer.write(input);
  tokenizer.end();
  return tokens;
}
