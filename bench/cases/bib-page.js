// The web page of a CV whose only section is a large standard .bib (what reference managers export: no
// `_venue`, the venue's full name in `booktitle`), as a whole process: 10,000 and 100,000 entries. The files
// are split in 10,000-entry parts, as a large export often is (one 100,000-entry file fits the 256 MB
// input limit too: bench/cases/big-cv.js reads one).
//
// Beside each, the floor: bench/page-floor.js, the least a program can do to turn the same files into a page
// of the same content and size (no LaTeX, names or whitespace read), timed the same way. What is left of the
// budget above the floor is what vita may spend on everything it reads and checks per paper.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildArgs, measureNode, measureVita, ROOT, withTempDir } from '../lib.js';
import { generateBib } from '../publications.js';

const PAGE_FLOOR = path.join(ROOT, 'bench/page-floor.js');
const PART = 10_000;

function writeCv(dir, entries) {
  mkdirSync(path.join(dir, 'publications'));
  const files = [];
  for (let part = 0; part * PART < entries; part++) {
    const name = `part${part}.bib`;
    writeFileSync(
      path.join(dir, 'publications', name),
      generateBib(Math.min(PART, entries - part * PART), 100 + part, { standard: true }),
    );
    files.push(path.join(dir, 'publications', name));
  }
  writeFileSync(
    path.join(dir, 'cv.yaml'),
    `name: Brandon Amos\norder:\n  - [publications, Publications]\npublications:\n  name: Amos\n  file: [${files.map((f) => path.basename(f)).join(', ')}]\n  group_by_year: true\n`,
  );
  return { yaml: path.join(dir, 'cv.yaml'), bibFiles: files };
}

function pageOf(entries, runs) {
  return withTempDir(`bib${entries}`, (dir) => {
    const { yaml, bibFiles } = writeCv(dir, entries);
    const vita = measureVita(buildArgs(yaml, path.join(dir, 'out'), '--only', 'html'), { runs, warmup: 0 });
    const { stderr: _, ...floor } = measureNode([PAGE_FLOOR, path.join(dir, 'floor.html'), ...bibFiles], {
      runs,
      warmup: 0,
    });
    return { ...vita, floor };
  });
}

/** The floor's row beside a vita row. */
const floorRow = (entries, measured) => ({
  what: `  the floor (bench/page-floor.js), ${entries}; vita ${(measured.median_ms / measured.floor.median_ms).toFixed(1)}x it`,
  ms: measured.floor.median_ms,
  ratio: measured.floor.ratio,
});

export const cases = [
  {
    id: 'bib-page',
    async run({ runs, quick }) {
      const n10k = await pageOf(10_000, Math.min(runs, 3));
      const rows = [
        {
          what: '10,000 standard BibTeX entries, page (whole process)',
          ms: n10k.median_ms,
          ratio: n10k.ratio,
          budget: 1000,
          strict: true,
        },
        floorRow('10,000', n10k),
      ];
      const results = { bib_page_10k: n10k };
      if (!quick) {
        const n100k = await pageOf(100_000, 1);
        results.bib_page_100k = n100k;
        const linear = n100k.median_ms / n10k.median_ms;
        rows.push(
          {
            what: '100,000 standard BibTeX entries, page (whole process)',
            ms: n100k.median_ms,
            ratio: n100k.ratio,
            budget: 10_000,
            strict: true,
          },
          floorRow('100,000', n100k),
          {
            what: '100,000 vs 10,000 entries, time ratio',
            value: linear.toFixed(1),
            budgetText: '≤ 11',
            ok: linear <= 11,
          },
        );
      }
      return { results, rows };
    },
  },
];
