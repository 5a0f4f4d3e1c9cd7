/** The compatibility corpus (a real CV in the original's format) builds unmodified. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';
import { buildAll, copyCorpus } from './build-fixtures.js';

const tempDir = useTempDirs();

/**
 * Every warning the corpus gives, with why it is right to give it. The corpus must build with no error;
 * a new warning (or one gone) fails this test until it is justified here.
 */
const JUSTIFIED_WARNINGS: Record<string, { count: number; why: string }> = {
  'section-unused': {
    count: 1,
    why: '`about_old` is kept in the file but listed in no order, so it is not shown',
  },
  'bibtex-duplicate-field': {
    count: 3,
    why: 'three entries set `_venue` or `year` twice; BibTeX keeps the last, and so do we',
  },
  'bibtex-stray-at': {
    count: 1,
    why: 'all.bib:907 starts with `@@inproceedings`; the original read it, so do we, with a warning',
  },
};

describe('the bamos/cv corpus', () => {
  it('builds to Markdown with no error, and only justified warnings', async () => {
    const dir = tempDir();
    const yaml = copyCorpus(dir);
    const run = await buildAll(yaml, path.join(dir, 'out'), ['--only', 'md']);
    expect(run.code, run.stderr).toBe(0);
    const codes = [...run.stderr.matchAll(/: warning: .* \[([a-z0-9-]+)\]$/gm)].map((m) => m[1] as string);
    const counted: Record<string, number> = {};
    for (const code of codes) counted[code] = (counted[code] ?? 0) + 1;
    expect(counted).toEqual(
      Object.fromEntries(Object.entries(JUSTIFIED_WARNINGS).map(([k, v]) => [k, v.count])),
    );
    expect(run.stderr).not.toMatch(/: error: /);
  });
});
