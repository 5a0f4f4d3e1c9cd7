/** A generic section through the Markdown and JSON Resume targets, from YAML to output. */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html/index.js';
import { renderJsonResume } from '../../src/render/jsonresume/index.js';
import { renderLatexDocument } from '../../src/render/latex/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { resolveYaml } from './helpers.js';

const NOW = new Date('2024-06-05T12:00:00Z');

const YAML = `name: Ada
order:
  - [projects, Projects]
  - [languages, Languages]
projects:
  type: generic
  items:
    - title: vita
      url: https://example.org/vita
      year: 2024
      details: [A CV builder]
      language: TypeScript
languages:
  type: generic
  items:
    - language: English
      fluency: native
`;

describe('generic sections in the targets', () => {
  const { cv } = resolveYaml(YAML);
  if (!cv) throw new Error('no cv');

  it('writes Markdown rows: linked bold title, details with labels, date at the right', () => {
    const md = renderMarkdown(cv, { now: NOW });
    expect(md).toContain(
      [
        '## <i class="fa fa-chevron-right"></i> Projects',
        '<table class="table table-hover">',
        '<tr>',
        '  <td>',
        '    <strong><a href="https://example.org/vita">vita</a></strong>',
        '    <br> A CV builder',
        '    <br> Language: TypeScript',
        '  </td>',
        "  <td class='col-md-2' style='text-align:right;'>2024</td>",
        '</tr>',
        '</table>',
      ].join('\n'),
    );
  });

  it('exports JSON Resume lists by their key: projects and languages', () => {
    const { files } = renderJsonResume(cv, {
      now: NOW,
      outDir: '/tmp/x',
      pdfEngine: 'typst',
      htmlFileName: 'index.html',
    });
    const json = JSON.parse(String(files[0]?.contents));
    expect(json.projects).toEqual([
      {
        name: 'vita',
        description: 'A CV builder; TypeScript',
        url: 'https://example.org/vita',
        startDate: '2024',
        endDate: '2024',
      },
    ]);
    expect(json.languages).toEqual([{ language: 'English', fluency: 'native' }]);
  });
});

describe('labels made from YAML keys', () => {
  const { cv } = resolveYaml('name: Ada\nextra:\n  - title: T\n    "<b>x</b> & 50%": v\n    "#set": w\n');
  if (!cv) throw new Error('no cv');
  const options = { now: NOW, outDir: '/tmp/x', pdfEngine: 'typst', htmlFileName: 'index.html' } as const;

  it('are escaped on the page, in Markdown and in cv.tex', () => {
    const page = String(renderHtml(cv, options).files[0]?.contents);
    expect(page).toContain('&lt;b&gt;x&lt;/b&gt; &amp; 50%: v');
    expect(page).not.toContain('<b>x</b>');
    const md = renderMarkdown(cv, { now: NOW });
    expect(md).not.toContain('<b>x</b>');
    const { tex } = renderLatexDocument(cv, { now: NOW });
    expect(tex).toContain(
      '\\textbf{\\textless{}b\\textgreater{}x\\textless{}/b\\textgreater{} \\& 50\\%:} v',
    );
    expect(tex).not.toMatch(/[^\\]& 50%/);
  });
});
