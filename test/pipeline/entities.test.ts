/**
 * HTML character references (`&Eacute;`, `&ntilde;`, `&#x20AC;`...) written in the YAML reach every target as
 * the characters they stand for: the full HTML5 table, numeric references too, named ones with their `;`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { pdfFlatText } from '../helpers/pdf.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

const CV = `name: "&Eacute;mile Pe&ntilde;a Stra&szlig;e"
email: emile@example.org
order:
  - [about, NONE]
  - [positions, "Stellen &amp; Pe&ntilde;a &#x20AC;"]
about: "<p>Caf&eacute; &Eacute;cole Pe&ntilde;a Stra&szlig;e &#233; &#x20AC; &euro; &amp; &Uuml;ber</p>"
positions:
  - place: "&Eacute;cole Pe&ntilde;a"
    title: "Pr&eacute;sident &euro;5 &#233;t&#xE9; Stra&szlig;e"
    dates: 2018
`;

const NAME = 'Émile Peña Straße';
const SECTION = 'Stellen & Peña €';
const PLACE = 'École Peña';
const TITLE = 'Président €5 été Straße';
const ABOUT = 'Café École Peña Straße é € € & Über';
/** A reference that was escaped instead of decoded, e.g. `&amp;ntilde;` on the page or `\&ntilde;` in LaTeX. */
const UNDECODED = /&(?:amp;)?(?:Eacute|eacute|ntilde|szlig|euro|#233|#x20AC|#xE9);/;

let out: Map<string, string | Uint8Array>;

beforeAll(async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'cv.yaml'), CV);
  const result = await build({
    files: [path.join(dir, 'cv.yaml')],
    outDir: path.join(dir, 'out'),
    targets: ['md', 'html', 'pdf', 'tex', 'json'],
    now: new Date('2024-03-05T00:00:00Z'),
  });
  expect(result.diagnostics).toEqual([]);
  out = new Map(result.files.map((f) => [f.path, f.contents]));
  // The files are written too, as the CLI writes them.
  expect(readFileSync(path.join(dir, 'out/cv.tex'), 'utf8')).toBe(out.get('cv.tex'));
}, 60_000);

const text = (file: string): string => {
  const contents = out.get(file);
  if (typeof contents !== 'string') throw new Error(`no text file ${file}`);
  return contents;
};

describe('character references in a name, a title and the about text', () => {
  it('html page', () => {
    const page = text('index.html');
    expect(page).toContain(`<h1>${NAME}</h1>`);
    expect(page).toContain(`<title>${NAME} — Curriculum Vitae</title>`);
    expect(page).toContain(`<h2>${SECTION.replace('&', '&amp;')}</h2>`);
    expect(page).toContain(PLACE);
    expect(page).toContain(TITLE);
    // The about text stays the user's markup (the browser decodes its references); its plain text is decoded.
    expect(page).toContain(`<meta name="description" content="${ABOUT.replace('&', '&amp;')}">`);
    expect(page.replace(/<div class="about">.*?<\/div>/s, '')).not.toMatch(UNDECODED);
  });

  it('markdown page', () => {
    const md = text('cv.md');
    expect(md).toContain(NAME);
    expect(md).toContain(SECTION); // a lone `&` stays as written: it begins no reference
    expect(md).toContain(PLACE);
    expect(md).toContain(TITLE);
    expect(md).not.toMatch(/&amp;(?:Eacute|eacute|ntilde|szlig|euro|#233|#x20AC|#xE9);/);
  });

  it('latex cv.tex', () => {
    const tex = text('cv.tex');
    for (const value of [NAME, SECTION.replace('&', '\\&'), PLACE, TITLE, ABOUT.replace('&', '\\&')])
      expect(tex).toContain(value);
    expect(tex).not.toMatch(/\\&(?:Eacute|eacute|ntilde|szlig|euro|\\#233|\\#x20AC|\\#xE9);/);
  });

  it('typst data and the PDF text', async () => {
    const data = text('cv-data.json');
    for (const value of [NAME, SECTION, PLACE, TITLE, ABOUT]) expect(data).toContain(JSON.stringify(value));
    expect(data).not.toMatch(UNDECODED);
    const pdf = await pdfFlatText(out.get('cv.pdf') as Uint8Array);
    for (const value of [NAME, SECTION, PLACE, TITLE, ABOUT]) expect(pdf).toContain(value);
  });

  it('json resume', () => {
    const resume = JSON.parse(text('cv.json'));
    expect(resume.basics.name).toBe(NAME);
    expect(resume.basics.summary).toBe(ABOUT);
    expect(resume.work[0]).toMatchObject({ name: PLACE, position: TITLE });
    expect(text('cv.json')).not.toMatch(UNDECODED);
  });
});
