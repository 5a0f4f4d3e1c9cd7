import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASCII_REPLACEMENTS,
  COMBINING_ACCENTS,
  MISSING_GLYPH,
  UNICODE_REPLACEMENTS,
} from '../../src/render/latex/characters.js';
import { escapeLatex, latexComment, latexUrl } from '../../src/render/latex/escape.js';

describe('escapeLatex', () => {
  it.each([
    ['\\', '\\textbackslash{}'],
    ['{', '\\{'],
    ['}', '\\}'],
    ['$', '\\$'],
    ['&', '\\&'],
    ['#', '\\#'],
    ['^', '\\textasciicircum{}'],
    ['_', '\\_'],
    ['%', '\\%'],
    ['~', '\\textasciitilde{}'],
    ['<', '\\textless{}'],
    ['>', '\\textgreater{}'],
    ['|', '\\textbar{}'],
    ['"', '\\textquotedbl{}'],
    ['`', '\\textasciigrave{}'],
    ['[', '{[}'],
    [']', '{]}'],
  ])('prints %s literally', (input, expected) => {
    expect(escapeLatex(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    expect(escapeLatex('Differentiable MPC, 2019: (a) + b = c? yes! 50/50 @ 3*4')).toBe(
      'Differentiable MPC, 2019: (a) + b = c? yes! 50/50 @ 3*4',
    );
  });

  it('turns commands into text, not commands', () => {
    expect(escapeLatex('\\input{/etc/passwd}')).toBe('\\textbackslash{}input\\{/etc/passwd\\}');
    expect(escapeLatex('\\immediate\\write18{touch x}')).toBe(
      '\\textbackslash{}immediate\\textbackslash{}write18\\{touch x\\}',
    );
    expect(escapeLatex('\\\\')).toBe('\\textbackslash{}\\textbackslash{}');
  });

  it('keeps the characters that would form T1 ligatures apart', () => {
    expect(escapeLatex('a--b---c')).toBe('a-{}-b-{}-{}-c');
    expect(escapeLatex("''quoted''")).toBe("'{}'quoted'{}'");
    expect(escapeLatex(',,x')).toBe(',{},x');
    expect(escapeLatex('<<x>>')).toBe('\\textless{}\\textless{}x\\textgreater{}\\textgreater{}');
    expect(escapeLatex("Dana Pe'er")).toBe("Dana Pe'er");
  });

  it('never lets a line break end a paragraph or a control character through', () => {
    expect(escapeLatex('one\n\ntwo\r\nthree\tfour')).toBe('one  two  three four');
    expect(escapeLatex('a\u0000b\u0007c\u007fd\u0085e\u2028f')).toBe('abcd e f');
    expect(escapeLatex('x\u009by')).toBe('xy');
  });

  it('keeps the accented letters pdfLaTeX can take from UTF-8', () => {
    for (const name of [
      'Tübingen',
      'Mahmutoğulları',
      'Ali İrfan',
      'Pérez-Piñeiro',
      'Rémi',
      'Łukasz Żółć',
      'Ørsted',
      'Ştefan Dvořák',
    ]) {
      expect(escapeLatex(name)).toBe(name);
    }
  });

  it('composes NFD input before deciding', () => {
    expect(escapeLatex('Pe\u0301rez')).toBe('Pérez');
  });

  it('rebuilds other accented Latin letters from accent commands', () => {
    expect(escapeLatex('Nguyễn')).toBe('Nguy\\~{\\^{e}}n');
    expect(escapeLatex('ạ')).toBe('\\d{a}');
    expect(escapeLatex('ḯ')).toBe('\\\'{\\"{\\i}}');
    expect(escapeLatex('ị')).toBe('\\d{i}');
  });

  it('replaces symbols, spaces and Greek with commands', () => {
    expect(escapeLatex('♥')).toBe('\\ensuremath{\\heartsuit}');
    expect(escapeLatex('β-VAE')).toBe('\\ensuremath{\\beta}-VAE');
    expect(escapeLatex('Ω and Ο')).toBe('\\ensuremath{\\Omega} and O');
    expect(escapeLatex('a\u00a0b\u2009c\u200bd\u00ade')).toBe('a~b\\,c\\hspace{0pt}d\\-e');
    expect(escapeLatex('x ≤ y')).toBe('x \\ensuremath{\\leq} y');
  });

  it('reports what it cannot typeset and prints a placeholder', () => {
    const unsupported = new Set<string>();
    expect(escapeLatex('深度 😀 Ж', unsupported)).toBe(
      '\\vitamissingglyph{}\\vitamissingglyph{} \\vitamissingglyph{} \\vitamissingglyph{}',
    );
    expect([...unsupported]).toEqual(['深', '度', '😀', 'Ж']);
  });
});

describe('latexUrl', () => {
  it('allows http(s), mailto and relative URLs', () => {
    expect(latexUrl('https://github.com/bamos/cv')).toBe('https://github.com/bamos/cv');
    expect(latexUrl('HTTP://example.org')).toBe('HTTP://example.org');
    expect(latexUrl('mailto:ada@example.org')).toBe('mailto:ada@example.org');
    expect(latexUrl('/cv.pdf')).toBe('/cv.pdf');
    expect(latexUrl('images/a b.png')).toBe('images/a\\%20b.png');
  });

  it('refuses other schemes', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'ftp://x',
      '',
    ]) {
      expect(latexUrl(url)).toBeUndefined();
    }
  });

  it('escapes what TeX would read: # % & and percent-encodes the rest', () => {
    expect(latexUrl('https://x.org/~u/p?a=1&b=2#frag')).toBe('https://x.org/~u/p?a=1\\&b=2\\#frag');
    expect(latexUrl('https://x.org/a%20b')).toBe('https://x.org/a\\%20b');
    expect(latexUrl('https://x.org/100%')).toBe('https://x.org/100\\%25');
    expect(latexUrl('https://x.org/#a#b')).toBe('https://x.org/\\#a\\%23b');
    expect(latexUrl('https://x.org/{a}\\b^c|d"e<f>g`h')).toBe(
      'https://x.org/\\%7Ba\\%7D\\%5Cb\\%5Ec\\%7Cd\\%22e\\%3Cf\\%3Eg\\%60h',
    );
    expect(latexUrl('https://x.org/Tübingen')).toBe('https://x.org/T\\%C3\\%BCbingen');
    expect(latexUrl('https://x.org/a_b$c')).toBe('https://x.org/a_b$c');
  });

  it('leaves no character that could end the argument or start a command unescaped', () => {
    const hostile = 'https://x.org/}{\\input{/etc/passwd}%\n#&$^_~';
    const out = latexUrl(hostile.replace('\n', ''));
    expect(out).toBeDefined();
    // Every backslash in the output is one of the three escapes; braces never appear.
    expect((out as string).replace(/\\[#%&]/g, '')).not.toMatch(/[\\{}]/);
  });
});

describe('latexComment', () => {
  it('keeps the text on one comment line', () => {
    expect(latexComment('a\nb\r\\input{x}\u2028c')).toBe('a b \\input{x} c');
  });
});

/** Every command word the escape tables can write (`\\textbackslash`, `\\ensuremath`, `\\alpha`, `\\i`...). */
const KNOWN_WORDS = new Set(
  [
    ...Object.values(ASCII_REPLACEMENTS),
    ...UNICODE_REPLACEMENTS.values(),
    ...[...COMBINING_ACCENTS.values()].map((a) => a.command),
    MISSING_GLYPH,
    '\\i',
    '\\j',
  ]
    .flatMap((text) => text.match(/\\[a-zA-Z]+/g) ?? [])
    .map((word) => word.slice(1)),
);

/** Any code point, with TeX's special characters, line breaks and ligature characters drawn often. */
const CHARACTER = fc.oneof(
  fc.constantFrom(...Array.from('\\{}$&#^_%~<>|"`[]-\',\n\r\t\u0000\u00a0é深😀')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('escapeLatex on arbitrary text', () => {
  // A backslash starts a command word (checked against the tables) or one of the control symbols they write.
  // `~` may appear bare: it is how a no-break space is written (a literal tilde is `\\textasciitilde{}`).
  const COMMAND = /^\\(?:[a-zA-Z]+|[{}$&#_%,'`^"~=.-])/;

  it('writes only known commands, balanced braces, no comment, no math shift and no line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: CHARACTER, maxLength: 60 }), (input) => {
        const out = escapeLatex(input);
        expect(out).not.toMatch(/[\n\r]/);
        let depth = 0;
        for (let i = 0; i < out.length; i++) {
          const c = out[i] as string;
          if (c === '\\') {
            const command = COMMAND.exec(out.slice(i));
            expect(command, `command at ${i} of ${JSON.stringify(out)}`).not.toBeNull();
            const name = (command as RegExpExecArray)[0];
            if (/^\\[a-zA-Z]/.test(name)) expect(KNOWN_WORDS.has(name.slice(1)), name).toBe(true);
            i += name.length - 1;
          } else if (c === '{') depth++;
          else if (c === '}') {
            depth--;
            expect(depth).toBeGreaterThanOrEqual(0);
          } else expect('$&#^_%'.includes(c), `bare ${c} in ${JSON.stringify(out)}`).toBe(false);
        }
        expect(depth).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});
