/**
 * `cv.tex` from the model: preamble, title block, then the print layout (`order_latex`, else `order`) with one
 * handler per section type. Pure: no clock, no files, no environment; `now` comes from the options.
 */
import path from 'node:path';
import { type Diagnostic, warning } from '../../diagnostics/diagnostic.js';
import { localeOf } from '../../locale/locale.js';
import type { Cv, LayoutEntry, Section } from '../../model/cv.js';
import { LatexRenderContext } from './context.js';
import { latexComment } from './escape.js';
import { renderHeader } from './header.js';
import { preambleColors, renderPreamble } from './preamble.js';
import { renderSectionBody } from './sections/index.js';

export interface LatexDocumentOptions {
  /** The date printed as "Last updated on ...". */
  readonly now: Date;
}

export interface LatexDocument {
  readonly tex: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The comment line before each section; `compileLatexPdf` reads it back to say which section an error is in. */
export const SECTION_MARKER = '%% vita section:';

const SUPPORTED_STYLE = 'banking';

/**
 * The section's key and where cv.yaml defines it. The file is written relative to the CV's folder, so cv.tex
 * does not depend on the folder it was built in, nor on how the path was given (reproducible builds).
 */
function sectionMarker(section: Section, baseDir: string): string {
  const position = section.position;
  const file = position
    ? path.relative(baseDir, path.resolve(baseDir, position.file)).split(path.sep).join('/')
    : '';
  const where = position ? ` (${file}:${position.line}:${position.column})` : '';
  return `${SECTION_MARKER} ${latexComment(section.key)}${latexComment(where)}`;
}

function renderLayoutEntry(
  entry: LayoutEntry,
  cv: Cv,
  context: LatexRenderContext,
  diagnostics: Diagnostic[],
): string {
  if (entry.kind === 'newpage') return '\\newpage';
  const section = cv.sections.get(entry.key);
  if (section === undefined) {
    diagnostics.push(
      warning({
        code: 'latex-missing-section',
        message: `the print layout names the section \`${entry.key}\`, which the CV does not have; cv.tex leaves it out`,
        hints: ['Add the section to cv.yaml or remove it from `order_latex` (or `order`).'],
      }),
    );
    return '';
  }
  context.at(section.position);
  const heading = entry.title === null ? '' : `\\section{${context.rich(entry.title)}}`;
  return [sectionMarker(section, cv.baseDir), heading, renderSectionBody(section, context)]
    .filter((part) => part !== '')
    .join('\n');
}

function unsupportedCharacterWarning(context: LatexRenderContext): Diagnostic[] {
  if (context.unsupported.size === 0) return [];
  const chars = [...context.unsupported.keys()];
  const listed = chars
    .slice(0, 10)
    .map((char) => `${char} (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
    .join(', ');
  const more = chars.length > 10 ? ` and ${chars.length - 10} more` : '';
  return [
    warning({
      code: 'latex-unsupported-character',
      message: `pdfLaTeX has no glyph for ${chars.length === 1 ? 'the character' : 'the characters'} ${listed}${more}; cv.tex prints a boxed "?" instead`,
      position: context.unsupported.get(chars[0] as string),
      hints: [
        'The default Typst PDF engine can typeset these characters (omit `--pdf-engine latex`).',
        'Or write the text with Latin letters or LaTeX-subset commands such as \\"o.',
      ],
    }),
  ];
}

export function renderLatexDocument(cv: Cv, options: LatexDocumentOptions): LatexDocument {
  const diagnostics: Diagnostic[] = [];
  const context = new LatexRenderContext(cv);
  const style = cv.print.style.trim().toLowerCase();
  if (style !== '' && style !== SUPPORTED_STYLE) {
    diagnostics.push(
      warning({
        code: 'latex-unsupported-style',
        message: `cv.tex has one look, moderncv's "banking" style; \`style: ${cv.print.style}\` is not available and is ignored`,
        hints: ['Colours (`color`, `color2`, `linkcolor`) and `paper` still apply.'],
      }),
    );
  }
  const colors = preambleColors(cv.print);
  const name = context.text(cv.person.name);
  const [pageBefore = '', rest = ''] = localeOf(cv.locale).labels.page.split('{page}');
  const [pageOf = '', pageAfter = ''] = rest.split('{total}');
  const preamble = renderPreamble({
    paper: cv.print.paper,
    colors,
    title: `CV -- ${name}`,
    author: name,
    pageLabel: [context.text(pageBefore), context.text(pageOf), context.text(pageAfter)],
  });
  const header = renderHeader(cv.person, options.now, context);
  const body = cv.layouts.print
    .map((entry) => renderLayoutEntry(entry, cv, context, diagnostics))
    .filter((part) => part !== '')
    .join('\n\n');
  diagnostics.push(...unsupportedCharacterWarning(context));
  const tex = [
    '% cv.tex, written by vita from cv.yaml: edit the YAML and rebuild rather than this file.',
    '% Compile with `latexmk -pdf cv.tex` (pdfLaTeX; needs TeX Live with lmodern).',
    preamble,
    '\\begin{document}',
    header,
    '',
    body,
    '\\end{document}',
    '',
  ].join('\n');
  return { tex, diagnostics };
}
