// Big CVs in bounded time and memory (issue 19), as whole processes with their peak RSS (the Typst worker
// thread included: it is the same process): 10,000 BibTeX entries with every target (the PDF too), and
// 100,000 entries with every target but the PDF. One .bib file each (a 100,000-entry export fits the
// 256 MB input limit), entries as reference managers write them (no `_venue`).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildArgs, measureVita, withTempDir } from '../lib.js';
import { generateBib } from '../publications.js';

function writeCv(dir, entries) {
  mkdirSync(path.join(dir, 'publications'));
  writeFileSync(path.join(dir, 'publications/all.bib'), generateBib(entries, 7, { standard: true }));
  writeFileSync(
    path.join(dir, 'cv.yaml'),
    'name: Brandon Amos\nemail: brandon@example.org\norder:\n  - [publications, Publications]\npublications:\n  name: Amos\n  file: all.bib\n  group_by_year: true\n',
  );
  return path.join(dir, 'cv.yaml');
}

function buildOf(entries, only, runs) {
  return withTempDir(`big${entries}`, (dir) => {
    const yaml = writeCv(dir, entries);
    return measureVita(buildArgs(yaml, path.join(dir, 'out'), '--only', only), { runs, warmup: 0 });
  });
}

export const cases = [
  {
    id: 'big-cv',
    async run({ quick }) {
      const all10k = await buildOf(10_000, 'md,html,pdf,tex,json', 1);
      const rows = [
        {
          what: '10,000 entries, every target with the PDF (whole process)',
          ms: all10k.median_ms,
          ratio: all10k.ratio,
          budget: 5000,
          strict: true,
        },
        {
          what: '10,000 entries, every target: peak RSS',
          value: `${all10k.peak_rss_mb.toFixed(0)} MB`,
          budgetText: '< 400 MB',
          ok: all10k.peak_rss_mb < 400,
        },
      ];
      const results = { big_cv_10k_all: all10k };
      if (!quick) {
        const web100k = await buildOf(100_000, 'md,html,tex,json', 1);
        results.big_cv_100k_no_pdf = web100k;
        rows.push(
          {
            what: '100,000 entries, every target but the PDF (whole process)',
            ms: web100k.median_ms,
            ratio: web100k.ratio,
            budget: 15_000,
            strict: true,
          },
          {
            what: '100,000 entries, every target but the PDF: peak RSS',
            value: `${web100k.peak_rss_mb.toFixed(0)} MB`,
          },
        );
      }
      return { results, rows };
    },
  },
];
