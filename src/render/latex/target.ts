/** The `tex` target (`cv.tex`), and the `--pdf-engine latex` PDF target built on it. */
import type { RenderResult, Target } from '../shared/target.js';
import { compileLatexPdf } from './compile.js';
import { renderLatexDocument } from './document.js';

export const latexTarget: Target = {
  name: 'tex',
  description: 'LaTeX source (cv.tex) in the style of moderncv "banking"',
  render(cv, options): RenderResult {
    const { tex, diagnostics } = renderLatexDocument(cv, { now: options.now });
    return { files: [{ path: 'cv.tex', contents: tex }], diagnostics };
  },
};

/**
 * `cv.pdf` through pdfLaTeX (`--pdf-engine latex`): renders cv.tex and compiles it with latexmk in a private
 * temporary folder. Not pure (it runs TeX), so the registry uses it only when that engine is asked for.
 */
export const latexPdfTarget: Target = {
  name: 'pdf',
  description: 'PDF typeset by pdfLaTeX from cv.tex (needs TeX Live and latexmk)',
  async render(cv, options): Promise<RenderResult> {
    const document = renderLatexDocument(cv, { now: options.now });
    const compiled = await compileLatexPdf(document.tex, { now: options.now });
    return {
      files: compiled.pdf === undefined ? [] : [{ path: 'cv.pdf', contents: compiled.pdf }],
      diagnostics: [...document.diagnostics, ...compiled.diagnostics],
    };
  },
};
