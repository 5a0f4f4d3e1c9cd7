// The corpus (test/fixtures/bamos-cv) with its committed enrichment cache, built as a whole process:
// all targets, then `--only md`; and the peak resident memory of the first.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { buildArgs, CORPUS_CACHE, CORPUS_DIR, measureVita, withTempDir } from '../lib.js';

export const cases = [
  {
    id: 'corpus',
    available: () => existsSync(path.join(CORPUS_DIR, 'cv.yaml')),
    async run({ runs }) {
      return withTempDir('corpus', (work) => {
        cpSync(CORPUS_DIR, work, { recursive: true });
        if (existsSync(CORPUS_CACHE))
          cpSync(CORPUS_CACHE, path.join(work, '.vita-cache'), { recursive: true });
        const args = (...extra) =>
          buildArgs(path.join(work, 'cv.yaml'), path.join(work, 'out'), '--timings', ...extra);
        const all = measureVita(args(), { runs });
        const md = measureVita(args('--only', 'md'), { runs });
        const typst = /^typst compile\s+([\d.]+) ms$/m.exec(all.stderr);
        return {
          results: { corpus_build: all, corpus_md: md },
          rows: [
            { what: 'corpus build, all targets (whole process, warm cache)', ...time(all), budget: 250 },
            {
              what: 'corpus build, peak memory',
              value: `${all.peak_rss_mb.toFixed(0)} MB`,
              ratio: all.peak_rss_mb / all.node_rss_mb,
              budgetText: '≤ 120 MB',
              ok: all.peak_rss_mb <= 120,
            },
            ...(typst ? [{ what: '  of which Typst compile (last run)', ms: Number(typst[1]) }] : []),
            { what: 'corpus build, --only md (whole process)', ...time(md), budget: 100 },
          ],
        };
      });
    },
  },
];

const time = (m) => ({ ms: m.median_ms, ratio: m.ratio });
