import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInline, parseInlineDetailed } from '../../src/inline/parse.js';
import { readBibtex } from '../../src/load/bibtex/reader.js';
import { renderPublicationsMarkdown } from '../../src/render/markdown/publications.js';
import { parseLatex } from '../../src/resolve/publications/fields.js';
import { parseNameList } from '../../src/resolve/publications/names.js';
import { publicationsSectionSchema, resolvePublications } from '../../src/resolve/sections/publications.js';
import { authorsOf, BASE_DIR } from './helpers.js';

/** Text made of the characters that matter to BibTeX, LaTeX and HTML. */
const hostileChars = fc.constantFrom(
  'Q',
  'x',
  ' ',
  ' and ',
  ',',
  '\\',
  '{',
  '}',
  '$',
  '^',
  '*',
  '~',
  '-',
  '--',
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  ';',
  '#',
  '=',
  ':',
  '%',
  '@',
  '\n',
  '\\"o',
  "\\'e",
  '\\c{c}',
  '$^*$',
  '$^\\dagger$',
  '\\textbf{',
  '\\href{',
  'others',
  '&amp;',
  '<b>',
  '</div>',
  'javascript:',
  'é',
  '\u0000',
  '\ud800',
);
const hostileText = fc.array(hostileChars, { maxLength: 40 }).map((parts) => parts.join(''));
/** Values with balanced braces, so entries stay well-formed and reach the renderer. */
const balancedText = fc
  .array(
    fc.oneof(
      hostileText.map((t) => t.replace(/[{}]/g, '')),
      hostileText.map((t) => `{${t.replace(/[{}]/g, '')}}`),
    ),
    {
      maxLength: 4,
    },
  )
  .map((parts) => parts.join(''));
const keyText = fc
  .array(
    fc.constantFrom('k', 'Q', '1', "'", '<', '>', '&', ':', ';', '/', '.', '-', '_', '!', '?', '*', '[', ']'),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

const bibEntry = fc
  .record({
    key: keyText,
    title: balancedText,
    author: balancedText,
    venue: balancedText,
    note: balancedText,
    abstract: balancedText,
    url: balancedText,
    codeurl: balancedText,
    arxiv: balancedText,
    html: balancedText,
    award: balancedText,
    year: fc.oneof(fc.integer({ min: 1990, max: 2030 }).map(String), balancedText),
    selected: fc.boolean(),
  })
  .map(
    (e) =>
      `@inproceedings{${e.key},\n  title = {${e.title}},\n  author = {${e.author}},\n  _venue = {${e.venue}},\n` +
      `  _note = {${e.note}},\n  abstract = {${e.abstract}},\n  url = {${e.url}},\n  codeurl = {${e.codeurl}},\n` +
      `  arxiv = {${e.arxiv}},\n  html = {${e.html}},\n  award = {${e.award}},\n` +
      `  year = {${e.year}},${e.selected ? '\n  selected = {true},' : ''}\n}\n`,
  );

function resolveText(text: string, lenient: boolean) {
  const config = publicationsSectionSchema.parse({
    name: ['Q', 'x'],
    file: 'all.bib',
    sort_bib: true,
    group_by_year: true,
    include_image: true,
    error_without_author_url: true,
    venue_summary: 1,
    author_urls: { Q: 'https://q.org/?a="<>&\'', xQ: 'javascript:alert(1)' },
  });
  return resolvePublications(config, {
    key: 'publications',
    baseDir: BASE_DIR,
    yamlFile: 'cv.yaml',
    position: () => ({ file: 'cv.yaml', line: 1, column: 1 }),
    rich: (value) => parseInline(value ?? ''),
    ownerNames: [],
    readTextFile: () => ({ ok: true, text }),
    fileExists: () => true,
    lenient,
  });
}

/** Every tag and attribute the Markdown target writes, as strict patterns. */
const ALLOWED_TAGS = [
  /^<tr id="tr-[A-Za-z0-9_-]+"( style="background-color: #ffffd0")?>/,
  /^<div id="abs_[A-Za-z0-9_-]+" style="text-align: justify; display: none" markdown="1">/,
  /^<div class="col-sm-(10|2)">/,
  /^<a href='[^'"<>]*' target='_blank'>/,
  /^<a href='javascript:;'\n {4}onclick='\$\("#abs_[A-Za-z0-9_-]+"\)\.toggle\(\)'>/,
  /^<a href="[^'"<>]*"( class="btn btn-primary" style="padding: 0\.3em;")?>/,
  /^<img src="[^'"<>]*" alt="" style='border: none; height: 100px;'\/>/,
  /^<table class="table table-hover">/,
  /^<i class="(fa fa-chevron-right|fa fa-code-fork|ai ai-google-scholar)"( aria-hidden="true")?>/,
  /^<\/?(td|em|br|strong|sup|h2|p|a|tr|div|table|i)>/,
];

function checkMarkup(markdown: string): void {
  for (let i = markdown.indexOf('<'); i >= 0; i = markdown.indexOf('<', i + 1)) {
    // The whole tag must fit: an escaped URL can be far longer than 200 characters (`'` is `&#39;`).
    const rest = markdown.slice(i, i + 10_000);
    if (!ALLOWED_TAGS.some((tag) => tag.test(rest)))
      throw new Error(`unexpected markup at ${i}: ${JSON.stringify(rest.slice(0, 60))}`);
  }
  // Abstracts are read as Markdown by kramdown: no link, link definition or attribute list may start.
  for (const match of markdown.matchAll(/markdown="1">\n([\s\S]*?)\n<\/div>/g)) {
    const text = (match[1] ?? '').replace(/<[^>]*>/g, '').replace(/\\[\\[\]{}]/g, '');
    if (/[[\]{}]/.test(text))
      throw new Error(`unescaped Markdown syntax in an abstract: ${JSON.stringify(text.slice(0, 80))}`);
  }
  const rawAmpersand = /&(?!(amp|lt|gt|quot|#39|nbsp);)/.exec(markdown);
  if (rawAmpersand)
    throw new Error(
      `raw & at ${rawAmpersand.index}: ${JSON.stringify(markdown.slice(rawAmpersand.index, rawAmpersand.index + 20))}`,
    );
}

describe('properties', () => {
  it('the name parser and formatter never throw', () => {
    fc.assert(
      fc.property(hostileText, (field) => {
        parseNameList(field);
        for (const author of authorsOf(field, {
          ownerNames: ['Q'],
          authorUrls: { x: 'https://x' },
        })) {
          expect(typeof author.plain).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (field) => void parseNameList(field)),
      { numRuns: 300 },
    );
  });

  it('reading any text as BibTeX and resolving it never throws', () => {
    const anyBib = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.oneof(bibEntry, hostileText), { maxLength: 5 }).map((parts) => parts.join('\n')),
    );
    fc.assert(
      fc.property(anyBib, fc.boolean(), (text, lenient) => {
        const bib = readBibtex(text, 'all.bib');
        for (const d of bib.diagnostics) expect(d.position?.line).toBeGreaterThan(0);
        const { section } = resolveText(text, lenient);
        renderPublicationsMarkdown(section, 'Publications', {
          googleScholarId: 'x"<',
          sourceUrl: 'https://github.com/u/cv',
        });
      }),
      { numRuns: 300 },
    );
  });

  it('hostile nesting (20,000 levels) is a warning, not a stack overflow', () => {
    const deep = (open: string, close: string) => `${open.repeat(20_000)}x${close.repeat(20_000)}`;
    for (const value of [
      deep('{', '}'),
      deep('\\textbf{', '}'),
      deep('``', "''"),
      '\\bf x '.repeat(20_000),
      deep("\\'{", '}'),
    ]) {
      const bib = `@misc{deep,\n  title = {${value}},\n  author = {${value} and Q Amos},\n  year = 2020, _venue = {V},\n}`;
      const { section, diagnostics } = resolveText(bib, false);
      expect(section.total).toBe(1);
      expect(
        diagnostics.filter((d) => /nested \d+ levels deep/.test(d.message)).map((d) => d.position?.line),
      ).toEqual([2, 3]);
      checkMarkup(renderPublicationsMarkdown(section, 'Publications', {}));
    }
  });

  it('the Markdown never lets raw <, & or a quote inside an attribute through from BibTeX values', () => {
    fc.assert(
      fc.property(fc.array(bibEntry, { minLength: 1, maxLength: 4 }), fc.boolean(), (entries, lenient) => {
        const { section } = resolveText(entries.join('\n'), lenient);
        checkMarkup(
          renderPublicationsMarkdown(section, 'Publications', {
            googleScholarId: 'x"<&',
            sourceUrl: 'https://github.com/u/cv',
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the Markdown of a url full of quotes, TeX and markup stays escaped (a counterexample fast-check found)', () => {
    const bib =
      "@inproceedings{k,\n  title = {},\n  author = {},\n  _venue = {},\n  _note = {},\n  abstract = {},\n  url = {\\'e\\'e\\href$^\\dagger$" +
      '{javascript:Q<b>javascript:}QothersQ$^\\dagger$javascript:javascript:Q<\\"ojavascript:Q"QQ\\\'eQQ</div>$^\\dagger$\\textbf},\n  codeurl = {},\n  year = {1990},\n}\n';
    const { section } = resolveText(bib, false);
    const markdown = renderPublicationsMarkdown(section, 'Publications', {
      googleScholarId: 'x"<&',
      sourceUrl: 'https://github.com/u/cv',
    });
    checkMarkup(markdown);
  });

  it('the checker catches what it must (a raw tag, a raw &, a quote in an attribute)', () => {
    expect(() => checkMarkup('<td><script>x</script></td>')).toThrow(/unexpected markup/);
    expect(() => checkMarkup('<td>AT&T</td>')).toThrow(/raw &/);
    expect(() => checkMarkup(`<a href='https://x.org/?q='onmouseover=alert(1)' target='_blank'>`)).toThrow(
      /unexpected markup/,
    );
    expect(() => checkMarkup('<td>AT&amp;T &lt;b&gt;</td>')).not.toThrow();
    expect(() =>
      checkMarkup(
        '<div id="abs_k" style="text-align: justify; display: none" markdown="1">\n[x](javascript:y)\n</div>',
      ),
    ).toThrow(/unescaped Markdown/);
  });

  it('the shortcut for plain names agrees with the full path (forced by an empty group `{}` per word)', () => {
    const word = fc
      .array(fc.constantFrom('a', 'B', 'c', 'D', '.', '-', "'", 'é', '&ntilde;', '&'), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.join(''));
    const name = fc
      .array(word, { minLength: 1, maxLength: 4 })
      .chain((words) =>
        fc.constantFrom(
          words.join(' '),
          `${words.slice(1).join(' ')}, ${words[0]}`,
          `${words.join(' ')}, Jr., X`,
        ),
      );
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), (names) => {
        const field = names.join(' and ');
        const forced = field.replace(/([^\s,]+)/g, (w) => (w === 'and' ? w : `${w}{}`));
        const shown = (f: string) => authorsOf(f).map((a) => [a.name, a.plain, a.marks]);
        expect(shown(field)).toEqual(shown(forced));
      }),
      { numRuns: 300 },
    );
  });

  it('the plain-text shortcut agrees with the inline parser', () => {
    const plain = fc
      .array(
        fc.constantFrom('a', 'B', ' ', '\n', '-', '.', "'", '"', '*', '^', '&', '<', 'é', '%', '#', '_'),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(plain, hostileText), (text) => {
        expect(parseLatex(text)).toEqual(parseInlineDetailed(text));
      }),
      { numRuns: 500 },
    );
  });
});
