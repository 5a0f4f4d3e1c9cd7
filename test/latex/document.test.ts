import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cv, LayoutEntry, Section, SectionType } from '../../src/model/cv.js';
import { renderLatexDocument } from '../../src/render/latex/document.js';
import { latexTarget } from '../../src/render/latex/target.js';
import { printOptions } from '../helpers/print-options.js';
import { SAMPLE_NOW, sampleCv, t } from './sample-cv.js';

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/latex-sample/expected/cv.tex');
const UPDATE = process.env.VITA_UPDATE_GOLDENS === '1';

const render = (cv: Cv) => renderLatexDocument(cv, { now: SAMPLE_NOW });
const withLayout = (cv: Cv, print: LayoutEntry[]): Cv => ({ ...cv, layouts: { ...cv.layouts, print } });

describe('cv.tex golden', () => {
  it('matches test/fixtures/latex-sample/expected/cv.tex (VITA_UPDATE_GOLDENS=1 rewrites it)', () => {
    const { tex, diagnostics } = render(sampleCv());
    expect(diagnostics).toEqual([]);
    if (UPDATE) {
      mkdirSync(path.dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, tex);
    }
    expect(existsSync(GOLDEN), 'golden file missing: run with VITA_UPDATE_GOLDENS=1').toBe(true);
    expect(tex).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});

describe('the tex target', () => {
  it('renders one file, cv.tex', async () => {
    const result = await latexTarget.render(sampleCv(), {
      now: SAMPLE_NOW,
      outDir: '/tmp/out',
      pdfEngine: 'latex',
      htmlFileName: 'index.html',
    });
    expect(latexTarget.name).toBe('tex');
    expect(result.files.map((file) => file.path)).toEqual(['cv.tex']);
    expect(result.files[0]?.contents).toBe(render(sampleCv()).tex);
  });
});

describe('cv.tex content', () => {
  const { tex } = render(sampleCv());

  it('has the header, footer and date', () => {
    expect(tex).toContain('\\bfseries\\color{vitaprimary}Ada Lindqvist\\par}');
    expect(tex).toContain('\\href{mailto:ada.lindqvist@example.org}{ada.lindqvist@example.org}');
    expect(tex).toContain('\\href{https://ada.example.org}{ada.example.org}');
    expect(tex).toContain('\\href{https://github.com/adalindqvist}{github.com/adalindqvist}');
    expect(tex).toContain('Last updated on June 5, 2024');
    expect(tex).toContain('\\cfoot{\\footnotesize\\color{vitasecondary}Page \\thepage\\ of \\vitalastpage}');
  });

  it('writes publications with numbers, year headings, owner in bold, co-author links and highlights', () => {
    expect(tex).toContain('\\subsection{2021}');
    expect(tex).toContain('\\subsection{2015 and earlier}');
    expect(tex).toContain('\\vitapubselected{1.}');
    expect(tex).toContain('\\vitapub{2.}');
    expect(tex).toContain('\\mbox{\\textbf{Ada Lindqvist}\\textsuperscript{*}}');
    expect(tex).toContain(
      '\\mbox{\\href{https://davidppineiro.com/}{David Pérez-Piñeiro}\\textsuperscript{*}}',
    );
    expect(tex).toContain('\\vitapill{\\href{https://github.com/example/rcpm}{code}}');
    expect(tex).toContain(
      '\\vitapill{\\href{https://example.org/talks/openface?lang=en\\&t=42\\#start}{talk}}',
    );
    expect(tex).toContain('\\mbox{\\href{https://www.cs.cmu.edu/~satya/}{Mahadev Satyanarayanan}}');
  });

  it('writes repositories with stars and the section order of the print layout', () => {
    expect(tex).toContain('\\ensuremath{\\bigstar}\\,15.2k');
    const order = ['{News}', '{Education}', '{Positions}', '{Honors \\& Awards}', '{Publications}'];
    const positions = order.map((title) => tex.indexOf(`\\section${title}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(tex.indexOf('\\newpage')).toBeGreaterThan(tex.indexOf('\\section{Open Source Repositories}'));
    expect(tex.indexOf('\\newpage')).toBeLessThan(tex.indexOf('\\section{Invited Talks}'));
  });

  it('gives every section type a handler that writes its content', () => {
    const expected: Record<SectionType, string> = {
      about: 'I build learning systems in Tübingen \\& New York.',
      news: '\\vitaentry{Our paper on \\emph{transport maps} won an award.}{June 2024}',
      education:
        '\\vitaentry{\\textbf{Ph.D. in Computer Science} {\\color{vitasecondary}(4.00/4.00)}}{2014--2019}',
      positions:
        '{\\footnotesize{\\color{vitasecondary}(with \\href{https://mdenil.com/}{Misha Denil} on RL)}}',
      honors: '\\vitanote{Salem--Roanoke County Chamber of Commerce, VT Benjamin F.~Bock}',
      research: '\\vitaline{Area: Global and stochastic optimization}',
      skills: '\\vitapair{Programming}{C, C++, Fortran, Haskell, Python, R, Scala}',
      service: '\\subsection{Reviewer}',
      teaching:
        '\\vitaentry{\\href{https://example.org/cs5785}{Applied Machine Learning} (Cornell Tech CS5785), Co-instructor}{F2024}',
      coursework: '\\vitapair{Graduate}{Convex Optimization, Probabilistic Graphical Models}',
      talks:
        '\\vitanumbered{2.}{\\emph{Differentiable optimization for control}~---~Max Planck Institute (Tübingen)}{2020}',
      advising:
        '\\vitaentry{Phillip Wang {\\color{vitasecondary}(at CMU, now CEO at \\href{https://gather.town/}{Gather})}}{2018}',
      repos:
        '\\vitanumbered{2.}{\\href{https://github.com/locuslab/qpth}{locuslab/qpth} \\textbar{} \\ensuremath{\\bigstar}\\,708',
      publications: '\\textit{Decision-Focused Learning with Differentiable Optimization Layers}',
      items: '\\item \\textbf{role:} Section leader; \\textbf{band:} Marching Band',
      generic: [
        '\\vitaentry{\\textbf{\\href{https://github.com/example/vita}{vita}}}{2023--2024}',
        '\\begin{vitalist}',
        '\\item A CV builder',
        '\\item \\textbf{Language:} TypeScript',
        '\\end{vitalist}',
        '\\subsection{Hobbies}',
        '\\begin{vitalist}',
        '\\item Chess',
        '\\item Running',
        '\\end{vitalist}',
      ].join('\n'),
    };
    for (const [type, snippet] of Object.entries(expected)) {
      expect(tex, `section type ${type}`).toContain(snippet);
    }
  });

  it('writes no heading for a NONE title, and the heading markup for others', () => {
    expect(tex).toMatch(/%% vita section: about \(cv\.yaml:20:1\)\n\\vitaline\{I build/);
    expect(tex).toContain('\\section{Activities---College}');
  });
});

describe('print options', () => {
  it('sets the paper size', () => {
    const a4: Cv = { ...sampleCv(), print: { ...sampleCv().print, paper: 'a4' } };
    expect(render(a4).tex).toContain('\\usepackage[a4paper,');
    expect(render(sampleCv()).tex).toContain('\\usepackage[letterpaper,');
  });

  it('reads colour names and r,g,b triples', () => {
    const { tex } = render(sampleCv());
    expect(tex).toContain('\\definecolor{vitaprimary}{rgb}{0.22,0.45,0.7}');
    expect(tex).toContain('\\definecolor{vitasecondary}{rgb}{0.25,0.25,0.25}');
    expect(tex).toContain('\\definecolor{vitalink}{rgb}{0.17,0.44,0.51}');
    const black: Cv = {
      ...sampleCv(),
      print: printOptions({ color: 'Black' }),
    };
    const blackTex = render(black).tex;
    expect(blackTex).toContain('\\definecolor{vitaprimary}{rgb}{0,0,0}');
    expect(blackTex).toContain('\\definecolor{vitalink}{rgb}{0,0,0}');
    expect(blackTex).toContain('\\definecolor{vitasecondary}{rgb}{0.45,0.45,0.45}');
  });

  it('warns that only the banking style exists', () => {
    const cv: Cv = { ...sampleCv(), print: { ...sampleCv().print, style: 'classic' } };
    expect(render(cv).diagnostics.map((d) => d.code)).toEqual(['latex-unsupported-style']);
  });
});

describe('layout', () => {
  it('follows the print layout: order, NONE headings and page breaks', () => {
    const cv = withLayout(sampleCv(), [
      { kind: 'section', key: 'skills', title: t('Skills') },
      { kind: 'newpage' },
      { kind: 'section', key: 'education', title: null },
    ]);
    const body = render(cv).tex.split('\\begin{document}')[1] as string;
    expect(body).toMatch(
      /\\section\{Skills\}\n\\vitapair[\s\S]*\\newpage\n\n%% vita section: education[^\n]*\n\\vitaentry/,
    );
    expect(body).not.toContain('\\section{Education}');
    expect(body).not.toContain('Publications');
  });

  it('warns about a layout entry without a section and leaves it out', () => {
    const cv = withLayout(sampleCv(), [{ kind: 'section', key: 'missing', title: t('Missing') }]);
    const { tex, diagnostics } = render(cv);
    expect(diagnostics.map((d) => d.code)).toEqual(['latex-missing-section']);
    expect(tex).not.toContain('Missing');
  });

  it('writes no empty list for a section without items', () => {
    const empty: Section = { type: 'items', key: 'empty', items: [] };
    const cv: Cv = {
      ...withLayout(sampleCv(), [{ kind: 'section', key: 'empty', title: t('Empty') }]),
      sections: new Map([['empty', empty]]),
    };
    expect(render(cv).tex).not.toContain('\\begin{vitalist}');
  });
});

describe('unsupported characters', () => {
  it('shows a placeholder and warns once, at the first place it was seen', () => {
    const cv = sampleCv();
    const skills: Section = {
      type: 'skills',
      key: 'skills',
      position: { file: 'cv.yaml', line: 210, column: 1 },
      items: [{ title: t('Languages'), details: t('日本語, Русский язык, 日本') }],
    };
    const { tex, diagnostics } = render({ ...cv, sections: new Map([...cv.sections, ['skills', skills]]) });
    expect(tex).toContain('\\vitapair{Languages}{\\vitamissingglyph{}');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe('latex-unsupported-character');
    expect(diagnostics[0]?.severity).toBe('warning');
    expect(diagnostics[0]?.message).toContain('日 (U+65E5)');
    expect(diagnostics[0]?.message).toContain('and 2 more');
    expect(diagnostics[0]?.position).toEqual({ file: 'cv.yaml', line: 210, column: 1 });
  });
});
