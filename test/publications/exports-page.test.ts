/**
 * Standard BibTeX exports (test/fixtures/bibtex-exports) built plainly into a CV: every entry becomes a row
 * of the page, with its title and a venue although none has `_venue`, and the build has no error.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import type { PublicationsSection } from '../../src/model/cv.js';
import { renderCv } from '../../src/pipeline/build.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'bibtex-exports');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.bib'))
  .sort();
const tempDir = useTempDirs();

/** Entries as the file's own lines count them: `@type{` but not @string, @comment, @preamble, nor a
 * `@proceedings` parent that only a `crossref` names (BibTeX lists those only when cited). */
const entryStarts = (text: string) =>
  text.split('\n').filter((line) => /^@(?!string|comment|preamble)[a-z]+\s*[{(]/i.test(line)).length;

const squash = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();

describe.each(FILES)('a CV built from %s', (file) => {
  it('shows every entry as a row, with no error', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'publications'));
    cpSync(path.join(DIR, file), path.join(dir, 'publications', file));
    writeFileSync(
      path.join(dir, 'cv.yaml'),
      `name: Ada Lovelace\norder:\n  - [publications, Publications]\npublications:\n  file: ${file}\n`,
    );
    const result = await renderCv({
      files: [path.join(dir, 'cv.yaml')],
      outDir: path.join(dir, 'out'),
      targets: ['md', 'html'],
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const section = result.cv?.sections.get('publications') as PublicationsSection;
    const publications = section.lists.flatMap((l) => l.groups.flatMap((g) => g.publications));
    expect(publications.length).toBe(entryStarts(readFileSync(path.join(DIR, file), 'utf8')));
    const page = squash(
      String(result.files.find((f) => f.path === 'cv.md')?.contents).replace(/<[^>]*>/g, ''),
    );
    // A row without a venue is one whose entry names none (software, a web page): a warning says so.
    const noVenue = result.diagnostics
      .filter((d) => d.code === 'publication-missing-venue')
      .map((d) => d.message);
    for (const p of publications) {
      expect(page, p.key).toContain(squash(inlineToText(p.title)));
      if (inlineToText(p.venue) === '')
        expect(
          noVenue.some((m) => m.includes(`\`${p.key}\``)),
          p.key,
        ).toBe(true);
    }
    expect(publications.filter((p) => inlineToText(p.venue) !== '').length).toBeGreaterThan(
      publications.length / 2,
    );
  });
});
