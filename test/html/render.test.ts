import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cv } from '../../src/model/cv.js';
import { htmlTarget, renderHtml } from '../../src/render/html/index.js';
import { decodeAttributeValue, type StartTagToken, tokenizeHtml } from '../../src/render/html/sanitize.js';
import { type SectionHandlers, sectionHandlers } from '../../src/render/html/sections.js';
import type { RenderOptions } from '../../src/render/shared/target.js';
import { expectGolden } from '../helpers/golden.js';
import { withLayout } from '../helpers/test-cv.js';
import { hostileCv, hostileOptions, pageCv, pageOptions } from './page-cvs.js';

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/html-sample/expected/index.html');

function render(cv: Cv = pageCv(), options: RenderOptions = pageOptions) {
  const result = renderHtml(cv, options);
  expect(result.files).toHaveLength(1);
  const file = result.files[0];
  if (file === undefined || typeof file.contents !== 'string') throw new Error('no page');
  return { page: file.contents, path: file.path, diagnostics: result.diagnostics };
}

const startTags = (page: string): StartTagToken[] =>
  tokenizeHtml(page).filter((t): t is StartTagToken => t.kind === 'start');
const attr = (tag: StartTagToken, name: string): string | undefined =>
  tag.attributes.find(([n]) => n === name)?.[1];

function between(page: string, open: string, close: string): string[] {
  const out: string[] = [];
  let at = page.indexOf(open);
  while (at >= 0) {
    const end = page.indexOf(close, at + open.length);
    out.push(page.slice(at + open.length, end));
    at = page.indexOf(open, end);
  }
  return out;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

describe('html target', () => {
  it('is registered as `html` and writes RenderOptions.htmlFileName', () => {
    expect(htmlTarget.name).toBe('html');
    const { path: file } = render(pageCv(), { ...pageOptions, htmlFileName: 'cv.html' });
    expect(file).toBe('cv.html');
  });

  it(`matches test/fixtures/html-sample/expected/index.html (VITA_UPDATE_GOLDENS=1 rewrites it)`, () => {
    const { page, diagnostics } = render();
    expect(diagnostics).toEqual([]);
    expectGolden(GOLDEN, page);
  });

  it('is pure: the same input gives the same page, and `now` only changes the footer date', () => {
    const a = render().page;
    expect(render().page).toBe(a);
    const later = render(pageCv(), { ...pageOptions, now: new Date('2026-03-01T00:00:00Z') }).page;
    expect(a).toContain('Last updated on <time datetime="2025-11-25">November 25, 2025</time>.');
    expect(later).toContain('Last updated on <time datetime="2026-03-01">March 1, 2026</time>.');
    expect(later.replace('2026-03-01">March 1, 2026', '2025-11-25">November 25, 2025')).toBe(a);
  });
});

describe('page structure', () => {
  const cv = pageCv();
  const { page } = render(cv);
  const tags = startTags(page);

  it('has one section per web layout entry, in order, with its heading (none for a null title)', () => {
    const layout = cv.layouts.web.flatMap((e) => (e.kind === 'section' ? [e.key] : []));
    const ids = tags.filter((t) => t.name === 'section').map((t) => attr(t, 'id'));
    expect(ids).toEqual(layout);
    expect(page).toMatch(/<section id="about" class="section section-about">\n<div class="about">/);
    expect(between(page, '<h2>', '</h2>')).toEqual([
      'News',
      'Publications',
      'Other Publications',
      'Open Source Repositories',
      'Education',
      'Positions',
      'Honors &amp; Awards',
      'Invited Talks',
      'Students Advised',
      'Teaching',
      'Professional Activities',
      'Research Experience',
      'Coursework',
      'Skills',
      'Activities',
      'Side Projects',
    ]);
    expect(page).toContain('<section id="service" class="section section-service page-break">');
  });

  it('has a header with the name and contact links with icons, and a nav of the titled sections', () => {
    expect(page).toContain('<header class="masthead" id="top">\n<h1>Elena Marković</h1>');
    const contact = between(page, '<ul class="contact">', '</ul>')[0] ?? '';
    const hrefs = startTags(contact)
      .filter((t) => t.name === 'a')
      .map((t) => attr(t, 'href'));
    expect(hrefs).toEqual([
      'mailto:elena.markovic@example.org',
      'https://emarkovic.example.org',
      'https://github.com/emarkovic',
      'https://scholar.google.com/citations?user=EMARKOV1234',
      'https://twitter.com/emarkovic',
      'https://www.linkedin.com/in/elena-markovic',
      'https://orcid.org/0000-0002-1825-0097',
      'cv.pdf',
    ]);
    expect(contact.match(/<svg class="icon /g)).toHaveLength(8);
    const nav = between(page, '<nav class="toc" aria-label="Sections">', '</nav>')[0] ?? '';
    const targets = startTags(nav).flatMap((t) => (t.name === 'a' ? [attr(t, 'href')] : []));
    expect(targets[0]).toBe('#news');
    expect(targets).toHaveLength(16);
    expect(targets).not.toContain('#about');
  });

  it('has a handler for every section type, and the test CV uses them all', () => {
    const types = new Set([...cv.sections.values()].map((s) => s.type));
    expect([...types].sort()).toEqual(Object.keys(sectionHandlers).sort());
    for (const type of types) expect(page).toContain(`section-${type}`);
    // A table missing a handler does not compile:
    const { items: _items, ...withoutItems } = sectionHandlers;
    // @ts-expect-error `items` is missing
    const incomplete: SectionHandlers = withoutItems;
    expect(Object.keys(incomplete)).toHaveLength(15);
  });

  it('writes dates, sub-lines and details of each section type', () => {
    expect(page).toContain('<span class="entry-date">2016 – 2021</span>');
    expect(page).toContain('(GPA 3.97/4.00, major GPA 4.00/4.00)');
    expect(page).toContain('<a href="https://ethz.ch">ETH Zürich</a> · Zürich, Switzerland');
    expect(page).toContain(
      'Research Scientist, with <a href="https://priyaraman.example.com/">Priya Raman</a> on optimal transport',
    );
    expect(page).toContain(
      '<ul class="entry-details"><li>Area: manifold learning</li><li>Advisor: Hannah Weber</li>',
    );
    expect(page).toContain('<h3 class="group-heading">Area chair</h3>');
    expect(page).toContain('<div class="entry-meta">“Outstanding reviewer”</div>');
    expect(page).toContain('<dt>Programming</dt><dd>Python, C++, C#, Julia, Rust, Haskell</dd>');
    expect(page).toContain('<dt>Typesetting</dt><dd>LaTeX, Typst, snake_case &amp; $math$ in Markdown</dd>');
    expect(page).toContain(
      '<a href="https://lbrandt.example.org/">Lukas Brandt</a> <span class="entry-aside">(Ph.D. student, Edinburgh)',
    );
    expect(page).toContain('<a href="https://www.gatsby.ucl.ac.uk/">Gatsby Unit, UCL</a>');
    expect(page).toContain(
      '<div class="entry-meta"><a href="https://anucvml.github.io/ddn-eccvt2020/">ECCV Deep Declarative Networks Tutorial</a></div>',
    );
    expect(page).toContain('Institute for Advanced Study, Princeton, NJ');
    expect(page).toContain(
      '<strong class="entry-title">Convex Optimization</strong> <span class="entry-aside">(ETH 401-3905, Zürich)',
    );
    expect(page).toContain('<li>Convex Analysis</li>');
    expect(page).toContain('<dl class="fields"><div><dt>role</dt><dd>Section leader</dd></div>');
    expect(page).toContain('Talent Award–Mathematical Grammar School Alumni&nbsp;Prize');
    expect(page).toContain(
      '<a href="https://github.com/emarkovic/amortized-ot/releases">[new] Version 2.0 of amortized-ot: 3x faster &amp; 100% JAX</a>',
    );
  });

  it('writes repositories with star counts formatted as GitHub does', () => {
    const repos = between(page, '<section id="repos"', '</section>')[0] ?? '';
    const stars = between(repos, '<span class="visually-hidden">GitHub stars:</span> ', '</span>');
    expect(stars).toEqual(['1.8k', '412', '15.2k']);
    expect(repos).toContain('<a href="https://emarkovic.github.io/robust-dcp/">website</a>');
    expect(repos).toContain(
      '<span class="repo-name">dotfiles</span></a></div><div class="entry-meta">♥ Linux',
    );
  });

  it('loads nothing from outside the page', () => {
    for (const tag of tags) {
      for (const name of ['src', 'href']) {
        const value = attr(tag, name);
        if (value === undefined || tag.name === 'a') continue;
        expect(value, `<${tag.name} ${name}>`).toMatch(/^(data:|images\/)|^https:\/\/emarkovic/);
      }
    }
    expect(tags.filter((t) => t.name === 'link').map((t) => attr(t, 'rel'))).toEqual(['icon']);
    expect(page).not.toMatch(/@import|url\(|<iframe|<object|<embed|<font/i);
  });
});

describe('publications', () => {
  const { page } = render();
  const row = (key: string): string =>
    between(page, `<li class="pub`, '</li>\n').find((r) => r.includes(`id="pub-${key}"`)) ?? '';

  it('gives each publication a stable anchor, a number, and an abstract that opens without a script', () => {
    const amortized = row('markovic2024amortized');
    expect(amortized).toMatch(
      /^ selected" id="pub-markovic2024amortized" data-year="2024" data-type="conference paper" data-selected="">\n<span class="pub-label">\[9\]<\/span>/,
    );
    // The summary names its paper, so 9 "abstract" toggles do not sound alike.
    expect(amortized).toContain(
      '<details class="abs"><summary class="chip">abstract<span class="visually-hidden"> of Amortized Optimal Transport for Single-Cell Trajectories</span></summary><div class="abstract" id="abs-markovic2024amortized"><p>Single cells are measured once',
    );
    // A key with a colon gets an id-safe anchor.
    expect(row('markovic2024-robust')).toContain('id="abs-markovic2024-robust"');
    expect(row('weber2023flows')).not.toContain('class="abs"');
  });

  it('marks the owner (any name variant), links co-authors, and joins names as the original did', () => {
    expect(row('markovic2024amortized')).toContain(
      '<a href="https://priyaraman.example.com/">Priya Raman</a><sup>*</sup>, <strong>Elena Marković</strong><sup>*</sup>, and <a href="https://jlindqvist.example.org/">Jonas Lindqvist</a>',
    );
    expect(row('markovic2024-robust')).toContain(
      '<strong>Elena Marković</strong> and <a href="https://kmensah.example.edu/">Kwame Mensah</a>',
    );
    expect(row('oliveira2022scalable')).toContain(', Yuki Tanaka, et al.</div>');
    expect(row('markovic2014openface')).toContain('<strong>Elena Markovic</strong> and');
    expect(row('press2025agents')).toContain('<strong>Elena Marković</strong><sup>†</sup>');
    expect(row('perez2021transport')).toContain(
      '<a href="https://davidppineiro.com/">David Pérez-Piñeiro</a>, <a href="https://scholar.google.com/citations?user=muyZLrYAAAAJ">Ali İrfan Mahmutoğulları</a>',
    );
  });

  it('highlights selected rows, and groups by year and by list', () => {
    expect(page.match(/<li class="pub selected"/g)).toHaveLength(2);
    // Each year heading has an id, so a year can be linked to.
    expect(between(page, '<h3 class="pub-year" id="', '</h3>')).toEqual([
      'all_publications-2024">2024',
      'all_publications-2023">2023',
      'all_publications-2022">2022',
      'all_publications-2021">2021',
      'all_publications-2015-and-earlier">2015 and earlier',
    ]);
    expect(
      between(page, '<h3 class="group-heading" id="', '</h3>').map((h) => h.replace(/^[^"]*">/, '')),
    ).toEqual(expect.arrayContaining(['Journal Articles', 'Workshop Papers', '<em>Preprints</em>']));
    expect(row('markovic2022survey')).toContain('<span class="pub-label">[J1]</span>');
    expect(row('markovic2022tokens')).toContain('<span class="pub-label">[W1]</span>');
    expect(row('press2025agents')).toContain('<span class="pub-label">[P1]</span>');
  });

  it('writes venue and year once, note, citations when shown, image, links and BibTeX', () => {
    expect(row('markovic2023meta')).toContain(
      '<div class="pub-venue">AISTATS 2023 · <span class="pub-note">Oral presentation</span> · <span class="pub-citations">cited by 14</span></div>',
    );
    expect(row('markovic2024-robust')).toContain(
      ' · <span class="pub-note">Spotlight – top 3%</span> · <span class="pub-citations">cited by 87</span>',
    );
    expect(row('weber2023flows')).toContain('<div class="pub-venue">ICLR 2023</div>');
    expect(row('markovic2022tokens')).not.toContain('cited by');
    expect(row('markovic2024amortized')).toContain(
      '<img class="pub-image" src="images/publications/markovic2024amortized.svg" alt="" loading="lazy">',
    );
    expect(row('weber2023flows')).not.toContain('<img');
    expect(row('markovic2024-robust')).toContain(
      '<a class="chip" href="https://video.example.org/watch?v=dcp&amp;t=42#start">talk</a>',
    );
    expect(row('markovic2023meta')).toContain('<a class="chip" href="papers/qp-warmstart.pdf">pdf</a>');
    expect(row('weber2023flows')).toContain(
      '<a class="chip" href="https://www.youtube.com/watch?v=flows2023">video</a>',
    );
    expect(row('markovic2023neurips')).toContain('<a class="chip" href="posters/unk-tokens.pdf">poster</a>');
    expect(row('markovic2023neurips')).toContain('Learning with &lt;unk&gt; Tokens');
    expect(row('oliveira2022scalable')).toContain(
      '<a class="chip" href="https://doi.org/10.5555/jmlr.2022.00042">doi</a>',
    );
    expect(row('markovic2024amortized')).toContain(
      '<details class="bib"><summary class="chip">BibTeX<span class="visually-hidden"> of Amortized Optimal Transport for Single-Cell Trajectories</span></summary><div class="bib-body"><pre id="bib-markovic2024amortized">@inproceedings{markovic2024amortized,\n  author = ',
    );
    expect(row('markovic2024amortized')).toContain(
      'data-copy="bib-markovic2024amortized" aria-label="copy BibTeX of Amortized Optimal Transport for Single-Cell Trajectories" hidden>copy</button>',
    );
    expect(row('markovic2024amortized')).toMatch(
      /data-copy-text="Priya Raman, Elena Marković, and Jonas Lindqvist\. Amortized Optimal Transport for Single-Cell Trajectories\. [^"]+" aria-label="copy citation of Amortized Optimal Transport for Single-Cell Trajectories" hidden>copy citation<\/button>/,
    );
  });

  it('shows Google Scholar and citation totals once, and links each .bib source', () => {
    expect(page.match(/>Google Scholar(<\/span>)?<\/a>/g)).toHaveLength(2); // header + first publications section
    expect(page.match(/4,210 citations/g)).toHaveLength(1);
    expect(page).toContain('href="https://github.com/emarkovic/cv/blob/master/publications/all.bib"');
    // `bib_url:` replaces the link made from `src:`.
    expect(page).toContain('href="https://github.com/emarkovic/cv/tree/master/publications"');
    expect(page).not.toContain('blob/master/publications/journal.bib');
    expect(page).toContain('9 publications, including ICML (2 papers) and NeurIPS (2 papers).');
  });

  it('has one search box for the whole page, before the content, hidden until the script shows it', () => {
    const bars = between(page, '<div class="page-search" id="page-search" role="search"', '\n</div>');
    expect(bars).toHaveLength(1);
    const bar = bars[0] ?? '';
    expect(bar).toMatch(/^ aria-label="Search this page" hidden>/);
    expect(bar).toContain(
      '<label class="filter-field filter-query"><span>Search this page</span><input type="search" id="page-q" name="q"',
    );
    expect(bar).toContain('aria-describedby="page-count" aria-keyshortcuts="/"');
    expect(bar).toContain('<button type="button" class="chip" id="page-reset" hidden>clear search</button>');
    expect(bar).toContain('<p class="filter-count" id="page-count" role="status"></p>');
    // Between the navigation and the content: the matches are the next Tab stops after it.
    expect(page).toMatch(/<\/nav>\n<div class="page-search"[\s\S]*?<\/div>\n<main id="main">/);
  });

  it('has a publications filter, hidden until the script shows it, with counted facets', () => {
    const panel = between(page, '<div class="pub-filter" id="pub-filter" role="group"', '\n</div>');
    expect(panel).toHaveLength(1);
    const filter = panel[0] ?? '';
    expect(filter).toMatch(/^ aria-label="Publications" hidden>/);
    // The words typed are the page's search box's; the filter has the menus only.
    expect(filter).not.toContain('type="search"');
    const rows = page.match(/<li class="pub[ "]/g)?.length ?? 0;
    expect(filter).toContain(`<option value="">all years (${rows})</option><option value="2024">2024 (`);
    expect(filter).toContain('<option value="Journal Articles">Journal Articles (');
    expect(filter).toContain('<input type="checkbox" id="pub-selected" name="selected"> selected only');
    expect(filter).toContain(`<p class="filter-count" id="pub-count" role="status">${rows} publications</p>`);
    // One filter for the page, in the first publications section.
    expect(page.match(/id="pub-filter"/g)).toHaveLength(1);
  });

  it('links the years of a long list and ends a publications section with a way back up', () => {
    expect(page).toContain(
      '<nav class="pub-years" aria-label="Publication years"><ul><li><a href="#all_publications-2024">2024</a></li>',
    );
    expect(page).toContain('<p class="to-top"><a href="#top">Back to top</a></p>\n</section>');
  });

  it('claims unique ids when the same entry appears twice', () => {
    const cv = pageCv();
    const all = cv.sections.get('all_publications');
    if (all === undefined) throw new Error('test CV changed');
    const twice: Cv = {
      ...cv,
      layouts: { ...cv.layouts, web: [...cv.layouts.web, { kind: 'section', key: 'selected', title: null }] },
      sections: new Map([...cv.sections, ['selected', { ...all, key: 'selected' }]]),
    };
    const { page: doubled } = render(twice);
    const ids = startTags(doubled).flatMap((t) => attr(t, 'id') ?? []);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('pub-markovic2024amortized-2');
    expect(doubled).toContain('id="abs-markovic2024amortized-2"');
  });
});

describe('head', () => {
  const { page } = render();

  it('has a Content-Security-Policy with the hashes of the inline style and script', () => {
    const csp = decodeAttributeValue(
      /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1] ?? '',
    );
    const style = between(page, '<style>', '</style>');
    const scripts = between(page, '<script>', '</script>');
    expect(style).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    expect(csp).toBe(
      `default-src 'none'; img-src 'self' data:; style-src 'sha256-${sha256(style[0] ?? '')}'; ` +
        `script-src 'sha256-${sha256(scripts[0] ?? '')}'; base-uri 'none'; form-action 'none'`,
    );
  });

  it('has description, Open Graph and schema.org data', () => {
    expect(page).toContain('<title>Elena Marković — Curriculum Vitae</title>');
    // The about text without its markup (and without the HTML comment), cut at a word before 200 characters.
    expect(page).toContain(
      '<meta name="description" content="I build learning systems that reason with optimization &amp; control, recently involving optimal transport, implicit layers and model-predictive control. I publish my research code on GitHub, as science…">',
    );
    expect(page).toContain('<meta property="og:type" content="profile">');
    expect(page).not.toContain('og:url');
    expect(page).not.toContain('rel="canonical"');
    const data = JSON.parse(between(page, '<script type="application/ld+json">', '</script>')[0] ?? '');
    const [person, ...articles] = data['@graph'];
    expect(person).toMatchObject({
      '@type': 'Person',
      name: 'Elena Marković',
      url: 'https://emarkovic.example.org/',
      email: 'elena.markovic@example.org',
    });
    expect(person.sameAs).toContain('https://github.com/emarkovic');
    expect(person.sameAs).toContain('https://scholar.google.com/citations?user=EMARKOV1234');
    expect(articles).toHaveLength(12);
    expect(articles[0]).toEqual({
      '@type': 'ScholarlyArticle',
      name: 'Amortized Optimal Transport for Single-Cell Trajectories',
      author: ['Priya Raman', 'Elena Marković', 'Jonas Lindqvist'].map((name) => ({
        '@type': 'Person',
        name,
      })),
      datePublished: '2024',
      url: 'https://arxiv.org/abs/2401.00001',
      isPartOf: 'NeurIPS',
    });
  });

  it('makes page URLs absolute with --base-url', () => {
    const { page: based } = render(pageCv(), { ...pageOptions, baseUrl: 'https://elena.example.org/cv' });
    expect(based).toContain('<meta property="og:url" content="https://elena.example.org/cv/">');
    expect(based).toContain('<link rel="canonical" href="https://elena.example.org/cv/">');
    const data = JSON.parse(between(based, '<script type="application/ld+json">', '</script>')[0] ?? '');
    expect(data['@graph'][0]['@id']).toBe('https://elena.example.org/cv/#person');
    expect(data['@graph'][1]['@id']).toBe('https://elena.example.org/cv/#pub-markovic2024amortized');
    const thesis = data['@graph'].find((n: { name: string }) => n.name.startsWith('Structured Prediction'));
    expect(thesis.url).toBe('https://emarkovic.example.org/thesis.pdf');
    const tokens = data['@graph'].find((n: { name: string }) => n.name.startsWith('Fixing Broken'));
    expect(tokens.url).toBeUndefined();
    const { page: named } = render(pageCv(), {
      ...pageOptions,
      baseUrl: 'https://e.example/',
      htmlFileName: 'cv.html',
    });
    expect(named).toContain('<link rel="canonical" href="https://e.example/cv.html">');
  });
});

describe('hostile input', () => {
  const { page, diagnostics } = render(hostileCv(), hostileOptions);
  const tags = startTags(page);

  it('writes no element, attribute or URL from the data that could run code', () => {
    expect(tags.filter((t) => t.name === 'script').map((t) => attr(t, 'type'))).toEqual([
      'application/ld+json',
      undefined,
    ]);
    for (const name of ['img', 'iframe', 'svg', 'style', 'math', 'object', 'embed']) {
      const allowed =
        name === 'svg'
          ? tags.filter((t) => t.name === 'svg' && attr(t, 'class')?.startsWith('icon')).length
          : 0;
      expect(tags.filter((t) => t.name === name).length, name).toBe(name === 'style' ? 1 : allowed);
    }
    for (const tag of tags) {
      for (const [name, value] of tag.attributes) {
        expect(name.startsWith('on'), `<${tag.name} ${name}>`).toBe(false);
        if (name === 'href' || name === 'src') {
          expect(
            decodeAttributeValue(value ?? '')
              .trim()
              .toLowerCase(),
            `<${tag.name} ${name}>`,
          ).toMatch(/^(https?:|mailto:|data:image\/svg\+xml,|#|[^:]*$)/);
        }
      }
    }
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toMatch(/<img src=x/i);
  });

  it('keeps the hostile text visible as text', () => {
    expect(page).toContain('<h1>Eve &lt;script&gt;alert(1)&lt;/script&gt;&lt;/title&gt;</h1>');
    expect(page).toContain('Title &lt;script&gt;alert(1)&lt;/script&gt;click meand me');
    expect(page).toContain(
      '<pre id="bib-evil--onmouseover--alert-1-">@misc{evil,\n  title = {&lt;/pre&gt;&lt;script&gt;',
    );
    expect(page).toContain('class="pub selected" id="pub-evil--onmouseover--alert-1-"');
  });

  it('keeps the JSON-LD block closed and parseable', () => {
    const blocks = between(page, '<script type="application/ld+json">', '</script>');
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0] ?? '');
    expect(data['@graph'][0].name).toBe('Eve <script>alert(1)</script></title>');
    expect(data['@graph'][0].url).toBeUndefined();
    expect(data['@graph'][1].url).toBe('https://doi.org/10.1/%3Cscript%3Ealert(1)%3C/script%3E');
  });

  it('reports what it removed or could not use', () => {
    expect(diagnostics.map((d) => d.code).sort()).toEqual([
      'html-invalid-base-url',
      'html-missing-section',
      'html-unsafe-markup',
    ]);
    const unsafe = diagnostics.find((d) => d.code === 'html-unsafe-markup');
    expect(unsafe?.message).toContain('<script> element');
    expect(unsafe?.message).toContain('onerror attribute');
    expect(unsafe?.message).toContain('unsafe URL in <a href>');
  });
});

describe('minimal input', () => {
  it('renders a CV with only a name', () => {
    const cv: Cv = {
      ...pageCv(),
      person: { name: 'Solo', social: {} },
      sections: new Map(),
      citations: undefined,
    };
    const { page, diagnostics } = render(withLayout(cv, { web: [], print: [] }));
    expect(diagnostics).toEqual([]);
    expect(page).toContain('<h1>Solo</h1>');
    expect(page).not.toContain('<nav');
    expect(page).not.toContain('<ul class="contact">');
    expect(page).toContain('<meta name="description" content="Curriculum vitae of Solo.">');
  });

  it('leaves out empty parts of entries', () => {
    const { page } = render();
    // The test CV's third news item has no date; its second education entry no details.
    expect(page).toContain(
      '<li class="entry"><div class="entry-body"><a href="https://github.com/emarkovic/amortized-ot/releases">',
    );
    expect(page).toContain(
      '<div class="entry-meta">University of Belgrade · Belgrade, Serbia</div></div></li>',
    );
  });
});
