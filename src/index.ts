/**
 * vita's library API: load a CV, render it, build it. The CLI is a thin layer over these; docs/api.md
 * describes them with a runnable example (type-checked and run by test/api/docs-example.test.ts).
 */

export { DIAGNOSTIC_CATALOGUE, type DiagnosticCode } from './diagnostics/catalogue.js';
export {
  compareDiagnostics,
  type Diagnostic,
  type Severity,
  type SourcePosition,
} from './diagnostics/diagnostic.js';
export { type FormatOptions, formatDiagnostic, formatDiagnostics, summary } from './diagnostics/format.js';
export type { EnrichOptions } from './enrich/options.js';
export type { Inline } from './inline/ast.js';
export { parseInline, parseInlineDetailed } from './inline/parse.js';
export { inlineToHtml } from './inline/to-html.js';
export { inlineToText } from './inline/to-text.js';
export type * from './model/cv.js';
export {
  type BuildOptions,
  type BuildResult,
  blocksOutput,
  build,
  buildVariants,
  type Loader,
  type RenderCvResult,
  renderCv,
  renderTargets,
  variantPath,
} from './pipeline/build.js';
export { type EnrichCvResult, type EnrichSettings, enrichCv } from './pipeline/enrich-cv.js';
export { type LoadOptions, type LoadResult, loadCv } from './pipeline/load-cv.js';
export { OutputWriteError, writeOutputs } from './pipeline/write-outputs.js';
export { renderMarkdown } from './render/markdown/index.js';
export { isTargetName, loadTarget, prewarmTarget, TARGET_NAMES } from './render/registry.js';
export type { OutputFile, RenderOptions, RenderResult, Target, TargetName } from './render/shared/target.js';
export { cvJsonSchema, cvJsonSchemaText } from './resolve/json-schema.js';
