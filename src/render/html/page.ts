/**
 * The whole page: head (CSP, metadata, inline CSS and JSON-LD), header with contact links, section
 * navigation, one `<section>` per entry of the web layout, footer, and the inline script.
 */
import { createHash } from 'node:crypto';
import { type Diagnostic, warning } from '../../diagnostics/diagnostic.js';
import { inlineToText } from '../../inline/to-text.js';
import type { Labels } from '../../locale/labels.js';
import { lastUpdatedParts, localeOf } from '../../locale/locale.js';
import type { Cv, Publication, RichText, Section } from '../../model/cv.js';
import type { RenderOptions } from '../shared/target.js';
import { PAGE_SCRIPT, scriptWordAttributes } from './assets/script.js';
import { PAGE_STYLE } from './assets/style.js';
import { type HtmlContext, rich } from './context.js';
import { EMPTY_HTML, html, SafeHtml } from './escape.js';
import { formatIsoDate, formatLongDate, IdRegistry, idFragment } from './format.js';
import { faviconDataUrl, icon } from './icons.js';
import { renderSectionBody } from './sections.js';
import { relativizeSiteRootLinks } from './site-root-links.js';
import { contactLinks } from './social.js';
import {
  canonicalUrl,
  jsonLd,
  jsonLdScript,
  normalizeBaseUrl,
  pageDescription,
  previewTags,
} from './structured-data.js';

/** `'sha256-…'` of an inline element's exact text, for the Content-Security-Policy. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy of the page: nothing may load except same-origin and `data:` images, the one inline
 * stylesheet and the one inline script (by hash). No connections, frames, fonts, forms or `<base>`.
 */
export function contentSecurityPolicy(style: string, script: string): string {
  return [
    "default-src 'none'",
    "img-src 'self' data:",
    `style-src ${cspHash(style)}`,
    `script-src ${cspHash(script)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

interface PlacedSection {
  readonly section: Section;
  readonly title: RichText | null;
  readonly id: string;
  /** A `NEWPAGE` came before it in the layout: printing starts a new page here. */
  readonly pageBreak: boolean;
}

function placeSections(cv: Cv, ids: IdRegistry, diagnostics: Diagnostic[]): PlacedSection[] {
  const placed: PlacedSection[] = [];
  let pageBreak = false;
  for (const entry of cv.layouts.web) {
    if (entry.kind === 'newpage') {
      pageBreak = placed.length > 0;
      continue;
    }
    const section = cv.sections.get(entry.key);
    if (section === undefined) {
      diagnostics.push(
        warning({
          code: 'html-missing-section',
          message: `the web layout names \`${entry.key}\`, but the CV has no such section; the page leaves it out`,
          hints: ['Check the key in `order_md` / `order` against the section keys of cv.yaml.'],
        }),
      );
      continue;
    }
    placed.push({ section, title: entry.title, id: ids.claim(idFragment(entry.key)), pageBreak });
    pageBreak = false;
  }
  return placed;
}

function header(cv: Cv): SafeHtml {
  const links = contactLinks(cv.person);
  const contact =
    links.length === 0
      ? EMPTY_HTML
      : html`<ul class="contact">
${links.map((link) => html`<li><a href="${link.href}" class="contact-${link.kind}">${icon(link.icon)}<span>${link.label}</span></a></li>\n`)}</ul>
`;
  return html`<header class="masthead" id="top">
<h1>${cv.person.name}</h1>
${contact}</header>
`;
}

function navigation(placed: readonly PlacedSection[], label: string): SafeHtml {
  const titled = placed.filter((p) => p.title !== null);
  if (titled.length === 0) return EMPTY_HTML;
  return html`<nav class="toc" aria-label="${label}">
<ul>
${titled.map((p) => html`<li><a href="#${p.id}">${inlineToText(p.title ?? []).trim()}</a></li>\n`)}</ul>
</nav>
`;
}

/**
 * The search box over the whole page (every section obeys it; `assets/script.ts`), between the navigation and
 * the content, so the matches are the next Tab stops after it. Hidden in the file: the script shows it, so
 * without JavaScript nothing is there that does not work; its clear button is shown only while there is
 * something to clear (one Tab stop less). Left out of a page without sections.
 */
function pageSearch(placed: readonly PlacedSection[], labels: Labels): SafeHtml {
  if (placed.length === 0) return EMPTY_HTML;
  const words = labels.search;
  return html`<div class="page-search" id="page-search" role="search" aria-label="${words.label}"${scriptWordAttributes(labels, 'search')} hidden>
<label class="filter-field filter-query"><span>${words.label}</span><input type="search" id="page-q" name="q" autocomplete="off" placeholder="${words.placeholder}" aria-describedby="page-count" aria-keyshortcuts="/"></label>
<button type="button" class="chip" id="page-reset" hidden>${words.clear}</button>
<p class="filter-count" id="page-count" role="status"></p>
</div>
`;
}

function sectionHtml(placed: PlacedSection, ctx: HtmlContext): SafeHtml {
  const { section, title, id } = placed;
  const classes = `section section-${section.type}${placed.pageBreak ? ' page-break' : ''}`;
  const heading = title === null ? EMPTY_HTML : html`<h2>${rich(title)}</h2>\n`;
  // A long list (publications) ends with a way back up.
  const toTop =
    section.type === 'publications'
      ? html`<p class="to-top"><a href="#top">${localeOf(ctx.cv.locale).labels.backToTop}</a></p>\n`
      : EMPTY_HTML;
  return html`<section id="${id}" class="${classes}">
${heading}${renderSectionBody(section, ctx)}${toTop}</section>
`;
}

function footer(cv: Cv, now: Date): SafeHtml {
  const locale = localeOf(cv.locale);
  const [before, after] = lastUpdatedParts(locale);
  return html`<footer class="site-footer">
<p>${before}<time datetime="${formatIsoDate(now)}">${formatLongDate(now, locale.tag)}</time>${after}${locale.labels.fullStop}</p>
<p>${cv.person.name} · ${locale.labels.builtWith} · <a href="#top">${locale.labels.backToTop}</a></p>
</footer>
`;
}

export interface HtmlPage {
  readonly html: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function renderHtmlPage(cv: Cv, options: RenderOptions): HtmlPage {
  const diagnostics: Diagnostic[] = [];
  const ids = new IdRegistry();
  ids.claim('main');
  ids.claim('top');
  for (const id of ['page-search', 'page-q', 'page-reset', 'page-count']) ids.claim(id);
  for (const id of ['pub-filter', 'pub-year', 'pub-type', 'pub-selected', 'pub-reset', 'pub-count'])
    ids.claim(id);
  const publications: { publication: Publication; rowId: string }[] = [];
  const ctx: HtmlContext = { cv, ids, diagnostics, publications };

  const base = normalizeBaseUrl(options.baseUrl);
  if (options.baseUrl !== undefined && options.baseUrl.trim() !== '' && base === undefined) {
    diagnostics.push(
      warning({
        code: 'html-invalid-base-url',
        message: `the base URL \`${options.baseUrl}\` is not an absolute http(s) URL; the page is written without absolute links`,
        hints: [
          'Pass the address where the page is published, e.g. `--base-url https://example.github.io/cv/`.',
        ],
      }),
    );
  }
  const pageUrl = canonicalUrl(base, options.htmlFileName);

  const placed = placeSections(cv, ids, diagnostics);
  const sections = placed.map((p) => sectionHtml(p, ctx));
  const seenKeys = new Set<string>();
  const uniquePublications = publications.filter(({ publication }) => {
    if (seenKeys.has(publication.key)) return false;
    seenKeys.add(publication.key);
    return true;
  });

  const locale = localeOf(cv.locale);
  const title = `${cv.person.name} — ${locale.labels.curriculumVitae}`;
  const description = pageDescription(
    cv,
    placed.map((p) => p.section),
  );
  const structured = jsonLd({
    cv,
    publications: uniquePublications,
    base,
    pageUrl,
    description,
  });

  const page = html`<!doctype html>
<html lang="${locale.tag}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(PAGE_STYLE, PAGE_SCRIPT)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="vita">
${previewTags(cv, title, description, pageUrl)}<link rel="icon" href="${faviconDataUrl(cv.person.name)}">
<style>${SafeHtml.trust(PAGE_STYLE)}</style>
${jsonLdScript(structured)}</head>
<body${scriptWordAttributes(locale.labels, 'body')}>
<a class="skip-link" href="#main">${locale.labels.skipToContent}</a>
<div class="page">
${header(cv)}${navigation(placed, locale.labels.sectionsNav)}${pageSearch(placed, locale.labels)}<main id="main">
${sections}</main>
${footer(cv, options.now)}</div>
<script>${SafeHtml.trust(PAGE_SCRIPT)}</script>
</body>
</html>
`;
  return { html: relativizeSiteRootLinks(page.value, options.htmlFileName), diagnostics };
}
