/**
 * The original's own .bib files through 13 years (../shared/corpus/bamos-cv-history/<date>/publications):
 * every file the original read is read with no error, every entry kept (DESIGN §0).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../src/load/bibtex/reader.js';
import { HISTORY_DIR, historyPresent } from '../helpers/history.js';

const HISTORY = HISTORY_DIR;
const present = historyPresent('BibTeX files of the bamos/cv history');

function bibFiles(): string[] {
  const files: string[] = [];
  for (const version of readdirSync(HISTORY).sort()) {
    const dir = join(HISTORY, version, 'publications');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort())
      if (f.endsWith('.bib')) files.push(join(version, 'publications', f));
  }
  return files;
}

/** The entries a file holds, counted on its lines: `@type{` but not @string, @comment, @preamble. */
const entryStarts = (text: string) =>
  text.split('\n').filter((line) => /^\s*@+(?!string|comment|preamble)[a-z]+\s*[{(]/i.test(line)).length;

describe.skipIf(!present)(
  'the bamos/cv history (skipped: ../shared/corpus/bamos-cv-history is absent)',
  () => {
    it('every .bib of every version is read with no error, every entry kept', () => {
      const files = bibFiles();
      expect(files.length).toBeGreaterThan(40);
      const warnings = new Map<string, number>();
      for (const file of files) {
        const text = readFileSync(join(HISTORY, file), 'utf8');
        const bib = readBibtex(text, file);
        expect(bib.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(bib.entries.length, file).toBe(entryStarts(text));
        for (const d of bib.diagnostics) warnings.set(d.code, (warnings.get(d.code) ?? 0) + 1);
      }
      // Only the warnings the history's oddities explain.
      expect([...warnings.keys()].sort()).toEqual([
        'bibtex-duplicate-field', // `year` or `_venue` twice
        'bibtex-duplicate-key', // 2019-12-28: amos2019differentiable twice
        'bibtex-missing-comma', // 2022-11-15: `url = {...}` then `codeurl` with no comma
        'bibtex-stray-at', // `@@inproceedings`
        'bibtex-undefined-macro', // 2023: `selected=true`
        'bibtex-unknown-entry-type', // 2021-06-09: `@mphdthesis`
      ]);
    });

    it('2022-11-15: the url and the codeurl after the missing comma are both read', () => {
      const file = join('2022-11-15-3c2892b', 'publications', 'all.bib');
      const bib = readBibtex(readFileSync(join(HISTORY, file), 'utf8'), file);
      const entry = bib.entries.find((e) => e.key === 'sambharya2022l2a');
      expect(entry?.fields.get('url')?.value).toBe('https://arxiv.org/abs/2212.08260');
      expect(entry?.fields.get('codeurl')?.value).toBe('https://github.com/stellatogrp/l2ws');
      const comma = bib.diagnostics.find((d) => d.code === 'bibtex-missing-comma');
      expect(comma?.position).toEqual({ file, line: 306, column: 41 });
    });
  },
);
