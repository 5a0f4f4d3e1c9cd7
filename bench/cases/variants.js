// One source, several CVs (issue 17): the example in examples/variants builds the full CV and its three
// variants (English and German, full and short: four PDFs and four pages) in one run, against one variant
// alone (`--variant de`, a full CV). Budget: the four cost less than twice the one.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { buildArgs, measureVita, ROOT, withTempDir } from '../lib.js';

const EXAMPLE = path.join(ROOT, 'examples/variants');

function buildOf(extra, runs) {
  return withTempDir('variants', (dir) => {
    cpSync(EXAMPLE, dir, { recursive: true });
    return measureVita(buildArgs(path.join(dir, 'cv.yaml'), path.join(dir, 'out'), ...extra), {
      runs,
      warmup: 1,
    });
  });
}

export const cases = [
  {
    id: 'variants',
    async run({ runs }) {
      const one = await buildOf(['--variant', 'de'], runs);
      const all = await buildOf([], runs);
      const ratio = all.median_ms / one.median_ms;
      return {
        results: { variants_one: one, variants_all: all },
        rows: [
          { what: 'variants example: one variant (whole process)', ms: one.median_ms, ratio: one.ratio },
          {
            what: 'variants example: the CV and its 3 variants (whole process)',
            ms: all.median_ms,
            ratio: all.ratio,
          },
          {
            what: 'variants: four CVs vs one, time ratio',
            value: ratio.toFixed(2),
            budgetText: '< 2',
            ok: ratio < 2,
          },
        ],
      };
    },
  },
];
