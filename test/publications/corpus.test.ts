/** The compatibility corpus: bamos/cv's all.bib with its `all_publications` config. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readBibtex } from '../../src/load/bibtex/reader.js';
import { renderPublicationsMarkdown } from '../../src/render/markdown/publications.js';
import { publicationsSectionSchema, resolvePublications } from '../../src/resolve/sections/publications.js';
import { CORPUS_DIR } from '../helpers/temp-dir.js';
import { allPublications, diskContext } from './helpers.js';

const CORPUS = CORPUS_DIR;

function resolveCorpus() {
  const yaml = parse(readFileSync(`${CORPUS}/cv.yaml`, 'utf8'), { version: '1.1' }) as Record<
    string,
    unknown
  >;
  const config = publicationsSectionSchema.parse(yaml.all_publications);
  return resolvePublications(config, diskContext('all_publications', CORPUS, 'cv.yaml'));
}

describe('the bamos/cv corpus', () => {
  // How fast is the bench's job (npm run bench), never a timed test's: these machines are noisy.
  it('reads all 79 entries of all.bib, with the @@ entry', () => {
    const text = readFileSync(`${CORPUS}/publications/all.bib`, 'utf8');
    expect(readBibtex(text, 'all.bib').entries).toHaveLength(79);
  });

  it('resolves with no errors (error_without_author_url is on: every co-author has a URL)', () => {
    const { section, diagnostics } = resolveCorpus();
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The corpus's own oddities, reported as warnings at their line:column.
    expect(diagnostics.map((d) => `${d.code} ${d.position?.line}:${d.position?.column}`)).toEqual([
      'bibtex-duplicate-field 142:3', // haviv2024wasserstein: `_venue` twice
      'bibtex-stray-at 907:1', // @@inproceedings{paulus2021comboptnet
      'bibtex-duplicate-field 944:3', // fickinger2021scalable: `year` twice
      'bibtex-duplicate-field 1263:3', // lambert2020objective: `year` twice
    ]);
    expect(section.total).toBe(79);
  });

  it('has the owner in bold in every entry, and every co-author linked', () => {
    const publications = allPublications(resolveCorpus().section);
    for (const p of publications) {
      const owners = p.authors.filter((a) => a.isOwner);
      expect(
        owners.map((a) => a.plain),
        p.key,
      ).toEqual(['Brandon Amos']);
      for (const a of p.authors) if (!a.isOwner) expect(a.url, `${p.key}: ${a.plain}`).toBeDefined();
    }
    expect(publications.find((p) => p.key === 'paulus2021comboptnet')?.authors.map((a) => a.plain)).toEqual([
      'Anselm Paulus',
      'Michal Rolínek',
      'Vít Musil',
      'Brandon Amos',
      'Georg Martius',
    ]);
  });

  it('highlights the selected entries: 21 rows (the corpus has 22 `selected` fields, one is `selected={false}`)', () => {
    const { section } = resolveCorpus();
    const publications = allPublications(section);
    const text = readFileSync(`${CORPUS}/publications/all.bib`, 'utf8');
    expect(text.match(/^\s*selected\s*=/gm)?.length).toBe(22);
    // Named exception: the original tested `'selected' in pub`, so it also highlighted benhamu2022matching,
    // whose field says `selected={false}`; vita follows the value.
    expect(publications.filter((p) => p.selected)).toHaveLength(21);
    expect(publications.find((p) => p.key === 'benhamu2022matching')?.selected).toBe(false);
    const markdown = renderPublicationsMarkdown(section, 'Publications', {});
    expect(markdown.match(/style="background-color: #ffffd0"/g)).toHaveLength(21);
    expect(markdown.match(/<strong>Brandon Amos/g)).toHaveLength(79);
  });

  it('groups by year from 2026 down to "2015 and earlier", numbered continuously 79..1', () => {
    const { section } = resolveCorpus();
    const groups = section.lists[0]?.groups ?? [];
    expect(groups.map((g) => g.heading)).toEqual([
      '2026',
      '2025',
      '2024',
      '2023',
      '2022',
      '2021',
      '2020',
      '2019',
      '2018',
      '2017',
      '2016',
      '2015 and earlier',
    ]);
    const labels = groups.flatMap((g) => g.publications.map((p) => Number(p.label)));
    expect(labels).toEqual(Array.from({ length: 79 }, (_, i) => 79 - i));
    for (const group of groups.slice(0, -1))
      for (const p of group.publications) expect(String(p.yearNumber)).toBe(group.heading);
    for (const p of groups.at(-1)?.publications ?? []) expect(p.yearNumber).toBeLessThanOrEqual(2015);
  });
});
