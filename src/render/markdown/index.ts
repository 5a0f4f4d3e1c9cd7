/** The `md` target: `cv.md`, a Jekyll page in the markup of the original's website page. */

import { escapeHtmlText } from '../../inline/html-escape.js';
import { lastUpdatedText, localeOf } from '../../locale/locale.js';
import type { Cv, Section } from '../../model/cv.js';
import type { RenderOptions, RenderResult, Target } from '../shared/target.js';
import { breakLiquid, frontMatterString } from './escape.js';
import { inlineToMarkdown } from './inline.js';
import { MARKDOWN_SECTIONS, type MarkdownSectionContext } from './sections.js';

export function renderMarkdown(cv: Cv, options: Pick<RenderOptions, 'now'>): string {
  let body = '';
  for (const entry of cv.layouts.web) {
    if (entry.kind !== 'section') continue; // NEWPAGE means nothing on a web page
    const section = cv.sections.get(entry.key);
    if (!section) continue;
    const ctx: MarkdownSectionContext = {
      cv,
      title: entry.title === null ? null : inlineToMarkdown(entry.title),
    };
    const handler = MARKDOWN_SECTIONS[section.type] as (s: Section, c: MarkdownSectionContext) => string;
    body += `${handler(section, ctx).trimEnd()}\n\n\n`;
  }
  const frontMatter = `---\ntitle: ${frontMatterString(cv.person.name)}\n---\n\n`;
  const locale = localeOf(cv.locale);
  const footer = `<p style="font-size: 0.85em; color: #999;">${escapeHtmlText(lastUpdatedText(options.now, locale))}${locale.labels.fullStop}</p>\n`;
  // Liquid (`{%`, `{{`) from any field is broken in the assembled body: see `breakLiquid`.
  return `${frontMatter}${breakLiquid(body.trimEnd())}\n\n${footer}`;
}

export const markdownTarget: Target = {
  name: 'md',
  description: 'cv.md: a Jekyll page in the markup of the original website page',
  render(cv: Cv, options: RenderOptions): RenderResult {
    return { files: [{ path: 'cv.md', contents: renderMarkdown(cv, options) }], diagnostics: [] };
  },
};
