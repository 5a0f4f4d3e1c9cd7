// Watch mode as the user sees it: saving a one-line edit of the corpus's YAML until real Chromium shows the
// edit in the page's DOM (bench/watch-browser.js). Needs Debian's chromium; skipped without it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR } from '../lib.js';
import { benchWatchBrowser, benchWatchBrowserPdf, findChromium } from '../watch-browser.js';

export const cases = [
  {
    id: 'watch-browser',
    available: () => existsSync(path.join(CORPUS_DIR, 'cv.yaml')) && findChromium() !== undefined,
    async run() {
      const r = await benchWatchBrowser(path.join(CORPUS_DIR, 'cv.yaml'));
      const pdf = await benchWatchBrowserPdf(path.join(CORPUS_DIR, 'cv.yaml'));
      return {
        results: { watch_save_to_dom: r, watch_save_to_pdf_drawn: pdf },
        rows: [
          {
            what: 'watch: save to the edit shown in Chromium (page)',
            ms: r.median_ms,
            budget: 100,
          },
          {
            what: 'watch: save to the new PDF drawn in the preview',
            ms: pdf.median_ms,
            budget: 300,
          },
        ],
      };
    },
  },
];
