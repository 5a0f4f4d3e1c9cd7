/** Standard BibTeX through the whole pipeline: the "Undated" and "to appear" groups in every target. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderLatexDocument } from '../../src/render/latex/document.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { cvToTypstData } from '../../src/render/typst/to-data.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const NOW = new Date('2025-11-25T12:00:00Z');

const YAML = `name:
  first: Erwin
  last: Schrödinger
order:
  - [publications, Publications]
publications:
  file: all.bib
  sort_bib: true
  group_by_year: true
`;

const BIB = `@article{undated,
  title = {A Paper Without a Year},
  author = {Schr{\\"o}dinger, E. and Max Born and Anny Schrödinger},
  journal = {Physical Review Letters},
}
@inproceedings{dated,
  title = {Dated},
  author = {E.~Schrödinger},
  booktitle = {Proceedings of the 37th International Conference on Machine Learning},
  date = {2020-07-13},
}
@misc{soon,
  title = {Soon},
  author = {Erwin Schrodinger},
  year = {to appear},
  eprint = {2101.00001},
  archiveprefix = {arXiv},
}
`;

function build() {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'publications'));
  writeFileSync(path.join(dir, 'cv.yaml'), YAML);
  writeFileSync(path.join(dir, 'publications/all.bib'), BIB);
  return loadCv([path.join(dir, 'cv.yaml')]);
}

describe('standard BibTeX end to end', () => {
  it('builds with one warning (no year), groups "to appear" first and "Undated" last, owner in bold', () => {
    const { cv, diagnostics } = build();
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning publication-missing-year']);
    if (!cv) throw new Error('no model');
    const section = cv.sections.get('publications');
    if (section?.type !== 'publications') throw new Error('no publications');
    const groups = section.lists[0]?.groups ?? [];
    expect(groups.map((g) => g.heading)).toEqual(['to appear', '2020', 'Undated']);
    const pubs = groups.flatMap((g) => g.publications);
    expect(pubs.map((p) => p.venue.map((n) => (n.type === 'text' ? n.value : '')).join(''))).toEqual([
      'arXiv',
      'ICML',
      'PRL',
    ]);
    expect(pubs.map((p) => p.authors[0]?.isOwner)).toEqual([true, true, true]);
    expect(pubs[2]?.authors.map((a) => a.isOwner)).toEqual([true, false, false]);
  });

  it('shows the "Undated" heading in Markdown, HTML, LaTeX and Typst', () => {
    const { cv } = build();
    if (!cv) throw new Error('no model');
    expect(renderMarkdown(cv, { now: NOW })).toContain('<h2>Undated</h2>');
    const html = renderHtml(cv, {
      now: NOW,
      outDir: '/tmp/vita-out',
      pdfEngine: 'typst',
      htmlFileName: 'index.html',
    });
    const page = String(html.files[0]?.contents ?? '');
    expect(page).toMatch(/<h[34] class="pub-year"[^>]*>Undated<\/h[34]>/);
    expect(page).toMatch(/<h[34] class="pub-year"[^>]*>to appear<\/h[34]>/);
    expect(renderLatexDocument(cv, { now: NOW }).tex).toContain('\\subsection{Undated}');
    expect(JSON.stringify(cvToTypstData(cv, NOW).data)).toContain('"heading":"Undated"');
  });

  it('`publications: file.bib` naming no file is a warning at the YAML value; the CV still builds', () => {
    const dir = tempDir();
    const yaml = YAML.replace(
      /publications:\n {2}file: all.bib\n {2}sort_bib: true\n {2}group_by_year: true\n/,
      'publications: missing.bib\n',
    );
    writeFileSync(path.join(dir, 'cv.yaml'), yaml);
    const { cv, diagnostics } = loadCv([path.join(dir, 'cv.yaml')]);
    expect(cv).toBeDefined();
    expect(diagnostics.map((d) => [d.severity, d.code, d.position?.line, d.position?.column])).toEqual([
      ['warning', 'publication-file-not-found', 6, 15],
    ]);
  });

  it('an unknown option of a real YAML file warns at the option, with did-you-mean', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'publications'));
    writeFileSync(path.join(dir, 'cv.yaml'), `${YAML}  image_height: 125px\n  group_by_yaer: true\n`);
    writeFileSync(path.join(dir, 'publications/all.bib'), BIB);
    const { cv, diagnostics } = loadCv([path.join(dir, 'cv.yaml')]);
    expect(cv).toBeDefined();
    const unknown = diagnostics.filter((d) => d.code === 'publication-unknown-option');
    expect(unknown.map((d) => [d.message, d.position?.line, d.hints])).toEqual([
      [
        'unknown option `image_height` in section `publications`; it is ignored',
        10,
        [expect.stringContaining('options:')],
      ],
      [
        'unknown option `group_by_yaer` in section `publications`; it is ignored',
        11,
        ['did you mean `group_by_year`?'],
      ],
    ]);
  });
});
