/** `--pdf-engine latex` for real: latexmk compiles the sample, errors map back to cv.tex, hostile text stays text. */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Inline } from '../../src/inline/ast.js';
import type { RichText, Section } from '../../src/model/cv.js';
import { UNICODE_REPLACEMENTS, UTF8_SUPPORTED_RANGES } from '../../src/render/latex/characters.js';
import { compileLatexPdf } from '../../src/render/latex/compile.js';
import { renderLatexDocument } from '../../src/render/latex/document.js';
import { latexPdfTarget } from '../../src/render/latex/target.js';
import { pdfInfo, pdfLinks, pdfFlatText as pdfText } from '../helpers/pdf.js';
import {
  layoutTitles,
  publicationsOf,
  rich,
  sectionOf,
  testCv,
  titleText,
  withPrint,
  withSections,
} from '../helpers/test-cv.js';
import { latexAvailable, texInstallationRoots } from './tools.js';

const NOW = new Date('2024-06-05T12:00:00Z');
/** Pages of the test CV's PDF through pdfLaTeX. */
const PAGES = 5;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vita-latex-test-'));
  made.push(dir);
  return dir;
}

const testTex = (): string => renderLatexDocument(testCv(), { now: NOW }).tex;

describe('compileLatexPdf without TeX', () => {
  it('reports latex-not-installed when latexmk cannot be found', async () => {
    const result = await compileLatexPdf(testTex(), { latexmk: '/nonexistent/vita/latexmk' });
    expect(result.pdf).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic?.code).toBe('latex-not-installed');
    expect(diagnostic?.severity).toBe('error');
    expect(diagnostic?.hints.join(' ')).toMatch(/apt-get install latexmk/);
    expect(diagnostic?.hints.join(' ')).toMatch(/Typst engine/);
  });
});

describe.skipIf(!latexAvailable)('compileLatexPdf with latexmk', () => {
  it('typesets the test CV (the pdf target of --pdf-engine latex)', async () => {
    const cv = testCv();
    const result = await latexPdfTarget.render(cv, {
      now: NOW,
      outDir: tempDir(),
      pdfEngine: 'latex',
      htmlFileName: 'index.html',
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((file) => file.path)).toEqual(['cv.pdf']);
    const pdf = result.files[0]?.contents as Uint8Array;
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const text = await pdfText(pdf);
    for (const expected of [
      'Elena Marković',
      'Last updated on June 5, 2024',
      ...layoutTitles(cv.layouts.print),
      ...publicationsOf(cv).map(titleText),
      '2015 and earlier',
      'Ali İrfan Mahmutoğulları',
      'David Pérez-Piñeiro',
      'Rémi Munos',
      'Max Planck Institute for Intelligent Systems (Tübingen)',
      'snake_case & $math$',
      '[code] [slides]',
      '15.2k',
      `Page 1 of ${PAGES}`,
      `Page ${PAGES} of ${PAGES}`,
    ]) {
      expect(text, expected).toContain(expected);
    }

    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(PAGES);
    expect(info.pageSize).toContain('612 x 792 pts (letter)');
    expect(info.title).toBe('CV – Elena Marković');

    const links = await pdfLinks(pdf);
    expect(links).toContain('https://example.org/talks/openface?lang=en&t=42#start');
    expect(links).toContain('https://www.cs.cmu.edu/~satya/');
    expect(links).toContain('mailto:elena.markovic@example.org');
    expect(links).toContain('https://video.example.org/watch?v=dcp&t=42#start');
  });

  it('prints A4 when asked', async () => {
    const cv = withPrint(testCv(), { paper: 'a4' });
    const result = await compileLatexPdf(renderLatexDocument(cv, { now: NOW }).tex);
    expect(result.diagnostics).toEqual([]);
    expect((await pdfInfo(result.pdf as Uint8Array)).pageSize).toContain('(A4)');
  });

  it('is reproducible for a given date', async () => {
    const first = await compileLatexPdf(testTex(), { now: NOW });
    const second = await compileLatexPdf(testTex(), { now: NOW });
    expect(first.pdf).toBeDefined();
    expect(Buffer.from(first.pdf as Uint8Array).equals(Buffer.from(second.pdf as Uint8Array))).toBe(true);
  });

  it('maps an undefined command to its line of cv.tex and its section', async () => {
    const at = sectionOf(testCv(), 'education', 'education').position;
    const lines = testTex().split('\n');
    const index = lines.findIndex((line) => line.startsWith('\\vitaline{University of Belgrade, Belgrade'));
    lines.splice(index + 1, 0, '\\vitaentry{\\undefinedvitacommand{Oops}}{2020}');
    const result = await compileLatexPdf(lines.join('\n'));
    expect(result.pdf).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic?.code).toBe('latex-compile');
    expect(diagnostic?.message).toBe(
      `pdfLaTeX stopped at cv.tex line ${index + 2}: Undefined control sequence \`\\undefinedvitacommand\`.`,
    );
    expect(diagnostic?.position).toEqual({ file: 'cv.tex', line: index + 2, column: 1 });
    expect(diagnostic?.hints).toContain(
      `cv.tex:${index + 2}: \\vitaentry{\\undefinedvitacommand{Oops}}{2020}`,
    );
    expect(diagnostic?.hints.join('\n')).toContain(
      'TeX stopped after reading `\\vitaentry{\\undefinedvitacommand{Oops}}{2020}`.',
    );
    expect(diagnostic?.hints.join('\n')).toContain(
      `That line was written for the section education (${at?.file}:${at?.line}:${at?.column}).`,
    );
    expect(result.log).toContain('Undefined control sequence');
  });

  it('names a missing package', async () => {
    const tex = testTex().replace(
      '\\usepackage{array}',
      '\\usepackage{array}\n\\usepackage{vitanosuchpackage}',
    );
    const result = await compileLatexPdf(tex, { texPath: 'build/cv.tex' });
    const [diagnostic] = result.diagnostics;
    expect(diagnostic?.code).toBe('latex-compile');
    expect(diagnostic?.message).toMatch(
      /^pdfLaTeX stopped at build\/cv\.tex line \d+: LaTeX Error: File `vitanosuchpackage\.sty' not found\./,
    );
    expect(diagnostic?.hints.join('\n')).toContain('lacks vitanosuchpackage.sty');
  });

  it('reports latex-not-installed when latexmk runs but pdflatex is missing', async () => {
    const find = (tool: string): string => {
      const dirs = (process.env.PATH ?? '').split(path.delimiter);
      const dir = dirs.find((candidate) => existsSync(path.join(candidate, tool)));
      if (dir === undefined) throw new Error(`${tool} not on PATH`);
      return path.join(dir, tool);
    };
    const bin = tempDir();
    symlinkSync(find('latexmk'), path.join(bin, 'latexmk'));
    symlinkSync(find('perl'), path.join(bin, 'perl'));
    const savedPath = process.env.PATH;
    process.env.PATH = bin;
    try {
      const result = await compileLatexPdf(testTex());
      expect(result.pdf).toBeUndefined();
      expect(result.diagnostics.map((d) => d.code)).toEqual(['latex-not-installed']);
      expect(result.diagnostics[0]?.message).toBe('latexmk is installed but could not run pdfLaTeX.');
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('stops a run that does not finish and reports latex-timeout', async () => {
    const workDir = tempDir();
    const started = Date.now();
    const result = await compileLatexPdf(
      '\\documentclass{article}\\begin{document}\\def\\loop{\\loop}\\loop\\end{document}\n',
      {
        timeoutMs: 2000,
        workDir,
      },
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['latex-timeout']);
    expect(result.diagnostics[0]?.message).toBe('latexmk did not finish within 2 s and was stopped');
    // Neither latexmk nor pdflatex is left running in the build folder.
    if (existsSync('/proc/self/cwd')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const inFolder = readdirSync('/proc')
        .filter((pid) => /^\d+$/.test(pid))
        .filter((pid) => {
          try {
            return readlinkSync(`/proc/${pid}/cwd`) === workDir;
          } catch {
            return false;
          }
        });
      expect(inFolder).toEqual([]);
    }
  });

  it('typesets every character the escape function keeps or replaces', async () => {
    let chars = '';
    for (const [from, to] of UTF8_SUPPORTED_RANGES)
      for (let c = from; c <= to; c++) chars += String.fromCodePoint(c);
    for (const code of UNICODE_REPLACEMENTS.keys()) chars += String.fromCodePoint(code);
    chars += ' Nguyễn ạ ḯ 深 😀';
    const cv = withSections(testCv(), (section) =>
      section.type === 'skills'
        ? { ...section, items: [{ title: rich('All'), details: rich(chars) }] }
        : section,
    );
    const document = renderLatexDocument(cv, { now: NOW });
    expect(document.diagnostics.map((d) => d.code)).toEqual(['latex-unsupported-character']);
    const tex = document.tex.replace('\\begin{document}', '\\begin{document}\\tracinglostchars=1 ');
    const result = await compileLatexPdf(tex, { workDir: tempDir() });
    expect(result.diagnostics).toEqual([]);
    const text = await pdfText(result.pdf as Uint8Array);
    expect(text).toContain('Tübingen');
    expect(text).toContain('ÀÁÂÃÄÅÆÇÈÉÊË');
    expect(text).toContain('ğ');
    expect(text).toContain('€');
  });
});

// ------------------------------------------------------------------ hostile input

const HOSTILE = [
  '\\input{/etc/passwd}',
  '\\write18{touch x}',
  '\\immediate\\write18{touch x}',
  '\\catcode`\\@=0 @input{/etc/passwd}',
  '$ % # _ { } \\ ^ ~ & [ ] < > | " `',
  '\\end{document}',
];

function hostileText(index: number): RichText {
  return [{ type: 'text', value: HOSTILE[index % HOSTILE.length] as string }];
}

/** Puts the hostile strings into text fields of several section types, a link and a linebreak. */
function hostileSection(section: Section): Section {
  switch (section.type) {
    case 'skills':
      return {
        ...section,
        items: HOSTILE.map((_, i) => ({ title: rich(`H${i}`), details: hostileText(i) })),
      };
    case 'talks':
      return {
        ...section,
        items: [
          {
            title: hostileText(0),
            location: hostileText(2),
            year: hostileText(4),
            url: 'javascript:alert(1)',
          },
        ],
      };
    case 'honors':
      return {
        ...section,
        items: [
          {
            title: hostileText(1),
            year: rich('2024'),
            url: 'file:///etc/passwd',
            description: hostileText(3),
          },
        ],
      };
    case 'news': {
      const text: Inline[] = [
        { type: 'text', value: 'first' },
        { type: 'linebreak' },
        { type: 'text', value: '*[2mm] after' },
      ];
      return { ...section, items: [{ date: rich('2024'), text }] };
    }
    default:
      return section;
  }
}

describe.skipIf(!latexAvailable)('hostile text', () => {
  it('comes out as literal text; TeX runs nothing and touches nothing outside its folder', async () => {
    const cv = withSections(testCv(), hostileSection);
    const document = renderLatexDocument(cv, { now: NOW });
    expect(document.diagnostics).toEqual([]);
    const workDir = tempDir();
    const result = await compileLatexPdf(document.tex, { workDir, now: NOW });
    expect(result.diagnostics).toEqual([]);
    const text = await pdfText(result.pdf as Uint8Array, { raw: true });
    for (const value of HOSTILE) expect(text, value).toContain(value);
    expect(text).toContain('first *[2mm] after');
    // Unsafe links keep their text but link nowhere.
    const links = await pdfLinks(result.pdf as Uint8Array);
    expect(links.some((url) => /javascript|file:/i.test(url))).toBe(false);

    expect(existsSync(path.join(workDir, 'x'))).toBe(false);
    expect(existsSync(path.join(process.cwd(), 'x'))).toBe(false);
    const log = readFileSync(path.join(workDir, 'cv.log'), 'latin1');
    expect(log).not.toMatch(/runsystem/);

    // latexmk's recorder lists every file TeX opened: writes only in the build folder, reads only there and
    // in the TeX installation.
    const recorded = readFileSync(path.join(workDir, 'cv.fls'), 'utf8').split('\n');
    const inside = (file: string): boolean => !path.isAbsolute(file) || file.startsWith(`${workDir}/`);
    const outputs = recorded.filter((line) => line.startsWith('OUTPUT ')).map((line) => line.slice(7));
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.filter((file) => !inside(file))).toEqual([]);
    const roots = texInstallationRoots();
    const inputs = recorded.filter((line) => line.startsWith('INPUT ')).map((line) => line.slice(6));
    const outsideInputs = inputs.filter(
      (file) => !inside(file) && !roots.some((root) => file.startsWith(`${root}/`)),
    );
    expect(outsideInputs).toEqual([]);
    expect(inputs.some((file) => file.includes('passwd'))).toBe(false);
  });

  it('is refused by the TeX run itself when hostile TeX bypasses the escaping', async () => {
    const workDir = tempDir();
    const outside = path.join(tmpdir(), `vita-latex-escape-${process.pid}-${Date.now()}.txt`);
    const tex = [
      '\\documentclass{article}',
      '\\begin{document}',
      '\\immediate\\write18{touch shell-escaped}',
      '\\newwrite\\vitaout',
      `\\immediate\\openout\\vitaout=${outside}`,
      '\\immediate\\write\\vitaout{written}',
      '\\immediate\\closeout\\vitaout',
      'safe',
      '\\input{/etc/passwd}',
      '\\end{document}',
      '',
    ].join('\n');
    const result = await compileLatexPdf(tex, { workDir });
    expect(existsSync(path.join(workDir, 'shell-escaped'))).toBe(false);
    expect(existsSync(outside)).toBe(false);
    expect(result.log).toMatch(/runsystem\(touch shell-escaped\)\.\.\.disabled/);
    // openout_any=p refuses the absolute path, so TeX stops there: the \input of /etc/passwd never happens.
    expect(result.diagnostics.map((d) => d.code)).toEqual(['latex-compile']);
    expect(result.diagnostics[0]?.message).toMatch(/cv\.tex line 5: I can't write on file/);
    expect(readFileSync(path.join(workDir, 'cv.fls'), 'utf8')).not.toContain('/etc/passwd');
  });

  it('refuses to read a file outside the build folder', async () => {
    const workDir = tempDir();
    const tex = '\\documentclass{article}\n\\begin{document}\nsafe\n\\input{/etc/passwd}\n\\end{document}\n';
    const result = await compileLatexPdf(tex, { workDir });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['latex-compile']);
    expect(result.diagnostics[0]?.message).toMatch(/cv\.tex line 4: .*\/etc\/passwd/);
    expect(result.diagnostics[0]?.hints).toContain(
      'TeX may read files only inside its build folder (openin_any=p), so this file is refused.',
    );
    const recorded = readFileSync(path.join(workDir, 'cv.fls'), 'utf8');
    expect(recorded).not.toContain('INPUT /etc/passwd');
  });
});
