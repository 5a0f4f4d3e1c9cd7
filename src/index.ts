/** vita's library API: load a CV, render it, build it. The CLI is a thin layer over these. */

export type { Diagnostic, Severity, SourcePosition } from './diagnostics/diagnostic.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export type { Inline } from './inline/ast.js';
export { parseInline, parseInlineDetailed } from './inline/parse.js';
export { inlineToHtml } from './inline/to-html.js';
export { inlineToText } from './inline/to-text.js';
export type * from './model/cv.js';
export { type BuildOptions, type BuildResult, build } from './pipeline/build.js';
export { type LoadOptions, type LoadResult, loadCv } from './pipeline/load-cv.js';
export { renderMarkdown } from './render/markdown/index.js';
export { loadTarget, TARGET_NAMES } from './render/registry.js';
export type { OutputFile, RenderOptions, RenderResult, Target, TargetName } from './render/shared/target.js';
