/**
 * The document preamble: a self-contained look-alike of moderncv's "banking" style on top of `article`, using
 * only packages from Debian's texlive-latex-base and lmodern (see docs/latex.md for why not moderncv itself).
 */
import type { PrintOptions, Rgb as RgbTuple } from '../../model/cv.js';

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** moderncv's `color2`: the grey of the contact line under the name. */
const DEFAULT_SECONDARY: Rgb = { r: 0.45, g: 0.45, b: 0.45 };
/** The original's `tab_highlight` for selected papers (the web page's `#ffffd0`). */
const HIGHLIGHT: Rgb = { r: 1, g: 1, b: 0xd0 / 255 };

function toRgb([r, g, b]: RgbTuple): Rgb {
  return { r, g, b };
}

function formatRgb(color: Rgb): string {
  const part = (n: number): string => String(Number(n.toFixed(3)));
  return `${part(color.r)},${part(color.g)},${part(color.b)}`;
}

export interface PreambleColors {
  readonly primary: Rgb;
  readonly secondary: Rgb;
  readonly link: Rgb;
}

/** The three colours of the document from `print.color`, `color2` and `linkColor` (checked while resolving). */
export function preambleColors(print: PrintOptions): PreambleColors {
  const primary = toRgb(print.color);
  return {
    primary,
    secondary: print.color2 === undefined ? DEFAULT_SECONDARY : toRgb(print.color2),
    link: print.linkColor === undefined ? primary : toRgb(print.linkColor),
  };
}

export interface PreambleOptions {
  readonly paper: PrintOptions['paper'];
  readonly colors: PreambleColors;
  /** PDF metadata, already escaped. */
  readonly title: string;
  readonly author: string;
  /** The footer "Page x of y" in the CV's language, already escaped: text before, between and after. */
  readonly pageLabel?: readonly [string, string, string] | undefined;
}

export function renderPreamble(options: PreambleOptions): string {
  const paper = options.paper === 'a4' ? 'a4paper' : 'letterpaper';
  const { colors } = options;
  const [pageBefore, pageOf, pageAfter] = options.pageLabel ?? ['Page ', ' of ', ''];
  return String.raw`\documentclass[11pt]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\renewcommand{\familydefault}{\sfdefault}
\usepackage{amssymb}
\usepackage[${paper},top=0.75in,bottom=0.75in,left=0.6in,right=0.6in]{geometry}
\usepackage{color}
\usepackage{array}
\usepackage{fancyhdr}
\usepackage[unicode]{hyperref}
\input{glyphtounicode}
\pdfgentounicode=1

\definecolor{vitaprimary}{rgb}{${formatRgb(colors.primary)}}
\definecolor{vitasecondary}{rgb}{${formatRgb(colors.secondary)}}
\definecolor{vitalink}{rgb}{${formatRgb(colors.link)}}
\definecolor{vitahighlight}{rgb}{${formatRgb(HIGHLIGHT)}}
\hypersetup{colorlinks=true,linkcolor=vitalink,urlcolor=vitalink,pdftitle={${options.title}},pdfauthor={${options.author}},pdfcreator={vita}}

\setlength{\parindent}{0pt}
\frenchspacing
\raggedbottom
\pagestyle{fancy}
\fancyhf{}
\renewcommand{\headrulewidth}{0pt}
\cfoot{\footnotesize\color{vitasecondary}${pageBefore}\thepage${pageOf === ' of ' ? String.raw`\ of ` : pageOf}\vitalastpage${pageAfter}}

\makeatletter
% "Page x of y": the number of the last page, saved in the .aux file for the next run (latexmk reruns).
\newcommand{\vitalastpage}{\@ifundefined{vita@lastpage}{?}{\vita@lastpage}}
\AtEndDocument{\clearpage\immediate\write\@auxout{\gdef\string\vita@lastpage{\number\numexpr\value{page}-1\relax}}}
% Break the page before a heading when less than #1 is left below it.
\newcommand{\vitaneedspace}[1]{\par\penalty-100\begingroup\dimen@=#1\relax
  \vskip\z@\@plus\dimen@\penalty-100\vskip\z@\@plus-\dimen@\vskip\dimen@\penalty9999\vskip-\dimen@\vskip\z@skip\endgroup}
\newcounter{vitabookmark}
\newcommand{\vita@bookmark}[2]{\stepcounter{vitabookmark}\pdfbookmark[#1]{#2}{vita.\arabic{vitabookmark}}}
% Section headings as moderncv's banking style: bold title in the main colour, a rule to the right margin.
% The bookmark anchor goes inside the heading's line: in vertical mode hyperref would keep the space above it,
% even at the top of a page.
\renewcommand{\section}[1]{\vitaneedspace{5\baselineskip}\addvspace{1.6ex}%
  \noindent\vita@bookmark{1}{#1}{\color{vitaprimary}\large\bfseries #1\ \leaders\hrule height 3.6pt depth -2.8pt\hfill\kern\z@}\par
  \nobreak\vspace{0.6ex}}
\renewcommand{\subsection}[1]{\vitaneedspace{4\baselineskip}\addvspace{1ex}%
  \noindent\vita@bookmark{2}{#1}{\color{vitaprimary}\bfseries #1}\par\nobreak\vspace{0.4ex}}
\renewcommand{\subsubsection}[1]{\vitaneedspace{4\baselineskip}\addvspace{0.8ex}%
  \noindent\vita@bookmark{3}{#1}{\color{vitasecondary}\small\bfseries #1}\par\nobreak\vspace{0.3ex}}
% #1 at the right margin, on the paragraph's last line (on a line of its own when that line is full).
\newcommand{\vitaright}[1]{{\unskip\nobreak\hfil\penalty50\hskip1em\hbox{}\nobreak\hfil#1%
  \parfillskip=\z@\finalhyphendemerits=\z@\par}}
% An entry: text, and dates at the right margin.
\newcommand{\vitaentry}[2]{\par\addvspace{0.5ex}\noindent#1\vitaright{#2}}
% A further line of an entry.
\newcommand{\vitaline}[1]{\par\noindent#1\par}
% A note under an entry, smaller and indented.
\newcommand{\vitanote}[1]{\par{\leftskip=1.5em\small\color{vitasecondary}#1\par}}
% A bulleted list of details under an entry.
\newenvironment{vitalist}{\begin{list}{\textbullet}{\setlength{\leftmargin}{1.5em}\setlength{\labelwidth}{1em}%
  \setlength{\labelsep}{0.5em}\setlength{\itemsep}{0pt}\setlength{\parsep}{0pt}\setlength{\topsep}{1pt}}\small}%
  {\end{list}}
% A numbered row (talks, repositories): number, text, and #3 at the right margin.
\newcommand{\vitanumbered}[3]{\par\addvspace{0.3ex}\noindent\hangindent=2.2em\hangafter=1
  \makebox[2.2em][r]{#1\hspace{0.6em}}#2\vitaright{#3}}
% A label and its text (skills, coursework).
\newcommand{\vitapair}[2]{\par\addvspace{0.3ex}\noindent
  \begin{tabular}{@{}>{\raggedright\arraybackslash}p{3cm}@{\hspace{1em}}>{\raggedright\arraybackslash}p{\dimexpr\linewidth-3cm-1em\relax}@{}}
  \textbf{#1} & #2\end{tabular}\par}
% A publication: number, then title, authors and venue lines; \vitapubselected highlights it.
\newcommand{\vita@pub}[4]{\begin{tabular}{@{}>{\raggedleft\arraybackslash}p{8mm}@{\hspace{2mm}}>{\raggedright\arraybackslash}p{\dimexpr\linewidth-10mm-2\fboxsep\relax}@{}}
  #1 & #2\\ & #3\\ & #4\end{tabular}}
\newcommand{\vitapub}[4]{\par\addvspace{0.8ex}\noindent\hspace*{\fboxsep}\vita@pub{#1}{#2}{#3}{#4}\par}
\newcommand{\vitapubselected}[4]{\par\addvspace{0.8ex}\noindent\colorbox{vitahighlight}{\vita@pub{#1}{#2}{#3}{#4}}\par}
% A small bracketed link: [code], [slides].
\newcommand{\vitapill}[1]{{\small[#1]}}
% A character pdfLaTeX has no glyph for (vita warns about each).
\newcommand{\vitamissingglyph}{\texorpdfstring{\fbox{?}}{?}}
\makeatother
`;
}
