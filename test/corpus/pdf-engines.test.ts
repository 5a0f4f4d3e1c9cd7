/**
 * The example and the corpus to PDF with both engines (built-in Typst, and LaTeX through latexmk),
 * checked through real text extraction, font listing and link annotations.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFlatText, pdfFonts, pdfInfo, pdfLinks } from '../helpers/pdf.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { latexAvailable } from '../latex/tools.js';
import {
  buildAll,
  copyCorpus,
  copyExample,
  loadModel,
  printTitles,
  publicationsOf,
  readOut,
  squash,
  titleText,
} from './build-fixtures.js';

const tempDir = useTempDirs();

const cases = [
  { name: 'examples/seed', copy: copyExample, pages: [2, 5], owner: /Amos|Kao/ },
  { name: 'the bamos/cv corpus', copy: copyCorpus, pages: [8, 20], owner: /Amos/ },
] as const;

const engines = [
  { engine: 'typst', available: true },
  { engine: 'latex', available: latexAvailable },
] as const;

for (const c of cases) {
  for (const e of engines) {
    describe.skipIf(!e.available)(`${c.name} with the ${e.engine} engine`, () => {
      it('typesets every section, publication and owner, with footer, fonts and links', async () => {
        const dir = tempDir();
        const yaml = c.copy(dir);
        const out = path.join(dir, 'out');
        const run = await buildAll(yaml, out, ['--only', 'pdf,tex', '--pdf-engine', e.engine]);
        expect(run.code, run.stderr).toBe(0);
        const pdf = readOut(out, 'cv.pdf');
        const text = await pdfFlatText(pdf);
        const flat = squash(text);
        const cv = loadModel(yaml);

        for (const title of printTitles(cv)) expect(flat, `section title ${title}`).toContain(squash(title));
        const publications = publicationsOf(cv);
        expect(publications.length).toBeGreaterThan(0);
        for (const p of publications) {
          expect(flat, `publication ${p.key}`).toContain(squash(titleText(p)));
          expect(
            p.authors.some((a) => a.isOwner),
            `owner in ${p.key}`,
          ).toBe(true);
        }
        // The owner's name appears in every author line: at least once per publication.
        const ownerMentions = text.match(new RegExp(c.owner.source, 'g'))?.length ?? 0;
        expect(ownerMentions).toBeGreaterThanOrEqual(publications.length);

        const pages = (await pdfInfo(pdf)).pages;
        expect(pages).toBeGreaterThanOrEqual(c.pages[0]);
        expect(pages).toBeLessThanOrEqual(c.pages[1]);
        expect(text).toContain(`Page 1 of ${pages}`);
        expect(text).toContain('Last updated on November 25, 2026');

        const fonts = await pdfFonts(pdf);
        expect(fonts.length).toBeGreaterThan(0);
        for (const font of fonts) expect(font.embedded, `font ${font.name} embedded`).toBe(true);

        const links = await pdfLinks(pdf);
        const titled = publications.find((p) => p.url);
        expect(titled).toBeDefined();
        expect(links).toContain(titled?.url);
        for (const link of links) expect(link).toMatch(/^(https?:|mailto:)/);
      });
    });
  }
}
