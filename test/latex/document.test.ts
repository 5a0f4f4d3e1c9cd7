import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cv, Section, SectionType } from '../../src/model/cv.js';
import { renderLatexDocument } from '../../src/render/latex/document.js';
import { latexTarget } from '../../src/render/latex/target.js';
import { expectGolden } from '../helpers/golden.js';
import { printOptions } from '../helpers/print-options.js';
import { rich, sectionOf, testCv, withLayout, withPrint, withSection } from '../helpers/test-cv.js';

const NOW = new Date('2024-06-05T12:00:00Z');

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/latex-sample/expected/cv.tex');

const render = (cv: Cv) => renderLatexDocument(cv, { now: NOW });

describe('cv.tex golden', () => {
  it('matches test/fixtures/latex-sample/expected/cv.tex (VITA_UPDATE_GOLDENS=1 rewrites it)', () => {
    const { tex, diagnostics } = render(testCv());
    expect(diagnostics).toEqual([]);
    expectGolden(GOLDEN, tex);
  });
});

describe('the tex target', () => {
  it('renders one file, cv.tex', async () => {
    const result = await latexTarget.render(testCv(), {
      now: NOW,
      outDir: '/tmp/out',
      pdfEngine: 'latex',
      htmlFileName: 'index.html',
    });
    expect(latexTarget.name).toBe('tex');
    expect(result.files.map((file) => file.path)).toEqual(['cv.tex']);
    expect(result.files[0]?.contents).toBe(render(testCv()).tex);
  });
});

describe('cv.tex content', () => {
  const { tex } = render(testCv());

  it('has the header, footer and date', () => {
    expect(tex).toContain('\\bfseries\\color{vitaprimary}Elena Marković\\par}');
    expect(tex).toContain('\\href{mailto:elena.markovic@example.org}{elena.markovic@example.org}');
    expect(tex).toContain('\\href{https://emarkovic.example.org}{emarkovic.example.org}');
    expect(tex).toContain('\\href{https://github.com/emarkovic}{github.com/emarkovic}');
    expect(tex).toContain('\\href{https://twitter.com/emarkovic}{@emarkovic}');
    expect(tex).toContain('Last updated on June 5, 2024');
    expect(tex).toContain('\\cfoot{\\footnotesize\\color{vitasecondary}Page \\thepage\\ of \\vitalastpage}');
  });

  it('writes publications with numbers, year headings, owner in bold, co-author links and highlights', () => {
    expect(tex).toContain('\\subsection{2021}');
    expect(tex).toContain('\\subsection{2015 and earlier}');
    expect(tex).toContain('\\vitapubselected{9.}');
    expect(tex).toContain('\\vitapub{8.}');
    expect(tex).toContain('\\vitapub{J1.}');
    expect(tex).toContain('\\subsection{\\emph{Preprints}}');
    expect(tex).toContain('\\mbox{\\textbf{Elena Marković}\\textsuperscript{*}}');
    expect(tex).toContain('\\mbox{\\textbf{Elena Marković}\\textsuperscript{†}}');
    expect(tex).toContain('\\mbox{\\href{https://priyaraman.example.com/}{Priya Raman}\\textsuperscript{*}}');
    expect(tex).toContain('\\mbox{\\href{https://davidppineiro.com/}{David Pérez-Piñeiro}}');
    expect(tex).toContain('\\mbox{Yuki Tanaka}, et~al.}');
    expect(tex).toContain('\\vitapill{\\href{https://github.com/emarkovic/amortized-ot}{code}}');
    expect(tex).toContain(
      '\\vitapill{\\href{https://example.org/talks/openface?lang=en\\&t=42\\#start}{talk}}',
    );
    expect(tex).toContain('\\vitapill{\\href{papers/qp-warmstart.pdf}{pdf}}');
    expect(tex).toContain('{ICML 2024 (Spotlight -- top 3\\%)}');
    expect(tex).toContain('\\textit{Learning with \\textless{}unk\\textgreater{} Tokens');
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
      about:
        '\\vitaline{I build \\textbf{learning systems} that reason with optimization \\& control, recently involving',
      news: '\\vitaentry{Our paper on \\emph{amortized transport} was accepted at \\textbf{NeurIPS}.}{Mar 2024}',
      education:
        '\\vitaentry{\\textbf{B.S. in Mathematics} {\\color{vitasecondary}(3.97/4.00 overall, 4.00/4.00 major)}}{2012 -- 2016}',
      positions:
        '{\\footnotesize{\\color{vitasecondary}(with \\href{https://priyaraman.example.com/}{Priya Raman} on optimal transport)}}',
      honors:
        '\\vitanote{Dositeja Fund, City of Belgrade Talent Award--Mathematical Grammar School Alumni~Prize}',
      research: '\\vitaline{Area: Implicit differentiation and fixed-point solvers}',
      skills: '\\vitapair{Typesetting}{LaTeX, Typst, snake\\_case \\& \\$math\\$ in Markdown}',
      service: '\\subsection{Reviewer}',
      teaching:
        '\\vitaentry{\\href{https://www.inf.ed.ac.uk/teaching/}{Machine Learning and Optimization} (INFR11210), Instructor}{F2024}',
      coursework: '\\vitapair{Graduate}{Convex Analysis, Stochastic Control, Optimal Transport}',
      talks:
        '\\vitanumbered{2.}{\\emph{Differentiable optimization for control}~---~Max Planck Institute for Intelligent Systems (Tübingen)}{2023}',
      advising:
        '\\vitaentry{Amara Nwosu {\\color{vitasecondary}(M.Sc. thesis, now at \\href{https://deepmind.google/}{Google DeepMind})}}{2022}',
      repos:
        '\\vitanumbered{2.}{\\href{https://github.com/emarkovic/robust-dcp}{emarkovic/robust-dcp} \\textbar{} \\ensuremath{\\bigstar}\\,412',
      publications: '\\textit{Meta-Learning Warm Starts for Quadratic Programs}',
      items: '\\item \\textbf{role:} Section leader; \\textbf{band:} University Marching Band',
      generic: [
        '\\subsection{Software}',
        '\\vitaentry{\\textbf{\\href{https://github.com/example/vita}{vita}}}{2023 -- 2024}',
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
    const about = sectionOf(testCv(), 'about', 'about').position;
    expect(tex).toContain(
      `%% vita section: about (${about?.file}:${about?.line}:${about?.column})\n\\vitaline{I build`,
    );
    expect(tex).toContain('\\section{Activities---College}');
  });
});

describe('print options', () => {
  it('sets the paper size', () => {
    const a4 = withPrint(testCv(), { paper: 'a4' });
    expect(render(a4).tex).toContain('\\usepackage[a4paper,');
    expect(render(testCv()).tex).toContain('\\usepackage[letterpaper,');
  });

  it('reads colour names and r,g,b triples', () => {
    const { tex } = render(testCv());
    expect(tex).toContain('\\definecolor{vitaprimary}{rgb}{0.22,0.45,0.7}');
    expect(tex).toContain('\\definecolor{vitasecondary}{rgb}{0.25,0.25,0.25}');
    expect(tex).toContain('\\definecolor{vitalink}{rgb}{0.17,0.44,0.51}');
    // A colour name in any case; without color2 and linkcolor, each takes its default.
    const black: Cv = { ...testCv(), print: printOptions({ color: 'Black' }) };
    const blackTex = render(black).tex;
    expect(blackTex).toContain('\\definecolor{vitaprimary}{rgb}{0,0,0}');
    expect(blackTex).toContain('\\definecolor{vitalink}{rgb}{0,0,0}');
    expect(blackTex).toContain('\\definecolor{vitasecondary}{rgb}{0.45,0.45,0.45}');
  });

  it('warns that only the banking style exists', () => {
    const cv: Cv = { ...testCv(), print: { ...testCv().print, style: 'classic' } };
    expect(render(cv).diagnostics.map((d) => d.code)).toEqual(['latex-unsupported-style']);
  });
});

describe('layout', () => {
  it('follows the print layout: order, NONE headings and page breaks', () => {
    const cv = withLayout(testCv(), {
      print: [
        { kind: 'section', key: 'skills', title: rich('Skills') },
        { kind: 'newpage' },
        { kind: 'section', key: 'education', title: null },
      ],
    });
    const body = render(cv).tex.split('\\begin{document}')[1] as string;
    expect(body).toMatch(
      /\\section\{Skills\}\n\\vitapair[\s\S]*\\newpage\n\n%% vita section: education[^\n]*\n\\vitaentry/,
    );
    expect(body).not.toContain('\\section{Education}');
    expect(body).not.toContain('Publications');
  });

  it('warns about a layout entry without a section and leaves it out', () => {
    const cv = withLayout(testCv(), { print: [{ kind: 'section', key: 'missing', title: rich('Missing') }] });
    const { tex, diagnostics } = render(cv);
    expect(diagnostics.map((d) => d.code)).toEqual(['latex-missing-section']);
    expect(tex).not.toContain('Missing');
  });

  it('writes no empty list for a section without items', () => {
    const empty: Section = { type: 'items', key: 'empty', items: [] };
    const cv = withLayout(withSection(testCv(), empty), {
      print: [{ kind: 'section', key: 'empty', title: rich('Empty') }],
    });
    expect(render(cv).tex).not.toContain('\\begin{vitalist}');
  });
});

describe('unsupported characters', () => {
  it('shows a placeholder and warns once, at the first place it was seen', () => {
    const skills = sectionOf(testCv(), 'skills', 'skills');
    const { tex, diagnostics } = render(
      withSection(testCv(), {
        ...skills,
        items: [{ title: rich('Languages'), details: rich('日本語, Русский язык, 日本') }],
      }),
    );
    expect(tex).toContain('\\vitapair{Languages}{\\vitamissingglyph{}');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe('latex-unsupported-character');
    expect(diagnostics[0]?.severity).toBe('warning');
    expect(diagnostics[0]?.message).toContain('日 (U+65E5)');
    expect(diagnostics[0]?.message).toContain('and 2 more');
    expect(diagnostics[0]?.position).toEqual(skills.position);
    expect(skills.position?.file).toBe('test/fixtures/test-cv/cv.yaml');
  });
});
