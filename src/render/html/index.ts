/**
 * The standalone website target: one self-contained `index.html` (inline CSS, SVG icons and a few lines of
 * JavaScript, no requests leaving the page) with the same content and order as the web layout.
 */
import type { Cv } from '../../model/cv.js';
import type { RenderOptions, RenderResult, Target } from '../shared/target.js';
import { renderHtmlPage } from './page.js';

export { type SanitizeResult, sanitizeHtml } from './sanitize.js';

/** Renders the page; pure (the date comes from `options.now`, nothing is read from disk or the network). */
export function renderHtml(cv: Cv, options: RenderOptions): RenderResult {
  const page = renderHtmlPage(cv, options);
  return { files: [{ path: options.htmlFileName, contents: page.html }], diagnostics: page.diagnostics };
}

export const htmlTarget: Target = {
  name: 'html',
  description: 'standalone web page (index.html): works offline, no external requests',
  render: renderHtml,
};
