/** parseLatexLog on excerpts of real pdfLaTeX logs (TeX Live 2022), in both error formats. */
import { describe, expect, it } from 'vitest';
import { parseLatexLog } from '../../src/render/latex/log.js';

describe('parseLatexLog', () => {
  it('reads the classic `! message` format and the place from `l.N`', () => {
    const log = [
      'LaTeX Font Info:    ... okay on input line 3.',
      '! Undefined control sequence.',
      '<argument> \\nosuch ',
      '                   ',
      'l.5 \\newcommand{\\x}[1]{#1}\\x{\\nosuch}',
      '                                      more text here ',
      "Here is how much of TeX's memory you used:",
      '!  ==> Fatal error occurred, no output PDF file produced!',
    ].join('\n');
    expect(parseLatexLog(log)).toEqual({
      message: 'Undefined control sequence.',
      line: 5,
      before: '\\newcommand{\\x}[1]{#1}\\x{\\nosuch}',
      after: 'more text here',
      undefinedCommand: '\\nosuch',
    });
  });

  it('joins a LaTeX error continued on an indented line, with -file-line-error', () => {
    const log = [
      '',
      './b.tex:6: LaTeX Error: Unicode character 深 (U+6DF1)',
      '               not set up for use with LaTeX.',
      '',
      'See the LaTeX manual or LaTeX Companion for explanation.',
      'Type  H <return>  for immediate help.',
      ' ...                                              ',
      '                                                  ',
      'l.6 \\textbf{深}',
      '                 ',
      './b.tex:6:  ==> Fatal error occurred, no output PDF file produced!',
    ].join('\n');
    expect(parseLatexLog(log)).toEqual({
      message: 'LaTeX Error: Unicode character 深 (U+6DF1) not set up for use with LaTeX.',
      file: 'b.tex',
      line: 6,
      before: '\\textbf{深}',
    });
  });

  it('takes the place of a file-not-found error from the emergency stop after it', () => {
    const log = [
      "! LaTeX Error: File `/etc/passwd.tex' not found.",
      '',
      'Type X to quit or <RETURN> to proceed,',
      'or enter new name. (Default extension: tex)',
      '',
      'Enter file name: ',
      './cv.tex:4: Emergency stop.',
      '<read *> ',
      '         ',
      'l.4 \\input{/etc/passwd}',
      '                       ^^M ',
    ].join('\n');
    expect(parseLatexLog(log)).toMatchObject({
      message: "LaTeX Error: File `/etc/passwd.tex' not found.",
      file: 'cv.tex',
      line: 4,
      before: '\\input{/etc/passwd}',
    });
  });

  it('ignores colon-separated text that is not a TeX file position, and logs without errors', () => {
    expect(
      parseLatexLog(
        "Package hyperref Info: Option `colorlinks' set `true' on input line 12.\nurl: http://x:80: ok",
      ),
    ).toBeUndefined();
    expect(parseLatexLog('Output written on cv.pdf (3 pages, 61234 bytes).')).toBeUndefined();
  });
});
