/** The contract every output target implements; the registry in `render/registry.ts` lists them. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Cv } from '../../model/cv.js';

export type TargetName = 'md' | 'html' | 'pdf' | 'tex' | 'json';

export type PdfEngine = 'typst' | 'latex';

/** The PDF engine when none is named: the Typst compiler vita embeds (no TeX needed). */
export const DEFAULT_PDF_ENGINE: PdfEngine = 'typst';

export interface RenderOptions {
  /** The time shown as "Last updated" (from `--date` / SOURCE_DATE_EPOCH, else the clock). Renderers never read the clock. */
  readonly now: Date;
  /** Absolute path of the output folder (renderers return files relative to it; the build writes them). */
  readonly outDir: string;
  /** `--base-url`: absolute URL where the site is published, for JSON-LD and Open Graph. */
  readonly baseUrl?: string | undefined;
  /** `--pdf-engine`: `typst` (default) or `latex`. */
  readonly pdfEngine: PdfEngine;
  /** Name of the standalone HTML page (default `index.html`). */
  readonly htmlFileName: string;
}

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators. */
  readonly path: string;
  readonly contents: string | Uint8Array;
}

export interface RenderResult {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** Milliseconds of named inner steps (e.g. `typst compile`), reported by `--timings` and the benchmark. */
  readonly timings?: Readonly<Record<string, number>> | undefined;
}

export interface Target {
  readonly name: TargetName;
  /** Short description for `--help`. */
  readonly description: string;
  render(cv: Cv, options: RenderOptions): RenderResult | Promise<RenderResult>;
  /**
   * Starts slow work (a compiler, fonts) ahead of `render`, while the CV is still being read. `repeated`: the
   * process will render again and again (watch mode), so whatever is kept between renders should be.
   */
  prewarm?(use?: { readonly repeated?: boolean }): void;
}
