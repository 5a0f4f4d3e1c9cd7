/**
 * The inline markup AST. Strings in cv.yaml and BibTeX fields are a LaTeX subset; they are parsed once
 * into these nodes (see `parse.ts`) and every target renders the nodes with its own escaping.
 */
export type Inline =
  | TextNode
  | StrongNode
  | EmphNode
  | LinkNode
  | NbspNode
  | DashNode
  | SuperscriptNode
  | LineBreakNode
  | QuoteNode
  | HtmlNode;

export interface TextNode {
  readonly type: 'text';
  readonly value: string;
}
export interface StrongNode {
  readonly type: 'strong';
  readonly children: readonly Inline[];
}
export interface EmphNode {
  readonly type: 'emph';
  readonly children: readonly Inline[];
}
/** `url` is the URL exactly as written; renderers pass it through `safeUrl` before emitting it. */
export interface LinkNode {
  readonly type: 'link';
  readonly url: string;
  readonly children: readonly Inline[];
}
/** `~`: a non-breaking space. */
export interface NbspNode {
  readonly type: 'nbsp';
}
/** `--` (en) and `---` (em). */
export interface DashNode {
  readonly type: 'dash';
  readonly kind: 'en' | 'em';
}
/** `$^*$`, `$^\dagger$`, `\textsuperscript{}`: equal-contribution and footnote marks. */
export interface SuperscriptNode {
  readonly type: 'superscript';
  readonly children: readonly Inline[];
}
/** `\\` and `\newline`. */
export interface LineBreakNode {
  readonly type: 'linebreak';
}
/** ``` ``text'' ```: double quotes. */
export interface QuoteNode {
  readonly type: 'quote';
  readonly children: readonly Inline[];
}
/**
 * Raw HTML, produced only for web-only blocks such as `about` (never by the LaTeX parser).
 * The Markdown target emits it as is (the user owns their page); the standalone HTML target sanitises it;
 * print targets render its text content.
 */
export interface HtmlNode {
  readonly type: 'html';
  readonly value: string;
}

export type InlineType = Inline['type'];

export const text = (value: string): TextNode => ({ type: 'text', value });
