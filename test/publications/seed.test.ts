/**
 * The seed page's publications (test/fixtures/seed-reference/seed-cv-page.md) rendered from
 * examples/seed/publications/all.bib must give the same markup, whitespace-normalised, except for the
 * named differences below.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicationRowHtml, renderPublicationsMarkdown } from '../../src/render/markdown/publications.js';
import { publicationsSectionSchema, resolvePublications } from '../../src/resolve/sections/publications.js';
import { SEED_PAGE } from '../helpers/temp-dir.js';
import { allPublications, diskContext } from './helpers.js';

const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/seed', import.meta.url));

/**
 * Known differences with the seed, each applied to the seed's text before comparing:
 * - the seed was cut from a longer list: its rows are numbered [9] and [1]; two papers number [2] and [1];
 * - the seed heads the 2020 paper with "2021" (its source was edited by hand); vita heads it "2020".
 */
const NAMED_EXCEPTIONS: readonly (readonly [from: string, to: string, why: string])[] = [
  ['    [9]\n', '    [2]\n', 'the seed numbers its newer row [9] (cut from a longer list)'],
  ['<h2>2021</h2>', '<h2>2020</h2>', 'the seed heads the 2020 paper with "2021"'],
];

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

function seedPublications(): string {
  const page = readFileSync(SEED_PAGE, 'utf8');
  const start = page.indexOf('## <i class="fa fa-chevron-right"></i> Publications');
  const end = page.indexOf('## <i class="fa fa-chevron-right"></i> Repositories');
  let section = page.slice(start, end);
  for (const [from, to] of NAMED_EXCEPTIONS) {
    expect(section.includes(from), `named exception no longer needed: ${from}`).toBe(true);
    section = section.replace(from, to);
  }
  return section;
}

function resolveExample() {
  const config = publicationsSectionSchema.parse({
    name: ['Amos', 'Kao'],
    file: 'all.bib',
    sort_bib: true,
    group_by_year: true,
  });
  return resolvePublications(config, diskContext('publications', EXAMPLE_DIR, 'examples/seed/cv.yaml'));
}

describe('the seed page', () => {
  it('the example .bib resolves cleanly', () => {
    const { section, diagnostics } = resolveExample();
    expect(diagnostics).toEqual([]);
    expect(allPublications(section).map((p) => [p.key, p.label, p.selected])).toEqual([
      ['amos2020differentiable', '2', true],
      ['Kao2019Unravelling', '1', true],
    ]);
  });

  it('each row matches the seed row (whitespace-normalised, named exceptions applied)', () => {
    const seed = seedPublications();
    const { section } = resolveExample();
    for (const p of allPublications(section)) {
      const start = seed.indexOf(`<tr id="tr-${p.key}"`);
      const seedRow = seed.slice(start, seed.indexOf('</tr>', start) + '</tr>'.length);
      expect(normalise(publicationRowHtml(p, section))).toBe(normalise(seedRow));
    }
  });

  it('the whole section matches the seed (whitespace-normalised, named exceptions applied)', () => {
    const { section } = resolveExample();
    const markdown = renderPublicationsMarkdown(section, 'Publications', {
      googleScholarId: 'd8gdZR4AAAAJ',
      sourceUrl: 'https://github.com/bamos/cv',
    });
    expect(normalise(markdown)).toBe(normalise(seedPublications()));
  });
});
