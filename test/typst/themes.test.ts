import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cv, Publication, Section } from '../../src/model/cv.js';
import { compileTypst } from '../../src/render/typst/compiler.js';
import { BUILTIN_THEMES, compileTypstPdf } from '../../src/render/typst/index.js';
import { pdfFlatText, pdfFonts, pdfLinks } from '../helpers/pdf.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { layoutTitles, testCv, withPrint } from '../helpers/test-cv.js';

const OWNER = testCv().person.name;

const NOW = new Date('2024-03-05T15:30:00Z');

/** A minimal theme: the contract is one exported function, `render(data)`. */
const MINIMAL_THEME = `#let render(data) = {
  set page(paper: data.style.paper)
  [Minimal theme for #data.person.name. ]
  for b in data.blocks.filter(b => b.kind == "section") [Section #b.key. ]
  read("motto.txt")
}
`;

describe('built-in themes', () => {
  it('lists the six built-in themes', () => {
    expect(BUILTIN_THEMES).toEqual(['default', 'compact', 'classic', 'modern', 'sidebar', 'plain']);
  });

  it('compact: the same content, denser, in Libertinus Serif, without header icons', async () => {
    const compact = compileTypstPdf(withPrint(testCv(), { theme: 'compact' }), { now: NOW });
    const standard = compileTypstPdf(testCv(), { now: NOW });
    expect(compact.diagnostics).toEqual([]);
    const pdf = compact.pdf ?? new Uint8Array();
    const text = await pdfFlatText(pdf);
    // Small caps headings still extract as their text.
    for (const title of layoutTitles(testCv().layouts.print)) expect(text).toContain(title);
    expect(text).toContain('Yuki Tanaka et al. Scalable Bilevel Optimization');
    expect(text).toContain('Amortized Optimal Transport for Single-Cell Trajectories');
    expect(text).toContain('Page 1 of');
    expect(text).toContain('Last updated on March 5, 2024');
    // Contacts are spelled out instead of icons.
    expect(text).toContain('github.com/emarkovic');
    const fonts = (await pdfFonts(pdf)).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.some((name) => name.startsWith('LibertinusSerif'))).toBe(true);
    expect(fonts.some((name) => name.startsWith('SourceSans3'))).toBe(false);
    expect(await pdfLinks(pdf)).toContain('https://priyaraman.example.com/');
    expect(compact.pageCount).toBeLessThanOrEqual(standard.pageCount);
  });
});

describe.each(BUILTIN_THEMES)('the %s theme with a generic section', (theme) => {
  it('shows its rows, details, dates and group labels, and links the title', async () => {
    const result = compileTypstPdf(withPrint(testCv(), { theme }), { now: NOW });
    expect(result.diagnostics).toEqual([]);
    const pdf = result.pdf ?? new Uint8Array();
    const text = await pdfFlatText(pdf);
    expect(text).toContain('Side Projects');
    expect(text).toMatch(/vita.*A CV builder/);
    expect(text).toContain('Language: TypeScript');
    expect(text).toMatch(/2023\s*–\s*2024/);
    expect(text).toMatch(/Hobbies\s*•?\s*Chess\s*•?\s*Running/);
    expect(await pdfLinks(pdf)).toContain('https://github.com/example/vita');
  });
});

describe('a user theme', () => {
  const tempDir = useTempDirs();
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    mkdirSync(path.join(dir, 'themes'));
    writeFileSync(path.join(dir, 'themes', 'minimal.typ'), MINIMAL_THEME);
    writeFileSync(path.join(dir, 'themes', 'motto.txt'), 'Read from the theme folder.');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside the theme folder');
    writeFileSync(path.join(dir, 'themes', 'peek.typ'), '#let render(data) = read("../secret.txt")\n');
    writeFileSync(path.join(dir, 'themes', 'no-render.typ'), '#let draw(data) = [nothing]\n');
    writeFileSync(
      path.join(dir, 'themes', 'broken.typ'),
      '#let render(data) = {\n  [ok]\n  let x = (1, 2\n}\n',
    );
    writeFileSync(
      path.join(dir, 'themes', 'fails.typ'),
      '#let render(data) = {\n  data.person.name + 1\n}\n',
    );
    writeFileSync(
      path.join(dir, 'themes', 'warns.typ'),
      '#let render(data) = text(font: "No Such Font")[x]\n',
    );
  });

  it('is resolved against the CV folder and may read files beside it', async () => {
    const result = compileTypstPdf(withPrint(testCv(), { theme: 'themes/minimal.typ', baseDir: dir }), {
      now: NOW,
    });
    expect(result.diagnostics).toEqual([]);
    const text = await pdfFlatText(result.pdf ?? new Uint8Array());
    expect(text).toContain(`Minimal theme for ${OWNER}.`);
    expect(text).toContain('Section all_publications.');
    expect(text).toContain('Read from the theme folder.');
    const theme = result.files.find((f) => f.path === 'cv-theme.typ');
    expect(theme?.contents).toBe(MINIMAL_THEME);
  });

  it('cannot read outside its own folder', () => {
    const result = compileTypstPdf(withPrint(testCv(), { theme: 'themes/peek.typ', baseDir: dir }), {
      now: NOW,
    });
    expect(result.pdf).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'typst-compile',
      position: { file: path.join(dir, 'themes', 'peek.typ'), line: 1, column: 26 },
    });
    expect(result.diagnostics[0]?.message).toContain('access denied');
  });

  it('with a syntax error gives a typst-compile diagnostic at the file and line, and no PDF', () => {
    const result = compileTypstPdf(withPrint(testCv(), { theme: 'themes/broken.typ', baseDir: dir }), {
      now: NOW,
    });
    expect(result.pdf).toBeUndefined();
    expect(result.files.map((f) => f.path)).toEqual([
      'cv.typ',
      'cv-data.json',
      'cv-theme.typ',
      'vita-lib.typ',
    ]);
    const [first] = result.diagnostics;
    expect(first).toMatchObject({
      severity: 'error',
      code: 'typst-compile',
      position: { file: path.join(dir, 'themes', 'broken.typ'), line: 3 },
    });
    expect(first?.message).toMatch(/^the PDF theme 'themes\/broken\.typ' failed to compile: /);
    expect(first?.hints.join('\n')).toContain('docs/themes.md');
    expect(JSON.stringify(result.diagnostics)).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('that fails at run time reports the call trace as hints', () => {
    const result = compileTypstPdf(withPrint(testCv(), { theme: 'themes/fails.typ', baseDir: dir }), {
      now: NOW,
    });
    const [first] = result.diagnostics;
    expect(first).toMatchObject({ code: 'typst-compile', position: { line: 2, column: 3 } });
    expect(first?.message).toContain('cannot add string and integer');
    expect(first?.hints[0]).toBe('while calling render (in the generated cv.typ)');
  });

  it('with a Typst warning still makes the PDF, and the warning is a typst-warning', () => {
    const result = compileTypstPdf(withPrint(testCv(), { theme: 'themes/warns.typ', baseDir: dir }), {
      now: NOW,
    });
    expect(result.pdf).toBeDefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'typst-warning',
        message: 'Typst: unknown font family: no such font',
        position: { file: path.join(dir, 'themes', 'warns.typ'), line: 1, column: 32 },
      }),
    ]);
  });

  it('without a render function is reported against the generated cv.typ', () => {
    const result = compileTypstPdf(withPrint(testCv(), { theme: 'themes/no-render.typ', baseDir: dir }), {
      now: NOW,
    });
    const [first] = result.diagnostics;
    expect(first?.code).toBe('typst-compile');
    expect(first?.message).toContain('(in the generated cv.typ)');
    expect(first?.position).toBeUndefined();
    expect(first?.hints.join('\n')).toContain('export a function render(data)');
  });

  it('a theme file removed after resolving is an error of the PDF target, not a crash', () => {
    const result = compileTypstPdf(withPrint(testCv(), { theme: 'themes/missing.typ', baseDir: dir }), {
      now: NOW,
    });
    expect(result.pdf).toBeUndefined();
    expect(result.files).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'theme-not-found',
        message: `the PDF theme file \`${path.join(dir, 'themes', 'missing.typ')}\` cannot be read (ENOENT)`,
      }),
    ]);
  });
});

const BARE_PUBLICATION: Publication = {
  key: 'bare',
  entryType: 'misc',
  title: [{ type: 'text', value: 'A Bare Entry' }],
  authors: [],
  othersTruncated: false,
  venue: [],
  year: '',
  yearNumber: undefined,
  note: [],
  abstract: [],
  links: [],
  selected: true,
  label: '1',
  bibtex: '',
};

/** The section with nothing in it (publications: one entry with nothing but a title). */
function sparse(section: Section): Section {
  switch (section.type) {
    case 'publications':
      return {
        ...section,
        lists: [
          {
            heading: null,
            prefix: '',
            file: 'x.bib',
            groups: [{ heading: null, publications: [BARE_PUBLICATION] }],
          },
        ],
      };
    case 'about':
      return { ...section, text: [] };
    case 'service':
    case 'coursework':
    case 'generic':
      return { ...section, groups: [] };
    default:
      return { ...section, items: [] };
  }
}

describe.each(BUILTIN_THEMES)('the %s theme with sparse data', (theme) => {
  it('compiles a CV with only a name, empty sections and a bare publication', async () => {
    const base = withPrint(testCv(), { theme });
    const cv: Cv = {
      ...base,
      person: { name: 'Solo Name', social: {} },
      sections: new Map([...base.sections].map(([key, section]) => [key, sparse(section)])),
    };
    const result = compileTypstPdf(cv, { now: NOW });
    expect(result.diagnostics).toEqual([]);
    const text = await pdfFlatText(result.pdf ?? new Uint8Array());
    expect(text).toContain('Solo Name');
    expect(text).toContain('A Bare Entry');
    expect(text).toContain('Page 1 of');
  });
});

describe('the compiler workspace', () => {
  it('resolves every path inside the root, so a virtual root exposes no file of the machine', () => {
    const root = path.join(tmpdir(), 'vita-no-such-root');
    const result = compileTypst({
      root,
      files: new Map([['main.typ', '#read("/etc/passwd")\n']]),
      main: 'main.typ',
      creationTimestamp: 0,
    });
    expect(result.pdf).toBeUndefined();
    expect(result.messages.map((m) => [m.file, m.line, m.message])).toEqual([
      ['main.typ', 1, `file not found (searched at ${path.join(root, 'etc', 'passwd')})`],
    ]);
  });

  it('refuses paths that climb out of the root', () => {
    const root = path.join(tmpdir(), 'vita-no-such-root');
    const result = compileTypst({
      root,
      files: new Map([['main.typ', '#read("../../../etc/hostname")\n']]),
      main: 'main.typ',
      creationTimestamp: 0,
    });
    expect(result.messages[0]?.message).toContain('access denied');
  });
});

describe('symbolic links in a user theme folder', () => {
  const tempDir = useTempDirs();
  const READER = (file: string) => `#let render(data) = {\n  [Start. ]\n  read("${file}")\n}\n`;

  /** A CV folder with `themes/` holding a theme that reads `file`, a motto, and a secret in another folder. */
  function setUp(file: string): { dir: string; outside: string } {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET-OUTSIDE');
    mkdirSync(path.join(dir, 'themes'));
    writeFileSync(path.join(dir, 'themes', 'reader.typ'), READER(file));
    writeFileSync(path.join(dir, 'themes', 'motto.txt'), 'Read from the theme folder.');
    return { dir, outside };
  }

  const compile = (dir: string) =>
    compileTypstPdf(withPrint(testCv(), { theme: 'themes/reader.typ', baseDir: dir }), { now: NOW });

  it('a link to a file outside is hidden from the theme, with a warning naming it', () => {
    const { dir, outside } = setUp('leak.txt');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'themes', 'leak.txt'));
    const result = compile(dir);
    expect(result.pdf).toBeUndefined();
    const codes = result.diagnostics.map((d) => d.code);
    expect(codes).toEqual(['theme-link-outside', 'typst-compile']);
    expect(result.diagnostics[0]?.severity).toBe('warning');
    expect(result.diagnostics[0]?.message).toContain(path.join(dir, 'themes', 'leak.txt'));
    expect(result.diagnostics[0]?.message).toContain(path.join(outside, 'secret.txt'));
    expect(result.diagnostics[1]?.message).toContain('file not found');
    expect(result.diagnostics[1]?.position?.file).toBe(path.join(dir, 'themes', 'reader.typ'));
  });

  it('/etc/passwd behind a link is not read into the PDF; the other files still are', async () => {
    const { dir } = setUp('motto.txt');
    symlinkSync('/etc/passwd', path.join(dir, 'themes', 'passwd.txt'));
    const result = compile(dir);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['theme-link-outside']);
    const text = await pdfFlatText(result.pdf ?? new Uint8Array());
    expect(text).toContain('Read from the theme folder.');
    // The same theme reading the link fails instead of leaking.
    writeFileSync(path.join(dir, 'themes', 'reader.typ'), READER('passwd.txt'));
    const leaking = compile(dir);
    expect(leaking.pdf).toBeUndefined();
    expect(leaking.diagnostics.map((d) => d.code)).toEqual(['theme-link-outside', 'typst-compile']);
  });

  it('a linked folder that resolves outside is hidden too', () => {
    const { dir, outside } = setUp('data/secret.txt');
    symlinkSync(outside, path.join(dir, 'themes', 'data'));
    const result = compile(dir);
    expect(result.pdf).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['theme-link-outside', 'typst-compile']);
  });

  it('links that stay inside the folder (even a loop to a parent) are fine and give no warning', async () => {
    const { dir } = setUp('again/motto-link.txt');
    symlinkSync(path.join(dir, 'themes', 'motto.txt'), path.join(dir, 'themes', 'motto-link.txt'));
    symlinkSync(path.join(dir, 'themes'), path.join(dir, 'themes', 'again'));
    const result = compile(dir);
    expect(result.diagnostics).toEqual([]);
    expect(await pdfFlatText(result.pdf ?? new Uint8Array())).toContain('Read from the theme folder.');
  });

  it('the theme file itself may be a link to a file elsewhere', async () => {
    const { dir, outside } = setUp('motto.txt');
    writeFileSync(path.join(outside, 'shared.typ'), READER('motto.txt'));
    symlinkSync(path.join(outside, 'shared.typ'), path.join(dir, 'themes', 'linked.typ'));
    const result = compileTypstPdf(withPrint(testCv(), { theme: 'themes/linked.typ', baseDir: dir }), {
      now: NOW,
    });
    expect(result.diagnostics).toEqual([]);
    expect(await pdfFlatText(result.pdf ?? new Uint8Array())).toContain('Read from the theme folder.');
  });
});
