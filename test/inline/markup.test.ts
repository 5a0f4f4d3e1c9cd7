/**
 * Markup in free text (cv.yaml): LaTeX, inline HTML and Markdown are read into nodes and rendered by every
 * target, never printed raw; an unknown command warns once per name and file, at its place.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInline, parseInlineDetailed, YAML_TEXT } from '../../src/inline/parse.js';
import { inlineToHtml } from '../../src/inline/to-html.js';
import { inlineToText } from '../../src/inline/to-text.js';
import { inlineToMarkdown } from '../../src/render/markdown/inline.js';
import { inlineToTypst } from '../../src/render/typst/inline.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const yamlHtml = (s: string) => inlineToHtml(parseInline(s, YAML_TEXT));

describe('inline HTML in cv.yaml text', () => {
  it('reads <b>, <strong>, <i>, <em>, <a href>, <br>, <sup> into nodes; entities are decoded', () => {
    expect(yamlHtml('<b>a</b> <strong>b</strong> <i>c</i> <em>d</em> x<sup>2</sup>')).toBe(
      '<strong>a</strong> <strong>b</strong> <em>c</em> <em>d</em> x<sup>2</sup>',
    );
    expect(
      parseInline('at <a href="https://x.org/?a=1&amp;b=2" target="_blank">X &amp; Y</a><br>next', YAML_TEXT),
    ).toEqual([
      { type: 'text', value: 'at ' },
      { type: 'link', url: 'https://x.org/?a=1&b=2', children: [{ type: 'text', value: 'X & Y' }] },
      { type: 'linebreak' },
      { type: 'text', value: 'next' },
    ]);
    expect(yamlHtml('<B>caps</B> <br/> <strong><em>both</em></strong>')).toBe(
      '<strong>caps</strong> <br> <strong><em>both</em></strong>',
    );
  });

  it('keeps the text of other tags, drops script bodies and comments, and says so once per tag', () => {
    const r = parseInlineDetailed(
      '<span class="x">s</span> <table><td>t</td></table> <script>bad()</script><!-- c --> <table>',
      YAML_TEXT,
    );
    expect(inlineToText(r.nodes)).toBe('s t\n  ');
    expect(r.problems.map((p) => [p.offset, p.message])).toEqual([
      [25, 'HTML tag `<table>` is not shown here; its text is kept'],
      [32, 'HTML tag `<td>` is not shown here; its text is kept'],
      [51, 'HTML tag `<script>` is left out with its content'],
      [84, 'HTML tag `<table>` is not shown here; its text is kept'],
    ]);
  });

  it('leaves `<` that starts no known tag as text', () => {
    expect(yamlHtml('a < b, <5%, x<y and z>w, <name@example.org>')).toBe(
      'a &lt; b, &lt;5%, x&lt;y and z&gt;w, &lt;name@example.org&gt;',
    );
  });

  it('reads nothing of HTML in BibTeX-style parsing (no options)', () => {
    // Character references are decoded everywhere (a .bib's `Pe&ntilde;a` too), tags are not read.
    expect(inlineToHtml(parseInline('<b>x</b> &amp;'))).toBe('&lt;b&gt;x&lt;/b&gt; &amp;');
  });

  it('keeps every tag, comment and entity as written with `html: keep` (about)', () => {
    expect(parseInline('Hi <b>x</b> &amp; <!-- c -->', { html: 'keep' })).toEqual([
      { type: 'text', value: 'Hi ' },
      { type: 'html', value: '<b>' },
      { type: 'text', value: 'x' },
      { type: 'html', value: '</b>' },
      { type: 'text', value: ' ' },
      { type: 'html', value: '&amp;' },
      { type: 'text', value: ' ' },
      { type: 'html', value: '<!-- c -->' },
    ]);
  });
});

describe('Markdown in cv.yaml text', () => {
  it('reads links, bold and italics', () => {
    expect(
      yamlHtml('[GitHub](https://github.com/bamos) **b** *i* __B__ _I_ ([x](https://w.org/a_(b)))'),
    ).toBe(
      '<a href="https://github.com/bamos">GitHub</a> <strong>b</strong> <em>i</em> <strong>B</strong> <em>I</em> (<a href="https://w.org/a_(b)">x</a>)',
    );
  });

  it('leaves asterisks and underscores inside words, marks and URLs alone', () => {
    const s =
      'snake_case_name, Author*, Other*, 5 * 3 * 2, https://x.org/_a_ and [1] and [x](not a url), \\LaTeX **, Java**, C**';
    expect(inlineToText(parseInline(s, YAML_TEXT))).toBe(s.replace('\\LaTeX', 'LaTeX'));
  });
});

describe('hostile text', () => {
  it('parses openers that never close without a scan of the rest each (not quadratic)', () => {
    for (const unit of ['<b>', '[', '(*a ', '<a href="x">']) {
      const s = unit.repeat(Math.ceil(100_000 / unit.length));
      const start = performance.now();
      const r = parseInlineDetailed(s, YAML_TEXT);
      // A quadratic parse takes minutes here; a generous bound keeps this test stable on a busy machine.
      expect(performance.now() - start, unit).toBeLessThan(10_000);
      expect(r.problems).toEqual([]);
    }
  });

  it('bounds nesting of HTML and Markdown like braces', () => {
    const r = parseInlineDetailed(`${'<b>'.repeat(300)}x${'</b>'.repeat(300)}`, YAML_TEXT);
    expect(inlineToText(r.nodes)).toContain('x');
    expect(r.problems.some((p) => p.message.includes('nested more than'))).toBe(true);
  });
});

describe('every target renders the markup', () => {
  const all =
    '\\href{https://a.org}{A} \\url{https://u.org} \\textbf{B} {\\bf C} \\emph{D} {\\em E} \\textit{F} {\\it G} ' +
    '\\underline{H} \\textsc{I} \\texttt{J} a~b 1--2 a---b \\& \\% \\"o \\\'e <b>K</b> <i>L</i> <em>M</em> <strong>N</strong> ' +
    '<a href="https://o.org">O</a><br>[P](https://p.org) **Q** *R*';
  const nodes = parseInline(all, YAML_TEXT);

  it('as HTML', () => {
    expect(inlineToHtml(nodes)).toBe(
      '<a href="https://a.org">A</a> <a href="https://u.org">https://u.org</a> <strong>B</strong> <strong>C</strong> <em>D</em> <em>E</em> <em>F</em> <em>G</em> ' +
        'H I J a&nbsp;b 1–2 a—b &amp; % ö é <strong>K</strong> <em>L</em> <em>M</em> <strong>N</strong> ' +
        '<a href="https://o.org">O</a><br><a href="https://p.org">P</a> <strong>Q</strong> <em>R</em>',
    );
  });

  it('as Markdown', () => {
    expect(inlineToMarkdown(nodes)).toBe(
      '<a href="https://a.org">A</a> <a href="https://u.org">https://u.org</a> **B** **C** *D* *E* *F* *G* ' +
        'H I J a b 1-2 a-b & % ö é **K** *L* *M* **N** ' +
        '<a href="https://o.org">O</a><br><a href="https://p.org">P</a> **Q** *R*',
    );
  });

  it('as Typst data', () => {
    const typst = JSON.stringify(inlineToTypst(nodes));
    for (const raw of ['\\\\', '<b>', '<a ', '**', '](']) expect(typst).not.toContain(raw);
    expect(inlineToTypst(parseInline('<b>K</b>[P](https://p.org)', YAML_TEXT))).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'K' }] },
      { type: 'link', url: 'https://p.org', children: [{ type: 'text', value: 'P' }] },
    ]);
  });

  it('in a built CV: details, notes and about in md, html, tex', async () => {
    const dir = tempDir();
    const yaml = `name: Ada Lovelace
order:
  - [about, About]
  - [positions, Positions]
  - [news, News]
about: >
  I work with \\href{https://zico.org/}{Zico Kolter} at <b>CMU</b>. \\\\[0.5em]
  See [my code](https://github.com/ada) and {\\bf more}.<br><br>
positions:
  - title: Analyst
    place: Engine
    dates: 1843
    details:
      - "${all.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"
news:
  - date: 2020
    text: <b>Big</b> news with \\textbf{bold} and **more**
`;
    const file = path.join(dir, 'cv.yaml');
    await import('node:fs').then((fs) => fs.writeFileSync(file, yaml));
    const r = await runCli(
      ['build', file, '--out', path.join(dir, 'out'), '--only', 'md,html,tex', '--offline'],
      {
        cwd: dir,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const read = (f: string) => readFileSync(path.join(dir, 'out', f), 'utf8');
    const md = read('cv.md');
    const html = read('index.html');
    const tex = read('cv.tex');
    for (const out of [md, html]) {
      expect(out).toContain('<a href="https://zico.org/">Zico Kolter</a> at <b>CMU</b>');
      expect(out).toContain('<a href="https://github.com/ada">my code</a>');
      for (const raw of ['\\href', '\\textbf', '{\\bf', '](https']) expect(out).not.toContain(raw);
    }
    expect(md).toContain('**K** *L*');
    // News cells are raw HTML to kramdown: emphasis is written as tags there, `**` in `markdown="1"` blocks.
    expect(md).toContain('<strong>Big</strong> news with <strong>bold</strong> and <strong>more</strong>');
    expect(html).toContain('<strong>Big</strong> news with <strong>bold</strong> and <strong>more</strong>');
    expect(tex).toContain('\\textbf{Big} news with \\textbf{bold} and \\textbf{more}');
    expect(tex).toContain('\\textbf{K} \\emph{L} \\emph{M} \\textbf{N}');
    expect(tex).toContain('I work with \\href{https://zico.org/}{Zico Kolter} at \\textbf{CMU}.');
    for (const raw of ['<b>', '<br>', '<a ', '**', '](']) expect(tex).not.toContain(raw);
  });
});

describe('unknown commands', () => {
  it('warn once per command name and file, at the command, and keep their argument', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cv.yaml');
    await import('node:fs').then((fs) =>
      fs.writeFileSync(
        file,
        `name: Ada Lovelace
order:
  - [positions, Positions]
positions:
  - title: Analyst \\foo{first}
    place: Engine
    dates: 1843
    details:
      - "again \\\\foo{second} and \\\\barr{x}"
      - 'block \\foo{third} \\barr{y} \\baz'
      - |
        block
          \\foo{fourth} \\qux{z}
`,
      ),
    );
    const r = await runCli(['check', file, '--only', 'md', '--verbose'], { cwd: dir });
    expect(r.code).toBe(0);
    const warnings = [...r.stderr.matchAll(/cv\.yaml:(\d+):(\d+): warning: (.*) \[markup\]$/gm)].map(
      (m) => `${m[1]}:${m[2]} ${m[3]}`,
    );
    expect(warnings).toEqual([
      '5:20 `positions[0].title`: unknown LaTeX command `\\foo`',
      '9:34 `positions[0].details[0]`: unknown LaTeX command `\\barr`',
      '10:37 `positions[0].details[1]`: unknown LaTeX command `\\baz`',
      '13:24 `positions[0].details[2]`: unknown LaTeX command `\\qux`',
    ]);
    const built = await runCli(
      ['build', file, '--only', 'md', '--out', path.join(dir, 'out'), '--offline', '-q'],
      {
        cwd: dir,
      },
    );
    expect(built.code).toBe(0);
    const md = readFileSync(path.join(dir, 'out/cv.md'), 'utf8');
    expect(md).toContain('Analyst first');
    expect(md).toContain('again second and x');
  });
});
