/** The `md` target: `cv.md`, a Jekyll page in the markup of the original's website page. */

import { escapeHtmlText } from '../../inline/html-escape.js';
import { lastUpdatedText, localeOf } from '../../locale/locale.js';
import type { Cv, Section } from '../../model/cv.js';
import type { RenderOptions, RenderResult, Target } from '../shared/target.js';
import { breakLiquid, frontMatterString } from './escape.js';
import { inlineToMarkdown } from './inline.js';
import { MARKDOWN_SECTIONS, type MarkdownSectionContext } from './sections.js';

export function renderMarkdown(cv: Cv, options: Pick<RenderOptions, 'now'>): string {
  const sections: string[] = [];
  for (const entry of cv.layouts.web) {
    if (entry.kind !== 'section') continue; // NEWPAGE means nothing on a web page
    const section = cv.sections.get(entry.key);
    if (!section) continue;
    const ctx: MarkdownSectionContext = {
      cv,
      title: entry.title === null ? null : inlineToMarkdown(entry.title),
    };
    const handler = MARKDOWN_SECTIONS[section.type] as (s: Section, c: MarkdownSectionContext) => string;
    // Liquid (`{%`, `{{`) from any field is broken in each section's text (see `breakLiquid`): sections are
    // apart by blank lines, so no `{{` spans two of them.
    sections.push(breakLiquid(handler(section, ctx).trimEnd()));
  }
  // Two blank lines between sections, none after the last one written. Assembled by concatenation, which
  // links the strings: the file's one copy of the text is made when it is written (a 100,000-paper page is
  // ~330 MB as a string; every pass that copies it whole costs about a second).
  while (sections.length > 0 && sections[sections.length - 1] === '') sections.pop();
  let body = '';
  sections.forEach((text, i) => {
    body = i === 0 ? text : `${body}\n\n\n${text}`;
  });
  const frontMatter = `---\ntitle: ${frontMatterString(cv.person.name)}\n---\n\n`;
  const locale = localeOf(cv.locale);
  const footer = `<p style="font-size: 0.85em; color: #999;">${escapeHtmlText(lastUpdatedText(options.now, locale))}${locale.labels.fullStop}</p>\n`;
  return `${frontMatter}${body}\n\n${footer}`;
}

export const markdownTarget: Target = {
  name: 'md',
  description: 'cv.md: a Jekyll page in the markup of the original website page',
  render(cv: Cv, options: RenderOptions): RenderResult {
    return { files: [{ path: 'cv.md', contents: renderMarkdown(cv, options) }], diagnostics: [] };
  },
};
