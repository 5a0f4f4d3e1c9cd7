// Watch mode, server side: a one-line edit of the corpus to the rebuilt preview and PDF (bench/watch.js).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR } from '../lib.js';
import { benchWatchRebuild } from '../watch.js';

export const cases = [
  {
    id: 'watch',
    available: () => existsSync(path.join(CORPUS_DIR, 'cv.yaml')),
    async run() {
      const r = await benchWatchRebuild(path.join(CORPUS_DIR, 'cv.yaml'));
      return {
        results: { watch_rebuild: r },
        rows: [
          {
            what: 'watch: one-line edit of the corpus to refreshed preview (server side)',
            ms: r.preview_median_ms,
            budget: 50,
          },
          { what: 'watch: same, until the PDF is rewritten too', ms: r.median_ms, budget: 300 },
        ],
      };
    },
  },
];
