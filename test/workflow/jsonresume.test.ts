/**
 * JSON Resume both ways: `cv.json` is valid against the official schema (for the example, the corpus and an
 * imported resume), and the official sample survives import -> build -> export with every field both
 * formats have, compared field by field; the fields vita has no place for are each reported on import.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { CORPUS_DIR, REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';
import { resumeValidator } from './resume-schema.js';

const tempDir = useTempDirs();
const require = createRequire(import.meta.url);
const SAMPLE_FILE = require.resolve('resume-schema/sample.resume.json');
// biome-ignore lint/suspicious/noExplicitAny: the sample is walked field by field
type Json = any;

async function exportJson(yaml: string, out: string, extra: string[] = []): Promise<Json> {
  const r = await runCli([
    'build',
    yaml,
    '--only',
    'json',
    '--offline',
    '--cache-dir',
    path.join(out, '.cache'),
    '--out',
    out,
    '--date',
    '2024-05-01',
    ...extra,
  ]);
  expect(r.stderr).not.toMatch(/error:/);
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(path.join(out, 'cv.json'), 'utf8'));
}

/** Every leaf of a JSON value, by path (`work[0].highlights[1]`). */
function leaves(value: Json, at = ''): [string, Json][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, at === '' ? k : `${at}.${k}`));
  return [[at, value]];
}

function get(value: Json, at: string): Json {
  return at
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), value);
}

describe('JSON Resume export', () => {
  const validate = resumeValidator();

  it('the example and the corpus export valid JSON Resume', async () => {
    for (const yaml of [path.join(REPO_DIR, 'examples/seed/cv.yaml'), path.join(CORPUS_DIR, 'cv.yaml')]) {
      const resume = await exportJson(yaml, tempDir());
      expect(validate(resume), yaml).toEqual([]);
      expect(resume.basics.name).toBe('Brandon Amos');
      expect(resume.basics.url).toBe('https://bamos.github.io');
      expect(resume.basics.profiles).toContainEqual({
        network: 'GitHub',
        username: 'bamos',
        url: 'https://github.com/bamos',
      });
      // Rich text is plain text: no LaTeX and no HTML left. A .bib abstract is text, not HTML: what looks
      // like a tag in it is kept as written (the web page shows it as text too).
      for (const [at, value] of leaves(resume)) {
        if (typeof value !== 'string' || /url$|\.url$/.test(at)) continue;
        expect(value, at).not.toMatch(/\\[a-z]+\{/i);
        if (!/^publications\[\d+\]\.summary$/.test(at)) expect(value, at).not.toMatch(/<\/?[a-z]+[ >]/i);
      }
    }
  });

  it('maps the sections of the example', async () => {
    const resume = await exportJson(path.join(REPO_DIR, 'examples/seed/cv.yaml'), tempDir());
    expect(resume.education[0]).toMatchObject({
      institution: 'Carnegie Mellon University',
      studyType: 'Ph.D.',
      area: 'Computer Science',
      startDate: '2014',
      endDate: '2019',
      score: '0.00/0.00',
    });
    expect(resume.education[0].courses[0]).toBe(
      'Differentiable Optimization-Based Modeling for Machine Learning',
    );
    expect(resume.work[0]).toMatchObject({
      name: 'Intel Labs',
      location: 'Santa Clara, CA',
      startDate: '2018',
      endDate: '2018',
      summary: 'Host: Vladlen Koltun',
    });
    expect(resume.awards[0]).toEqual({ title: 'NSF Graduate Research Fellowship', date: '2016' });
    expect(resume.projects[0]).toMatchObject({
      name: 'facebookresearch/mbrl-lib',
      url: 'https://github.com/facebookresearch/mbrl-lib',
      startDate: '2021',
    });
    expect(resume.skills[0]).toEqual({
      name: 'Languages',
      keywords: [
        'C',
        'C++',
        'Fortran',
        'Haskell',
        'Java',
        'Lua',
        'Make',
        'Mathematica',
        'Python',
        'R',
        'Scala',
      ],
    });
    expect(resume.volunteer).toContainEqual({
      organization: 'CVPR Deep Declarative Workshop Organizer',
      url: 'https://anucvml.github.io/ddn-cvprw2020/',
      startDate: '2020',
      endDate: '2020',
    });
    expect(resume.basics.summary).toMatch(/^I am a research scientist at Facebook AI \(FAIR\) in NYC/);
    expect(resume.meta).toEqual({ version: 'v1.0.0', lastModified: '2024-05-01T00:00:00' });
  });

  it('resolves relative links against --base-url, and leaves them out without it', async () => {
    const dir = tempDir();
    const yaml = path.join(dir, 'cv.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      yaml,
      'name: Ada\nhonors:\n  - title: Prize\n    url: /prize.html\n  - title: Medal\n    url: https://example.org/medal\n',
    );
    const bare = await exportJson(yaml, path.join(dir, 'a'));
    expect(bare.awards).toEqual([{ title: 'Prize' }, { title: 'Medal' }]);
    expect(validate(bare)).toEqual([]);
    const based = await exportJson(yaml, path.join(dir, 'b'), ['--base-url', 'https://ada.example.org/cv/']);
    expect(based.awards).toEqual([{ title: 'Prize' }, { title: 'Medal' }]);
  });
});

/**
 * The sample's fields vita keeps nowhere (each must be reported on import), and the fields it keeps in
 * another form (with the form). Every other leaf must come back unchanged.
 */
const NOT_KEPT = [
  'basics.label',
  'basics.location.address',
  'basics.location.postalCode',
  'basics.location.city',
  'basics.location.countryCode',
  'basics.location.region',
  'work[0].description',
  'skills[0].level',
  'skills[1].level',
  'projects[0].highlights',
  'projects[0].keywords',
  'projects[0].roles',
  'projects[0].entity',
  'projects[0].type',
];
/** `meta` describes the JSON file: not imported (and reported), written afresh on export. */
const REGENERATED = ['meta.canonical', 'meta.version', 'meta.lastModified'];
const CHANGED: Record<string, (value: Json, sample: Json) => Json> = {
  // The award's awarder is imported as its `location`, which the model joins to the title ("Title, Awarder").
  'awards[0].title': (v, s) => `${v}, ${s.awards[0].awarder}`,
  'awards[0].awarder': () => undefined,
  // The model keeps the year of a publication.
  'publications[0].releaseDate': (v) => String(v).slice(0, 4),
  // JSON Resume wants a URI: a scheme-less address becomes https.
  'projects[0].url': (v) => `https://${v}`,
};
/** Empty in the sample: nothing to keep (an empty profile URL is derived from the username instead). */
const EMPTY = ['basics.image', 'basics.profiles[0].url'];

describe('JSON Resume round trip', () => {
  it('sample -> import -> build -> export keeps every field both formats have', async () => {
    const sample = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8'));
    const dir = tempDir();
    const imported = await runCli(['import', 'jsonresume', SAMPLE_FILE, '--out', dir]);
    expect(imported.code).toBe(0);
    const resume = await exportJson(path.join(dir, 'cv.yaml'), path.join(dir, 'build'));
    expect(resumeValidator()(resume)).toEqual([]);

    const unexplained: string[] = [];
    for (const [at, value] of leaves(sample)) {
      if (at === '$schema' || EMPTY.includes(at) || REGENERATED.includes(at)) continue;
      if (NOT_KEPT.some((p) => at === p || at.startsWith(`${p}[`))) {
        expect(get(resume, at), at).toBeUndefined();
        continue;
      }
      const expected = CHANGED[at] ? CHANGED[at](value, sample) : value;
      if (get(resume, at) !== expected)
        unexplained.push(`${at}: ${JSON.stringify(get(resume, at))} != ${JSON.stringify(expected)}`);
    }
    expect(unexplained).toEqual([]);
    expect(resume.meta).toEqual({ version: 'v1.0.0', lastModified: '2024-05-01T00:00:00' });
    expect(resume.basics.profiles[0]).toEqual({
      network: 'Twitter',
      username: 'neutralthoughts',
      url: 'https://twitter.com/neutralthoughts',
    });

    // Each field not kept was named on import, at its line in the JSON file.
    const reported = new Set(
      [
        ...imported.stderr.matchAll(
          /sample\.resume\.json:\d+:\d+: warning: `([^`]+)` is (?:not imported|kept in cv\.yaml)/g,
        ),
      ].map((m) => m[1]),
    );
    const named = new Set(
      [...NOT_KEPT, ...REGENERATED].map((at) => at.replace(/^(basics\.location|meta)\..*$/, '$1')),
    );
    expect([...named].filter((at) => !reported.has(at))).toEqual([]);
  });
});
