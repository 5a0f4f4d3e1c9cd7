import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cv } from '../../src/model/cv.js';
import { htmlTarget, renderHtml } from '../../src/render/html/index.js';
import { decodeAttributeValue, type StartTagToken, tokenizeHtml } from '../../src/render/html/sanitize.js';
import { type SectionHandlers, sectionHandlers } from '../../src/render/html/sections.js';
import type { RenderOptions } from '../../src/render/target.js';
import { printOptions } from '../helpers/print-options.js';
import { hostileCv, hostileOptions, sampleCv, sampleOptions } from './sample-cv.js';

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/html-sample/expected/index.html');
const UPDATE = process.env.VITA_UPDATE_GOLDENS === '1';

function render(cv: Cv = sampleCv(), options: RenderOptions = sampleOptions) {
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
    const { path: file } = render(sampleCv(), { ...sampleOptions, htmlFileName: 'cv.html' });
    expect(file).toBe('cv.html');
  });

  it(`matches test/fixtures/html-sample/expected/index.html (VITA_UPDATE_GOLDENS=1 rewrites it)`, () => {
    const { page, diagnostics } = render();
    expect(diagnostics).toEqual([]);
    if (UPDATE) {
      mkdirSync(path.dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, page);
    }
    expect(existsSync(GOLDEN), 'golden file missing: run with VITA_UPDATE_GOLDENS=1').toBe(true);
    expect(page).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('is pure: the same input gives the same page, and `now` only changes the footer date', () => {
    const a = render().page;
    expect(render().page).toBe(a);
    const later = render(sampleCv(), { ...sampleOptions, now: new Date('2026-03-01T00:00:00Z') }).page;
    expect(a).toContain('Last updated on <time datetime="2025-11-25">November 25, 2025</time>.');
    expect(later).toContain('Last updated on <time datetime="2026-03-01">March 1, 2026</time>.');
    expect(later.replace('2026-03-01">March 1, 2026', '2025-11-25">November 25, 2025')).toBe(a);
  });
});

describe('page structure', () => {
  const cv = sampleCv();
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
      'Interns and Students',
      'Teaching',
      'Professional Activities',
      'Research Experience',
      'Coursework',
      'Skills',
      'Activities',
      'Projects',
    ]);
    expect(page).toContain('<section id="service" class="section section-service page-break">');
  });

  it('has a header with the name and contact links with icons, and a nav of the titled sections', () => {
    expect(page).toContain('<header class="masthead">\n<h1>Elena Marsh</h1>');
    const contact = between(page, '<ul class="contact">', '</ul>')[0] ?? '';
    const hrefs = startTags(contact)
      .filter((t) => t.name === 'a')
      .map((t) => attr(t, 'href'));
    expect(hrefs).toEqual([
      'mailto:elena.marsh@example.org',
      'https://elenamarsh.example.org',
      'https://github.com/example',
      'https://scholar.google.com/citations?user=AbCdEfGhIjKL',
      'https://twitter.com/elenamarsh',
      'https://www.linkedin.com/in/elena-marsh',
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

  it('has a handler for every section type, and the sample uses them all', () => {
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
    expect(page).toContain('<span class="entry-date">2014–2019</span>');
    expect(page).toContain('(GPA 3.99/4.00, major GPA 4.00/4.00)');
    expect(page).toContain(
      'Research Intern, with <a href="https://host.example.org">Vladlen Koltun</a> on computer vision',
    );
    expect(page).toContain('<h3 class="group-heading">Area chair</h3>');
    expect(page).toContain('<dt>Programming</dt><dd>C, C++, Fortran, Haskell, Java, Python, Scala</dd>');
    expect(page).toContain(
      '<a href="https://cohen.example.org">Samuel Cohen</a> <span class="entry-aside">(visiting from UCL',
    );
    expect(page).toContain(
      '<a href="https://pcts.example.edu/events/2025">Workshop on the Physics of Learning',
    );
    expect(page).toContain('<li>Convex Optimization</li>');
    expect(page).toContain('<dl class="fields"><div><dt>role</dt><dd>Trumpet section leader</dd></div>');
    expect(page).toContain('VT Benjamin F.&nbsp;Bock');
  });

  it('writes repositories with star counts formatted as GitHub does', () => {
    const repos = between(page, '<section id="repos"', '</section>')[0] ?? '';
    const stars = between(repos, '<span class="visually-hidden">GitHub stars:</span> ', '</span>');
    expect(stars).toEqual(['377', '1.1k', '13.9k']);
    expect(repos).toContain('<a href="https://openface.example.org">website</a>');
  });

  it('loads nothing from outside the page', () => {
    for (const tag of tags) {
      for (const name of ['src', 'href']) {
        const value = attr(tag, name);
        if (value === undefined || tag.name === 'a') continue;
        expect(value, `<${tag.name} ${name}>`).toMatch(/^(data:|images\/)|^https:\/\/elenamarsh/);
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

  it('gives each publication a stable anchor, a number, and an abstract toggle', () => {
    const flows = row('marsh2024flows');
    expect(flows).toMatch(/^ selected" id="pub-marsh2024flows">\n<span class="pub-label">\[5\]<\/span>/);
    expect(flows).toContain(
      '<button type="button" class="chip" aria-expanded="false" aria-controls="abs-marsh2024flows">abs</button>',
    );
    expect(flows).toContain('<div class="abstract" id="abs-marsh2024flows" hidden><p>Numerous biological');
    expect(row('marsh2024-amortized')).toContain('aria-controls="abs-marsh2024-amortized"');
    expect(row('marsh2023convex')).not.toContain('aria-controls');
  });

  it('marks the owner, links co-authors, and joins names as the original did', () => {
    expect(row('marsh2024flows')).toContain(
      '<a href="https://lenapark.example.org">Lena Park</a><sup>*</sup>, <strong>Elena Marsh</strong>, <a href="https://ruiz.example.org">Tomás Ruiz</a>, and Priya Natarajan',
    );
    expect(row('marsh2023convex')).toContain(
      '<strong>Elena Marsh</strong> and <a href="https://weber.example.org">Jonas Weber</a>',
    );
    expect(row('chen2023control')).toContain(', Hanna Berg, et al.</div>');
  });

  it('highlights selected rows, and groups by year and by list', () => {
    expect(page.match(/<li class="pub selected"/g)).toHaveLength(2);
    expect(between(page, '<h3 class="pub-year">', '</h3>')).toEqual(['2024', '2023', '2019 and earlier']);
    expect(between(page, '<h3 class="group-heading">', '</h3>')).toContain('Workshop Papers');
    expect(row('marsh2022tokens')).toContain('<span class="pub-label">[W1]</span>');
    expect(row('marsh2025agents')).toContain('<span class="pub-label">[P1]</span>');
  });

  it('writes venue and year once, note, citations when shown, image, links and BibTeX', () => {
    expect(row('marsh2023convex')).toContain(
      '<div class="pub-venue">AISTATS 2023 · <span class="pub-citations">cited by 14</span></div>',
    );
    expect(row('marsh2024-amortized')).toContain(
      ' · <span class="pub-note">Invited survey, 120 pages</span> · <span class="pub-citations">cited by 87</span>',
    );
    expect(row('marsh2022tokens')).not.toContain('cited by');
    expect(row('marsh2024flows')).toContain(
      '<img class="pub-image" src="images/marsh2024flows.svg" alt="" loading="lazy">',
    );
    expect(row('marsh2024flows')).toContain(
      '<a class="chip" href="https://video.example.org/watch?v=mfm&amp;t=42">talk</a>',
    );
    expect(row('chen2023control')).toContain('<a class="chip" href="papers/chen2023control.pdf">pdf</a>');
    expect(row('marsh2024flows')).toContain(
      '<details class="bib"><summary class="chip">bib</summary><div class="bib-body"><pre id="bib-marsh2024flows">@inproceedings{marsh2024flows,',
    );
    expect(row('marsh2024flows')).toContain('data-copy="bib-marsh2024flows" hidden>copy</button>');
  });

  it('shows Google Scholar and citation totals once, and links each .bib source', () => {
    expect(page.match(/>Google Scholar(<\/span>)?<\/a>/g)).toHaveLength(2); // header + first publications section
    expect(page.match(/4,210 citations/g)).toHaveLength(1);
    expect(page).toContain('href="https://github.com/example/cv/blob/master/publications/all.bib"');
    expect(page).toContain('href="https://github.com/example/cv/blob/master/publications/preprints.bib"');
    expect(page).toContain(
      '5 publications, including ICML (1 paper), NeurIPS (1 paper), and AISTATS (1 paper).',
    );
  });

  it('claims unique ids when the same entry appears twice', () => {
    const cv = sampleCv();
    const all = cv.sections.get('all_publications');
    if (all === undefined) throw new Error('sample changed');
    const twice: Cv = {
      ...cv,
      layouts: { ...cv.layouts, web: [...cv.layouts.web, { kind: 'section', key: 'selected', title: null }] },
      sections: new Map([...cv.sections, ['selected', { ...all, key: 'selected' }]]),
    };
    const { page: doubled } = render(twice);
    const ids = startTags(doubled).flatMap((t) => attr(t, 'id') ?? []);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('pub-marsh2024flows-2');
    expect(doubled).toContain('aria-controls="abs-marsh2024flows-2"');
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
    expect(page).toContain('<title>Elena Marsh — Curriculum Vitae</title>');
    expect(page).toMatch(
      /<meta name="description" content="I am a research scientist studying machine learning and optimization, [^"]*…">/,
    );
    expect(page).toContain('<meta property="og:type" content="profile">');
    expect(page).not.toContain('og:url');
    expect(page).not.toContain('rel="canonical"');
    const data = JSON.parse(between(page, '<script type="application/ld+json">', '</script>')[0] ?? '');
    const [person, ...articles] = data['@graph'];
    expect(person).toMatchObject({
      '@type': 'Person',
      name: 'Elena Marsh',
      url: 'https://elenamarsh.example.org/',
      email: 'elena.marsh@example.org',
    });
    expect(person.sameAs).toContain('https://github.com/example');
    expect(person.sameAs).toContain('https://scholar.google.com/citations?user=AbCdEfGhIjKL');
    expect(articles).toHaveLength(7);
    expect(articles[0]).toEqual({
      '@type': 'ScholarlyArticle',
      name: 'Meta Flow Matching: Integrating Vector Fields on the Wasserstein Manifold',
      author: ['Lena Park', 'Elena Marsh', 'Tomás Ruiz', 'Priya Natarajan'].map((name) => ({
        '@type': 'Person',
        name,
      })),
      datePublished: '2024',
      url: 'https://arxiv.org/abs/2408.00001',
      isPartOf: 'ICML',
    });
  });

  it('makes page URLs absolute with --base-url', () => {
    const { page: based } = render(sampleCv(), { ...sampleOptions, baseUrl: 'https://elena.example.org/cv' });
    expect(based).toContain('<meta property="og:url" content="https://elena.example.org/cv/">');
    expect(based).toContain('<link rel="canonical" href="https://elena.example.org/cv/">');
    const data = JSON.parse(between(based, '<script type="application/ld+json">', '</script>')[0] ?? '');
    expect(data['@graph'][0]['@id']).toBe('https://elena.example.org/cv/#person');
    expect(data['@graph'][1]['@id']).toBe('https://elena.example.org/cv/#pub-marsh2024flows');
    const thesis = data['@graph'].find((n: { name: string }) => n.name.startsWith('Structured Prediction'));
    expect(thesis.url).toBe('https://elenamarsh.example.org/thesis.pdf');
    const tokens = data['@graph'].find((n: { name: string }) => n.name.startsWith('Fixing Broken'));
    expect(tokens.url).toBeUndefined();
    const { page: named } = render(sampleCv(), {
      ...sampleOptions,
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
      '<pre id="bib-evil--onmouseover--alert-1-">@misc{evil, title={&lt;/pre&gt;&lt;script&gt;',
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
      person: { name: 'Solo', social: {} },
      print: printOptions({ color: 'black', paper: 'a4' }),
      layouts: { web: [], print: [] },
      sections: new Map(),
      baseDir: '/tmp',
    };
    const { page, diagnostics } = render(cv);
    expect(diagnostics).toEqual([]);
    expect(page).toContain('<h1>Solo</h1>');
    expect(page).not.toContain('<nav');
    expect(page).not.toContain('<ul class="contact">');
    expect(page).toContain('<meta name="description" content="Curriculum vitae of Solo.">');
  });

  it('leaves out empty parts of entries', () => {
    const cv = sampleCv();
    const sections = new Map(cv.sections);
    sections.set('news', {
      type: 'news',
      key: 'news',
      items: [{ date: [], text: [{ type: 'text', value: 'No date' }] }],
    });
    const { page } = render({ ...cv, sections });
    expect(page).toContain('<li class="entry"><div class="entry-body">No date</div></li>');
  });
});
