/**
 * Character tables for the LaTeX escape function (`escape.ts`). Data only: the logic lives in `escape.ts`.
 *
 * The document is compiled by pdfLaTeX with `\usepackage[T1]{fontenc}`, `\usepackage[utf8]{inputenc}` and
 * `lmodern`. Under that setup LaTeX can typeset only the code points that its `utf8` tables declare for the
 * loaded encodings (T1, TS1, OMS, OT1); any other code point stops the run with "Unicode character ... not set up
 * for use with LaTeX". So every non-ASCII character is either kept as is (it is declared), replaced by a LaTeX
 * command, rebuilt from its base letter and accent commands, or shown as a visible placeholder.
 */

/**
 * Code point ranges (inclusive) that pdfLaTeX's `utf8` input encoding typesets with T1 + TS1 + lmodern.
 * Measured on TeX Live 2022 (Debian bookworm: texlive-latex-base + lmodern) by compiling every code point of
 * the Latin, punctuation, currency, letterlike, arrow, Greek and Cyrillic blocks and keeping those that raised
 * no error; `test/latex/compile.test.ts` compiles all of them again when TeX is installed.
 */
export const UTF8_SUPPORTED_RANGES: readonly (readonly [number, number])[] = [
  [0x00a1, 0x0125],
  [0x0128, 0x0137],
  [0x0139, 0x013e],
  [0x0141, 0x0148],
  [0x014a, 0x0165],
  [0x0168, 0x017e],
  [0x0192, 0x0192],
  [0x01c4, 0x01d4],
  [0x01e2, 0x01e3],
  [0x01e6, 0x01eb],
  [0x01f0, 0x01f0],
  [0x01f4, 0x01f5],
  [0x0218, 0x021b],
  [0x0232, 0x0233],
  [0x0237, 0x0237],
  [0x02c6, 0x02c7],
  [0x02d8, 0x02d9],
  [0x02db, 0x02dd],
  [0x1e02, 0x1e03],
  [0x1e0d, 0x1e0d],
  [0x1e1e, 0x1e21],
  [0x1e25, 0x1e25],
  [0x1e30, 0x1e31],
  [0x1e37, 0x1e37],
  [0x1e43, 0x1e43],
  [0x1e45, 0x1e45],
  [0x1e47, 0x1e47],
  [0x1e5b, 0x1e5b],
  [0x1e63, 0x1e63],
  [0x1e6d, 0x1e6d],
  [0x1e8e, 0x1e91],
  [0x1e9e, 0x1e9e],
  [0x1ef2, 0x1ef3],
  [0x2010, 0x2016],
  [0x2018, 0x201a],
  [0x201c, 0x201e],
  [0x2020, 0x2022],
  [0x2026, 0x2026],
  [0x2030, 0x2031],
  [0x2039, 0x203b],
  [0x203d, 0x203d],
  [0x2044, 0x2044],
  [0x204e, 0x204e],
  [0x2052, 0x2052],
  [0x20a1, 0x20a1],
  [0x20a4, 0x20a4],
  [0x20a6, 0x20a6],
  [0x20a9, 0x20a9],
  [0x20ab, 0x20ac],
  [0x20b1, 0x20b1],
  [0x2103, 0x2103],
  [0x2116, 0x2117],
  [0x211e, 0x211e],
  [0x2120, 0x2120],
  [0x2122, 0x2122],
  [0x2126, 0x2127],
  [0x212e, 0x212e],
  [0x2190, 0x2193],
  [0x25e6, 0x25e6],
  [0x25ef, 0x25ef],
  [0x266a, 0x266a],
  [0xfb00, 0xfb06],
];

/** ASCII characters with a meaning to TeX (or a T1 ligature), and the text that prints them literally. */
export const ASCII_REPLACEMENTS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
  // T1 ligatures (`<<`, `>>`, `!``, `?``, ``` `` ```) and characters other encodings print as something else.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '"': '\\textquotedbl{}',
  '`': '\\textasciigrave{}',
  // `\\[2mm]` and `\item[x]` read a following bracket as an optional argument.
  '[': '{[}',
  ']': '{]}',
};

/**
 * Characters that form a T1 ligature when doubled (`--` en dash, `''` closing quote, `,,` low quote): a second
 * one in a row is separated by an empty group so the text prints as written.
 */
export const LIGATURE_DOUBLES: ReadonlySet<string> = new Set(['-', "'", ',']);

/** Non-ASCII characters that pdfLaTeX cannot take from UTF-8 input but that a command can print. */
export const UNICODE_REPLACEMENTS: ReadonlyMap<number, string> = new Map<number, string>([
  // spaces and invisible characters
  [0x00a0, '~'],
  [0x00ad, '\\-'],
  [0x2000, ' '],
  [0x2001, ' '],
  [0x2002, '\\enspace{}'],
  [0x2003, '\\quad{}'],
  [0x2004, ' '],
  [0x2005, ' '],
  [0x2006, ' '],
  [0x2007, ' '],
  [0x2008, ' '],
  [0x2009, '\\,'],
  [0x200a, '\\,'],
  [0x202f, '\\,'],
  [0x205f, ' '],
  [0x3000, ' '],
  [0x200b, '\\hspace{0pt}'],
  [0x200d, ''],
  [0x200e, ''],
  [0x200f, ''],
  [0x2060, ''],
  [0xfeff, ''],
  // symbols used in CVs
  [0x2032, '\\ensuremath{\\prime}'],
  [0x2033, '\\ensuremath{\\prime\\prime}'],
  [0x2194, '\\ensuremath{\\leftrightarrow}'],
  [0x21d2, '\\ensuremath{\\Rightarrow}'],
  [0x21d4, '\\ensuremath{\\Leftrightarrow}'],
  [0x2200, '\\ensuremath{\\forall}'],
  [0x2202, '\\ensuremath{\\partial}'],
  [0x2203, '\\ensuremath{\\exists}'],
  [0x2205, '\\ensuremath{\\emptyset}'],
  [0x2207, '\\ensuremath{\\nabla}'],
  [0x2208, '\\ensuremath{\\in}'],
  [0x2209, '\\ensuremath{\\notin}'],
  [0x220f, '\\ensuremath{\\prod}'],
  [0x2211, '\\ensuremath{\\sum}'],
  [0x2212, '\\ensuremath{-}'],
  [0x2217, '\\ensuremath{\\ast}'],
  [0x2218, '\\ensuremath{\\circ}'],
  [0x221a, '\\ensuremath{\\surd}'],
  [0x221d, '\\ensuremath{\\propto}'],
  [0x221e, '\\ensuremath{\\infty}'],
  [0x2229, '\\ensuremath{\\cap}'],
  [0x222a, '\\ensuremath{\\cup}'],
  [0x223c, '\\ensuremath{\\sim}'],
  [0x2248, '\\ensuremath{\\approx}'],
  [0x2260, '\\ensuremath{\\neq}'],
  [0x2261, '\\ensuremath{\\equiv}'],
  [0x2264, '\\ensuremath{\\leq}'],
  [0x2265, '\\ensuremath{\\geq}'],
  [0x2282, '\\ensuremath{\\subset}'],
  [0x2286, '\\ensuremath{\\subseteq}'],
  [0x22c5, '\\ensuremath{\\cdot}'],
  [0x2605, '\\ensuremath{\\bigstar}'],
  [0x2606, '\\ensuremath{\\star}'],
  [0x2660, '\\ensuremath{\\spadesuit}'],
  [0x2661, '\\ensuremath{\\heartsuit}'],
  [0x2663, '\\ensuremath{\\clubsuit}'],
  [0x2665, '\\ensuremath{\\heartsuit}'],
  [0x2666, '\\ensuremath{\\diamondsuit}'],
  [0x2713, '\\ensuremath{\\checkmark}'],
  [0x2714, '\\ensuremath{\\checkmark}'],
  [0x2717, '\\ensuremath{\\times}'],
  [0x2718, '\\ensuremath{\\times}'],
  // Greek, which T1 has no glyphs for: math italic letters (paper titles such as "β-VAE")
  ...greekLetters(),
]);

function greekLetters(): [number, string][] {
  const lower = [
    'alpha',
    'beta',
    'gamma',
    'delta',
    'varepsilon',
    'zeta',
    'eta',
    'theta',
    'iota',
    'kappa',
    'lambda',
    'mu',
    'nu',
    'xi',
    'o',
    'pi',
    'rho',
    'varsigma',
    'sigma',
    'tau',
    'upsilon',
    'varphi',
    'chi',
    'psi',
    'omega',
  ];
  const upper = [
    'A',
    'B',
    '\\Gamma',
    '\\Delta',
    'E',
    'Z',
    'H',
    '\\Theta',
    'I',
    'K',
    '\\Lambda',
    'M',
    'N',
    '\\Xi',
    'O',
    '\\Pi',
    'P',
    '',
    '\\Sigma',
    'T',
    '\\Upsilon',
    '\\Phi',
    'X',
    '\\Psi',
    '\\Omega',
  ];
  const out: [number, string][] = [];
  lower.forEach((name, i) => {
    out.push([0x03b1 + i, name === 'o' ? '\\ensuremath{o}' : `\\ensuremath{\\${name}}`]);
  });
  upper.forEach((name, i) => {
    // U+03A2 is unassigned (there is no capital final sigma).
    if (name !== '') out.push([0x0391 + i, name.startsWith('\\') ? `\\ensuremath{${name}}` : name]);
  });
  out.push(
    [0x03d1, '\\ensuremath{\\vartheta}'],
    [0x03d5, '\\ensuremath{\\phi}'],
    [0x03d6, '\\ensuremath{\\varpi}'],
  );
  out.push([0x03f1, '\\ensuremath{\\varrho}'], [0x03f5, '\\ensuremath{\\epsilon}']);
  return out;
}

/** Combining accents (after Unicode NFD decomposition) and the LaTeX text accent command for each. */
export const COMBINING_ACCENTS: ReadonlyMap<number, { readonly command: string; readonly above: boolean }> =
  new Map([
    [0x0300, { command: '\\`', above: true }],
    [0x0301, { command: "\\'", above: true }],
    [0x0302, { command: '\\^', above: true }],
    [0x0303, { command: '\\~', above: true }],
    [0x0304, { command: '\\=', above: true }],
    [0x0306, { command: '\\u', above: true }],
    [0x0307, { command: '\\.', above: true }],
    [0x0308, { command: '\\"', above: true }],
    [0x030a, { command: '\\r', above: true }],
    [0x030b, { command: '\\H', above: true }],
    [0x030c, { command: '\\v', above: true }],
    [0x0323, { command: '\\d', above: false }],
    [0x0327, { command: '\\c', above: false }],
    [0x0328, { command: '\\k', above: false }],
    [0x0331, { command: '\\b', above: false }],
  ]);

/** The command that prints a character pdfLaTeX cannot typeset (defined in the preamble). */
export const MISSING_GLYPH = '\\vitamissingglyph{}';
