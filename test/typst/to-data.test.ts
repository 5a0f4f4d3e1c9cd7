import { describe, expect, it } from 'vitest';
import { type Inline, text as t } from '../../src/inline/ast.js';
import { decodeEntities, htmlToTextPieces } from '../../src/inline/html-text.js';
import type { SectionType } from '../../src/model/cv.js';
import { inlineToTypst } from '../../src/render/typst/inline.js';
import { cvToTypstData, DATA_VERSION } from '../../src/render/typst/to-data.js';
import { publicationOf, sectionOf, testCv, withPrint, withSection } from '../helpers/test-cv.js';
import { largeTestCv } from './large-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');

describe('inlineToTypst', () => {
  it('keeps text as strings and nests markup as node objects', () => {
    const nodes: Inline[] = [
      t('a  \n b'),
      { type: 'strong', children: [t('#bold')] },
      { type: 'emph', children: [t('_it_')] },
      { type: 'superscript', children: [t('*')] },
      { type: 'quote', children: [t('q')] },
      { type: 'nbsp' },
      { type: 'dash', kind: 'em' },
      { type: 'linebreak' },
    ];
    expect(inlineToTypst(nodes)).toEqual([
      { type: 'text', value: 'a b' },
      { type: 'strong', children: [{ type: 'text', value: '#bold' }] },
      { type: 'emph', children: [{ type: 'text', value: '_it_' }] },
      { type: 'superscript', children: [{ type: 'text', value: '*' }] },
      { type: 'quote', children: [{ type: 'text', value: 'q' }] },
      { type: 'nbsp' },
      { type: 'dash', kind: 'em' },
      { type: 'linebreak' },
    ]);
  });

  it.each([
    ['https://example.org/a?b=1', true],
    ['http://example.org', true],
    ['mailto:me@example.org', true],
    ['/relative/cv.pdf', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
  ])('links %j: %s', (url, linked) => {
    const [node] = inlineToTypst([{ type: 'link', url, children: [t('label')] }]);
    expect(node).toEqual(
      linked
        ? { type: 'link', url, children: [{ type: 'text', value: 'label' }] }
        : { type: 'text', value: 'label' },
    );
  });

  it('shows the URL of a link without text', () => {
    expect(inlineToTypst([{ type: 'link', url: 'https://x.org', children: [] }])).toEqual([
      { type: 'link', url: 'https://x.org', children: [{ type: 'text', value: 'https://x.org' }] },
    ]);
  });

  it('turns raw HTML into its text, with breaks for blocks and <br>', () => {
    expect(
      inlineToTypst([
        { type: 'html', value: '<p>One <b>bold</b>&nbsp;word</p>\n<p>Two<br/>lines &amp; more</p>' },
      ]),
    ).toEqual([
      { type: 'text', value: 'One bold\u00a0word' },
      { type: 'parbreak' },
      { type: 'text', value: 'Two' },
      { type: 'linebreak' },
      { type: 'text', value: 'lines & more' },
    ]);
  });
});

describe('htmlToTextPieces', () => {
  it('drops script and style bodies, comments and attributes with > inside quotes', () => {
    expect(
      htmlToTextPieces(
        '<style>p{}</style><!-- note -->A<script>alert("<p>")</script> <a title="a>b" href="x">B</a>',
      ),
    ).toEqual([{ kind: 'text', value: 'A B' }]);
  });

  it('keeps a lone < that starts no tag', () => {
    expect(htmlToTextPieces('1 < 2 and 3 > 2')).toEqual([{ kind: 'text', value: '1 < 2 and 3 > 2' }]);
  });

  it('decodes numeric and named entities, and leaves unknown ones', () => {
    expect(decodeEntities('&#233;&#x2014;&mdash;&unknown;&#0;')).toBe('\u00e9\u2014\u2014&unknown;\ufffd');
  });
});

describe('cvToTypstData', () => {
  const { data, diagnostics } = cvToTypstData(testCv(), NOW);

  it('describes the document: version, metadata, style', () => {
    expect(diagnostics).toEqual([]);
    expect(data.version).toBe(DATA_VERSION);
    expect(data.meta).toEqual({
      title: 'Elena Marković: Curriculum Vitae',
      author: 'Elena Marković',
      date: { year: 2024, month: 3, day: 5 },
      updated: 'March 5, 2024',
    });
    expect(data.style).toEqual({
      paper: 'us-letter',
      color: '#3873b3',
      color2: '#404040',
      linkColor: '#2b7082',
      moderncvStyle: 'banking',
      design: {
        font: null,
        fontSize: null,
        marginPt: null,
        density: null,
        datePosition: null,
        keepYearsTogether: null,
        highlight: null,
      },
    });
  });

  it('lists contacts with safe URLs, in a stable order', () => {
    expect(data.person.contacts.map((c) => [c.kind, c.text, c.url])).toEqual([
      ['email', 'elena.markovic@example.org', 'mailto:elena.markovic@example.org'],
      ['homepage', 'emarkovic.example.org', 'https://emarkovic.example.org'],
      ['github', 'github.com/emarkovic', 'https://github.com/emarkovic'],
      ['google_scholar', 'Google Scholar', 'https://scholar.google.com/citations?user=EMARKOV1234'],
      ['twitter', '@emarkovic', 'https://twitter.com/emarkovic'],
      ['linkedin', 'linkedin.com/in/elena-markovic', 'https://www.linkedin.com/in/elena-markovic'],
      ['orcid', 'orcid.org/0000-0002-1825-0097', 'https://orcid.org/0000-0002-1825-0097'],
    ]);
  });

  it('keeps the print layout: sections with their titles (null: no heading) and page breaks', () => {
    expect(data.blocks.map((b) => (b.kind === 'newpage' ? 'NEWPAGE' : `${b.key}:${b.section.type}`))).toEqual(
      [
        'about:about',
        'news:news',
        'education:education',
        'positions:positions',
        'honors:honors',
        'research:research',
        'all_publications:publications',
        'other_publications:publications',
        'repos:repos',
        'NEWPAGE',
        'talks:talks',
        'advising:advising',
        'service:service',
        'teaching:teaching',
        'coursework:coursework',
        'skills:skills',
        'activities:items',
        'side_projects:generic',
      ],
    );
    const about = data.blocks[0];
    expect(about?.kind === 'section' && about.title).toBeNull();
  });

  it('covers every section type of the model', () => {
    const covered = new Set(data.blocks.flatMap((b) => (b.kind === 'section' ? [b.section.type] : [])));
    const all: readonly SectionType[] = [
      'about',
      'news',
      'education',
      'positions',
      'honors',
      'research',
      'skills',
      'service',
      'teaching',
      'coursework',
      'talks',
      'advising',
      'repos',
      'publications',
      'items',
      'generic',
    ];
    expect([...covered].sort()).toEqual([...all].sort());
  });

  it('writes every optional value as null, so themes never meet a missing key', () => {
    const repos = data.blocks.find((b) => b.kind === 'section' && b.key === 'repos');
    const items = repos?.kind === 'section' ? (repos.section.items as Record<string, unknown>[]) : [];
    expect(items[3]).toEqual({
      name: 'dotfiles',
      url: 'https://github.com/emarkovic/dotfiles',
      description: [{ type: 'text', value: '\u2665 Linux, vim, zsh, tmux' }],
      stars: null,
      starsText: null,
      homepage: null,
      year: [{ type: 'text', value: '2015' }],
    });
  });

  it('drops unsafe publication links and co-author URLs', () => {
    const cv = testCv();
    const section = sectionOf(cv, 'all_publications', 'publications');
    const pub = publicationOf(cv, 'markovic2024amortized');
    const hostile = {
      ...pub,
      url: 'javascript:alert(1)',
      links: [{ label: 'code', url: 'javascript:x' }, ...pub.links],
      authors: pub.authors.map((a) => ({ ...a, url: 'file:///etc/passwd' })),
    };
    const changed = withSection(cv, {
      ...section,
      lists: [
        { heading: null, prefix: '', file: 'x.bib', groups: [{ heading: '2024', publications: [hostile] }] },
      ],
    });
    const converted = cvToTypstData(changed, NOW).data.blocks.find(
      (b) => b.kind === 'section' && b.key === 'all_publications',
    );
    const lists =
      converted?.kind === 'section'
        ? (converted.section.lists as { groups: { publications: unknown[] }[] }[])
        : [];
    const out = lists[0]?.groups[0]?.publications[0] as {
      url: unknown;
      links: { label: string }[];
      authors: { url: unknown }[];
    };
    expect(out.url).toBeNull();
    expect(out.links.map((l) => l.label)).toEqual(['code', 'slides']);
    for (const a of out.authors) expect(a.url).toBeNull();
  });

  it('uses A4 when print.paper is a4', () => {
    expect(cvToTypstData(withPrint(testCv(), { paper: 'a4' }), NOW).data.style.paper).toBe('a4');
  });

  it('keeps a social value that is already a URL, one @ on handles, and an unknown network as text', () => {
    const cv = testCv();
    const social = {
      github: 'https://github.com/someone/',
      twitter: '@some_one',
      mastodon: '@me@example.social',
    };
    const contacts = cvToTypstData({ ...cv, person: { ...cv.person, social } }, NOW).data.person.contacts;
    expect(contacts.slice(2).map((c) => [c.kind, c.text, c.url])).toEqual([
      ['github', 'github.com/someone', 'https://github.com/someone/'],
      ['twitter', '@some_one', 'https://twitter.com/some_one'],
      ['mastodon', 'mastodon: @me@example.social', null],
    ]);
  });

  it('keeps the written order of social:, knows gitlab and dblp, and encodes each path segment', () => {
    const cv = testCv();
    const social = { orcid: '0000-0002-1825-0097', dblp: '75/8682', gitlab: 'someone', github: 'a' };
    const contacts = cvToTypstData({ ...cv, person: { ...cv.person, social } }, NOW).data.person.contacts;
    expect(contacts.slice(2).map((c) => [c.kind, c.label, c.text, c.url])).toEqual([
      ['orcid', 'ORCID', 'orcid.org/0000-0002-1825-0097', 'https://orcid.org/0000-0002-1825-0097'],
      ['dblp', 'dblp', 'dblp', 'https://dblp.org/pid/75/8682'],
      ['gitlab', 'GitLab', 'gitlab.com/someone', 'https://gitlab.com/someone'],
      ['github', 'GitHub', 'github.com/a', 'https://github.com/a'],
    ]);
  });

  it('floors star counts as every target does (1,960 -> 1.9k)', () => {
    const repos = sectionOf(testCv(), 'repos', 'repos');
    const item = { ...repos.items[0], stars: 1960 } as (typeof repos.items)[number];
    const block = cvToTypstData(withSection(testCv(), { ...repos, items: [item] }), NOW).data.blocks.find(
      (b) => b.kind === 'section' && b.key === repos.key,
    );
    expect(JSON.stringify(block)).toContain('"starsText":"1.9k"');
  });

  it('has no undefined anywhere: absent values are null, so themes never meet a missing key', () => {
    const undefinedAt: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (value === undefined) undefinedAt.push(at);
      else if (Array.isArray(value)) {
        for (const [index, item] of value.entries()) walk(item, `${at}[${index}]`);
      } else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) walk(item, `${at}.${key}`);
      }
    };
    walk(cvToTypstData(largeTestCv(), NOW).data, 'data');
    expect(undefinedAt).toEqual([]);
  });
});
