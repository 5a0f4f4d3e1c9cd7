/** The warn-and-show policy: unknown keys and near-type values inside a known section never stop a build. */
import { describe, expect, it } from 'vitest';
import { knownKeysOf, parseLeniently } from '../../../src/resolve/schema-issues.js';
import { publicationsSectionSchema } from '../../../src/resolve/sections/publications.js';
import { plain, plainLines, resolveSnippet } from './helpers.js';

const lenient = (schema: Parameters<typeof parseLeniently>[0], data: unknown, shown = false) =>
  parseLeniently(schema, data, {
    prefix: ['all_publications'],
    data,
    positionOf: (p) => ({ file: 'cv.yaml', line: p.length, column: 1 }),
    knownKeys: knownKeysOf(schema),
    unknownKeysShown: shown,
  });

describe('unknown keys', () => {
  it('publications options pass the schema untouched: the section warns about them itself, once', () => {
    // `publication-unknown-option` (test/publications/standard-bibtex.test.ts) names and ignores them.
    const r = lenient(publicationsSectionSchema, {
      include_image: true,
      image_height: '125px',
      categories: [{ heading: 'Conference', file: 'c.bib', prefix: 'C', color: 'red' }],
    });
    expect(r.success).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('the suggestion comes from the keys the section type knows', () => {
    const r = resolveSnippet('education:\n  - school: MIT\n    degre: B.S.\n');
    expect(r.warnings[0]?.hints).toEqual(['did you mean `degree`?']);
    expect(r.warnings[0]?.position).toMatchObject({ line: 6, column: 5 });
    expect(r.markdown()).toContain('<br> degre: B.S.');
  });

  it('a value of any shape is shown: lists joined, mappings as key: value pairs', () => {
    const r = resolveSnippet(`positions:
  - place: ACME
    tools: [Python, Rust]
    manager: {name: Bob, email: bob@acme.org}
`);
    expect(r.errors).toEqual([]);
    expect(plainLines(r.section('positions', 'positions').items[0]?.details ?? [])).toEqual([
      'tools: Python, Rust',
      'manager: name: Bob; email: bob@acme.org',
    ]);
  });

  it('an unknown key leaves the CV resolved (a warning; --strict fails on it, see test/cli)', () => {
    const r = resolveSnippet('honors:\n  - title: Prize\n    yeer: 2020\n');
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown-key']);
    expect(r.cv).toBeDefined();
  });
});

describe('sections with an explicit type', () => {
  it('an unknown key in an entry under `items:` warns at its place and is shown', () => {
    const r = resolveSnippet(`talks_2020:
  type: talks
  items:
    - title: A talk
      venu: NeurIPS
`);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.message, w.position?.line, w.position?.column, w.hints])).toEqual([
      [
        'unknown key `venu` in `talks_2020.items[0]`; its value is shown as a further detail',
        8,
        7,
        ['did you mean `venue`?'],
      ],
    ]);
    expect(plain(r.section('talks_2020', 'talks').items[0]?.location ?? [])).toBe('venu: NeurIPS');
  });
});

describe('near-type values', () => {
  it('a list where one line is expected is joined with commas, with a warning at the value', () => {
    const r = resolveSnippet('education:\n  - school: MIT\n    dates: [2010, 2014]\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.position?.line, w.position?.column])).toEqual([
      ['value-converted', 6, 12],
    ]);
    expect(plain(r.section('education', 'education').items[0]?.dates ?? [])).toBe('2010, 2014');
  });

  it('a number where a URL is expected is written as it stands', () => {
    const r = resolveSnippet('repos:\n  - repo_url: 12345\n    year: 2020\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('value-converted');
  });

  it('a mapping where text is expected: the section is shown generically, with a warning at the place', () => {
    const r = resolveSnippet('education:\n  - school: {name: MIT}\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
      ['wrong-type', '`education[0].school`: expected text or a number or true or false, got a mapping'],
      [
        'section-generic',
        'section `education` does not have the shape of a `education` section; it is rendered generically',
      ],
    ]);
    expect(r.section('education', 'generic')).toBeDefined();
    expect(r.markdown()).toContain('MIT');
  });

  it('an unknown key next to a wrong type: each problem is told once', () => {
    const r = resolveSnippet('education:\n  - school: {name: MIT}\n    degre: B.S.\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown-key', 'wrong-type', 'section-generic']);
  });
});

describe('publications written as YAML entries', () => {
  it('bamos/cv 2013: {title: heading, details: [one line per paper]} shows as headed groups of lines', () => {
    const r = resolveSnippet(`publications:
  - title: Conference
    details:
      - "Applying classifiers. {\\\\bf Brandon Amos}. IWCMC 2013."
  - title: Magazine
    details: ["Bad Parts. Submitted."]
`);
    expect(r.diagnostics).toEqual([]);
    const s = r.section('publications', 'service');
    expect(s.groups.map((g) => [plain(g.title ?? []), g.items.map((i) => plain(i.details))])).toEqual([
      ['Conference', ['Applying classifiers. Brandon Amos. IWCMC 2013.']],
      ['Magazine', ['Bad Parts. Submitted.']],
    ]);
    expect(r.markdown()).toContain('### Conference');
  });

  it('forks: {title, authors, venue, year, url} entries show the title, authors and venue', () => {
    const r = resolveSnippet(`selected_publications:
  - title: A paper
    authors: [A. Author, B. Author]
    journal: JMLR
    year: 2020
    url: https://example.org/paper
    pages: 1-10
`);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown-key']);
    const [p] = r.section('selected_publications', 'honors').items;
    expect([plain(p?.title ?? []), plain(p?.description ?? []), plain(p?.year ?? []), p?.url]).toEqual([
      'A paper',
      'A. Author, B. Author. JMLR. pages: 1-10',
      '2020',
      'https://example.org/paper',
    ]);
  });
});
