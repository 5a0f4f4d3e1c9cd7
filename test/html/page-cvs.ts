/**
 * The CVs the HTML target's tests render: the test CV with citation counts (as enrichment adds them), and a
 * hostile variant of it with injection attempts in every field that reaches the page. Both are derived from
 * the loaded test CV (test/helpers/test-cv.ts).
 */
import { text } from '../../src/inline/ast.js';
import type { Cv, Publication } from '../../src/model/cv.js';
import type { RenderOptions } from '../../src/render/shared/target.js';
import { publicationOf, rich, sectionOf, testCv, withCitations } from '../helpers/test-cv.js';

export const pageOptions: RenderOptions = {
  now: new Date('2025-11-25T12:00:00Z'),
  outDir: '/tmp/vita-out',
  pdfEngine: 'typst',
  htmlFileName: 'index.html',
};

/** Citation counts for a few papers, and the author's totals: what enrichment would find. */
export const CITATIONS: Readonly<Record<string, number>> = {
  markovic2024amortized: 128,
  'markovic2024:robust': 87,
  markovic2023meta: 14,
};

/** The test CV as the page shows it after enrichment. */
export function pageCv(): Cv {
  return withCitations(testCv(), CITATIONS, { totalCitations: 4210, hIndex: 21, source: 'OpenAlex' });
}

// -------------------------------------------------------------------------------------- hostile input

export const SCRIPT = '<script>alert(1)</script>';
export const ATTRIBUTE_BREAK = '" onmouseover="alert(1)';
export const JS_URL = 'javascript:alert(1)';
export const IMG_ONERROR = '<img src=x onerror=alert(1)>';

const link = (url: string, label: string) => ({ type: 'link' as const, url, children: [text(label)] });

/** The test CV with injection attempts in names, URLs, keys, raw HTML, BibTeX and JSON-LD fields. */
export function hostileCv(): Cv {
  const cv = pageCv();
  const model = publicationOf(cv, 'markovic2024amortized');
  const [firstAuthor] = model.authors;
  if (firstAuthor === undefined) throw new Error('test CV changed');
  const hostilePublication: Publication = {
    ...model,
    key: `evil${ATTRIBUTE_BREAK}`,
    anchor: undefined,
    label: `6${SCRIPT}`,
    year: '2025',
    title: [text(`Title ${SCRIPT}`), link(JS_URL, 'click me'), link('JaVaScRiPt:alert(1)', 'and me')],
    url: JS_URL,
    authors: [
      { ...firstAuthor, name: rich(`Mallory ${IMG_ONERROR}`), plain: 'Mallory', url: JS_URL },
      {
        ...firstAuthor,
        name: rich(`Trent ${ATTRIBUTE_BREAK}`),
        plain: 'Trent',
        url: `https://x.example.org/${ATTRIBUTE_BREAK}`,
      },
    ],
    venue: rich(`</script><script>alert(1)</script>`),
    abstract: rich(`Abstract ${IMG_ONERROR} ${SCRIPT}`),
    links: [
      { label: `code${ATTRIBUTE_BREAK}`, url: JS_URL },
      { label: 'data', url: 'data:text/html,<script>alert(1)</script>' },
      { label: 'vbs', url: 'vbscript:msgbox(1)' },
      { label: 'tab', url: 'java\tscript:alert(1)' },
    ],
    image: undefined,
    selected: true,
    bibtex: `@misc{evil, title={</pre>${SCRIPT}${IMG_ONERROR}}}`,
    doi: `10.1/${SCRIPT}`,
  };
  const sections = new Map(cv.sections);
  sections.set('about', {
    ...sectionOf(cv, 'about', 'about'),
    html:
      `<p>Hello ${IMG_ONERROR} ${SCRIPT}` +
      '<a href="javascript:alert(1)">a</a> <a href="jav&#x09;ascript:alert(1)">b</a> ' +
      '<a href="&#106;avascript:alert(1)">c</a> <a href="javascript&colon;alert(1)">d</a> ' +
      '<a href="java&NewLine;script:alert(1)">e</a> <a href="https://ok.example.org" onclick="alert(1)">ok</a>' +
      '<iframe src="javascript:alert(1)"></iframe><style>body { display: none }</style>' +
      '<svg><script>alert(1)</script></svg><math><mtext><img src=x onerror=alert(1)></mtext></math>' +
      '<span title="x&quot; onmouseover=&quot;alert(1)">t</span><div onmouseover="alert(1)">div</div>' +
      '<!-- <script>alert(1)</script> --><p>unclosed <b>bold <a href="https://ok.example.org">',
    text: rich('hostile'),
  });
  sections.set('all_publications', {
    ...sectionOf(cv, 'all_publications', 'publications'),
    lists: [
      {
        heading: rich(SCRIPT),
        prefix: '',
        file: `all.bib${ATTRIBUTE_BREAK}`,
        groups: [{ heading: SCRIPT, publications: [hostilePublication] }],
      },
    ],
    venueSummary: [{ venue: SCRIPT, count: 1 }],
    total: 1,
  });
  sections.set('repos', {
    ...sectionOf(cv, 'repos', 'repos'),
    items: [
      {
        url: JS_URL,
        name: `<b>${SCRIPT}</b>`,
        description: rich(IMG_ONERROR),
        stars: 5,
        homepage: 'data:text/html,x',
        year: rich(SCRIPT),
      },
    ],
  });
  sections.set('talks', {
    ...sectionOf(cv, 'talks', 'talks'),
    items: [
      {
        title: [link(JS_URL, 'talk')],
        url: JS_URL,
        location: rich(ATTRIBUTE_BREAK),
        locationUrl: ` ${JS_URL}`,
        year: rich('2020'),
      },
    ],
  });
  sections.set(`x${ATTRIBUTE_BREAK}`, {
    type: 'items',
    key: `x${ATTRIBUTE_BREAK}`,
    items: [
      { text: [{ type: 'html', value: IMG_ONERROR }], fields: [{ key: IMG_ONERROR, value: rich(SCRIPT) }] },
    ],
  });
  return {
    ...cv,
    person: {
      ...cv.person,
      name: `Eve ${SCRIPT}</title>`,
      firstName: `Eve${ATTRIBUTE_BREAK}`,
      email: `eve@example.org${ATTRIBUTE_BREAK}`,
      url: JS_URL,
      pdfUrl: JS_URL,
      sourceUrl: JS_URL,
      social: {
        github: `"><img src=x onerror=alert(1)>`,
        google_scholar: ATTRIBUTE_BREAK,
        evil: JS_URL,
        mastodon: 'https://mastodon.example/@eve',
      },
    },
    layouts: {
      web: [
        { kind: 'section', key: 'about', title: null },
        { kind: 'section', key: 'all_publications', title: rich(SCRIPT) },
        { kind: 'section', key: 'repos', title: [link(JS_URL, 'Repos')] },
        { kind: 'section', key: 'talks', title: rich(ATTRIBUTE_BREAK) },
        { kind: 'section', key: `x${ATTRIBUTE_BREAK}`, title: rich(IMG_ONERROR) },
        { kind: 'section', key: 'missing', title: rich('Missing') },
      ],
      print: cv.layouts.print,
    },
    sections,
  };
}

export const hostileOptions: RenderOptions = { ...pageOptions, baseUrl: JS_URL };
