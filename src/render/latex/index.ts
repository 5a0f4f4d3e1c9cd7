/** The LaTeX target: `cv.tex`, and PDF through latexmk for `--pdf-engine latex`. */
export {
  compileLatexPdf,
  isLatexAvailable,
  type LatexCompileOptions,
  type LatexCompileResult,
} from './compile.js';
export { type LatexDocument, type LatexDocumentOptions, renderLatexDocument } from './document.js';
export { escapeLatex, latexUrl } from './escape.js';
export { latexPdfTarget, latexTarget } from './target.js';
