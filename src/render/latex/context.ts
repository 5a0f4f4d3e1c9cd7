/**
 * What every LaTeX handler gets: the CV, and the only ways to put user text into the document
 * (escaped text, rich text, checked links). Unsupported characters are collected for one warning.
 */
import type { SourcePosition } from '../../diagnostics/diagnostic.js';
import type { Cv, RichText } from '../../model/cv.js';
import { escapeLatex, latexUrl } from './escape.js';
import { renderInline } from './inline.js';

export interface LatexContext {
  readonly cv: Cv;
  /** Plain user text, escaped. */
  text(value: string): string;
  /** Inline markup (strong, emph, links...) rendered with escaping. */
  rich(value: RichText): string;
  /** `\href{url}{body}` when the URL is allowed, else `body` alone. `body` must already be LaTeX. */
  link(url: string | undefined, body: string): string;
  /** Marks where the following text comes from, so a problem with it can point at the YAML. */
  at(position: SourcePosition | undefined): void;
}

export interface UnsupportedCharacter {
  readonly char: string;
  readonly position: SourcePosition | undefined;
}

export class LatexRenderContext implements LatexContext {
  readonly cv: Cv;
  /** Characters pdfLaTeX cannot typeset, in order of first appearance, with where they were first seen. */
  readonly unsupported = new Map<string, SourcePosition | undefined>();
  private position: SourcePosition | undefined;

  constructor(cv: Cv) {
    this.cv = cv;
  }

  at(position: SourcePosition | undefined): void {
    if (position !== undefined) this.position = position;
  }

  text(value: string): string {
    const found = new Set<string>();
    const out = escapeLatex(value, found);
    for (const char of found) if (!this.unsupported.has(char)) this.unsupported.set(char, this.position);
    return out;
  }

  rich(value: RichText): string {
    return renderInline(value, this);
  }

  link(url: string | undefined, body: string): string {
    const target = url === undefined ? undefined : latexUrl(url);
    return target === undefined ? body : `\\href{${target}}{${body}}`;
  }
}
