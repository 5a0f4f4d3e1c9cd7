/**
 * Hostile strings in every kind of field come out of the PDF as literal text: the data is JSON, read by the
 * theme with json(...) and shown as strings, never evaluated as Typst markup or code.
 */
import { describe, expect, it } from 'vitest';
import { type Inline, text as t } from '../../src/inline/ast.js';
import type { Cv, Section } from '../../src/model/cv.js';
import { BUILTIN_THEMES, compileTypstPdf, MAIN_SOURCE } from '../../src/render/typst/index.js';
import { pdfFlatText, pdfLinks } from '../helpers/pdf.js';
import { rich as r, testCv, withPrint } from '../helpers/test-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');

const HOSTILE = [
  '#read("/etc/passwd")',
  '#import "x": *',
  '#include "/etc/hostname"',
  '$x^2$',
  '100%',
  '# not a heading',
  'snake_case_name',
  '*not bold*',
  '{ braces }',
  'back\\slash \\textbf{x}',
  '<script>alert(1)</script>',
  '] closes [ opens',
  '`raw` @label <label> // comment /* block */',
  '#set page(fill: red)',
  '#eval("1 + 1")',
] as const;

const link = (url: string, text: string): Inline => ({ type: 'link', url, children: [t(text)] });

function hostileCv(theme: string): Cv {
  const base = withPrint(testCv(), { theme });
  const sections: Section[] = [
    {
      key: 'hostile_items',
      type: 'items',
      items: HOSTILE.map((value) => ({ text: r(value), fields: [] })),
    },
    {
      key: 'hostile_links',
      type: 'items',
      items: [
        { text: [link('javascript:alert(1)', 'script link text')], fields: [] },
        { text: [link('file:///etc/passwd', 'file link text')], fields: [] },
        { text: [link('java\tscript:alert(2)', 'tab link text')], fields: [] },
        { text: [link('https://example.org/ok', 'good link text')], fields: [] },
      ],
    },
    {
      key: 'hostile_repos',
      type: 'repos',
      items: [
        {
          url: 'javascript:alert(3)',
          name: '#read("/etc/shadow")',
          description: r('$math$ and _emph_'),
          year: r('#2024'),
        },
      ],
    },
    {
      key: 'hostile_talks',
      type: 'talks',
      items: [
        {
          title: r('#place(top)[x]'),
          url: 'data:text/html,<b>x</b>',
          location: r('{ #panic() }'),
          year: r(']'),
        },
      ],
    },
  ];
  return {
    ...base,
    person: {
      ...base.person,
      name: 'Eve #read("/etc/passwd") Mallory',
      firstName: 'Eve #read("/etc/passwd")',
      lastName: 'Mallory]',
      social: { github: '"]#read("x")', custom_network: '#eval("1")' },
    },
    layouts: {
      web: [],
      print: [
        { kind: 'section', key: 'hostile_items', title: r('Items #heading[x] $') },
        { kind: 'section', key: 'hostile_links', title: r('Links') },
        { kind: 'section', key: 'hostile_repos', title: r('Repos') },
        { kind: 'section', key: 'hostile_talks', title: null },
      ],
    },
    sections: new Map(sections.map((s) => [s.key, s])),
  };
}

describe.each(BUILTIN_THEMES)('hostile input with the %s theme', (theme) => {
  const result = compileTypstPdf(hostileCv(theme), { now: NOW });
  const pdf = result.pdf ?? new Uint8Array();

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.pdf).toBeDefined();
  });

  it('prints every hostile string literally', async () => {
    // The sidebar sits beside the main column: read it in the PDF's own order, not line by line across.
    const text = await pdfFlatText(pdf, { raw: theme === 'sidebar' });
    for (const value of HOSTILE) expect(text).toContain(value);
    expect(text).toContain('#read("/etc/shadow")');
    expect(text).toContain('$math$ and _emph_');
    expect(text).toContain('#place(top)[x]');
    expect(text).toContain('{ #panic() }');
    expect(text).toContain('Items #heading[x] $');
    // The default theme prints first and last name apart; the compact one the full name.
    // (The sidebar's narrow column wraps the name: compared without spaces.)
    const name =
      theme === 'default' ? 'Eve #read("/etc/passwd") Mallory]' : 'Eve #read("/etc/passwd") Mallory';
    if (theme === 'sidebar') expect(text.replace(/\s+/g, '')).toContain(name.replace(/\s+/g, ''));
    else expect(text).toContain(name);
    expect(text).toContain('#eval("1")');
  });

  it('never evaluates them: no file is read into the PDF', async () => {
    const text = await pdfFlatText(pdf);
    expect(text).not.toMatch(/root:.*:0:0:/);
  });

  it('links only safe URLs and keeps the text of unsafe links', async () => {
    const text = await pdfFlatText(pdf);
    for (const label of ['script link text', 'file link text', 'tab link text', 'good link text']) {
      expect(text).toContain(label);
    }
    const links = await pdfLinks(pdf);
    expect(links).toContain('https://example.org/ok');
    for (const target of links) expect(target).toMatch(/^(https?:|mailto:)/);
  });
});

describe('the generated Typst sources', () => {
  it('hold user text only in cv-data.json, never in Typst code', () => {
    const result = compileTypstPdf(hostileCv('default'), { now: NOW });
    const main = result.files.find((f) => f.path === 'cv.typ');
    expect(main?.contents).toBe(MAIN_SOURCE);
    const data = String(result.files.find((f) => f.path === 'cv-data.json')?.contents);
    expect(JSON.parse(data).person.name).toBe('Eve #read("/etc/passwd") Mallory');
  });
});
