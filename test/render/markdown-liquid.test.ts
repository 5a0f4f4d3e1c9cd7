/**
 * Jekyll runs Liquid over cv.md before kramdown: no `{%` or `{{` from the data may survive into the page. The
 * property: the test CV with Liquid appended to every YAML string and put into every .bib field renders a page
 * without a single `{%` or `{{`, while the text is still there for the reader (as `&#123;`).
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { breakLiquid, frontMatterString } from '../../src/render/markdown/escape.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { TEST_CV_DIR } from '../helpers/test-cv.js';

const tempDir = useTempDirs();
const NOW = new Date('2024-06-05T12:00:00Z');
/** Values of the print settings, which never reach the page. */
const PRINT_ONLY = new Set(['letter', 'a4', 'A4', 'Letter', 'default', 'compact']);
const LIQUID = ' {% include /etc/passwd %} {{ site.github }} {{{x}}} {%raw%}';

/** No Liquid tag or output opens anywhere in the page. */
const expectNoLiquid = (page: string) => {
  expect(page).not.toContain('{%');
  expect(page).not.toContain('{{');
};

describe('Liquid in the Markdown page', () => {
  it('breaks `{%` and `{{` wherever they come from, and only those', () => {
    expect(breakLiquid('a {% b %} {{ c }} {x} \\{% \\{\\{')).toBe(
      'a &#123;% b %} &#123;{ c }} {x} &#123;% \\{\\{',
    );
    expect(breakLiquid('<a href="https://x.org/{{a}}">')).toBe('<a href="https://x.org/&#123;{a}}">');
    expect(frontMatterString('A {% b %}')).toBe('"A \\u007b% b %}"');
  });

  it('a .bib title `\\{% include /etc/passwd %\\}` (the example of issue 19) is text on the page', () => {
    const dir = tempDir();
    cpSync(TEST_CV_DIR, dir, { recursive: true });
    const bib = path.join(dir, 'publications/all.bib');
    const text = readFileSync(bib, 'utf8');
    writeFileSync(bib, text.replace(/title\s*=\s*\{/, '$&\\{% include /etc/passwd %\\} '));
    const { cv } = loadCv([path.join(dir, 'cv.yaml')]);
    if (!cv) throw new Error('the test CV did not load');
    const page = renderMarkdown(cv, { now: NOW });
    expectNoLiquid(page);
    expect(page).toContain('&#123;% include /etc/passwd %');
  });

  it('Liquid in every YAML string and every .bib field never survives (property over all fields)', () => {
    const dir = tempDir();
    cpSync(TEST_CV_DIR, dir, { recursive: true });
    const yamlFile = path.join(dir, 'cv.yaml');
    const doc = parseDocument(readFileSync(yamlFile, 'utf8'));
    let strings = 0;
    visit(doc, {
      Scalar(key, node) {
        // Keys stay keys; every string value (text, URL, date, path alike) gets the Liquid.
        if (key === 'key' || !isScalar(node) || typeof node.value !== 'string') return;
        // Print settings are not page text (a wrong paper or theme stops the build); names (section keys and
        // types, NONE/NEWPAGE in the layouts) and file paths are structure.
        if (PRINT_ONLY.has(node.value) || /^[a-zA-Z_]+$|\.(bib|png|jpe?g|gif|svg)$/.test(node.value)) return;
        node.value = `${node.value}${LIQUID}`;
        strings++;
      },
    });
    writeFileSync(yamlFile, doc.toString());
    const pubs = path.join(dir, 'publications');
    for (const name of readdirSync(pubs).filter((f) => f.endsWith('.bib'))) {
      const file = path.join(pubs, name);
      // At the start of every braced field: `\{% ... %\}` the BibTeX way, and `{{...}}` as a brace group.
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/=\s*\{/g, '$&\\{% include /etc/passwd %\\} {{ site.x }} '),
      );
    }
    expect(strings).toBeGreaterThan(50);
    const { cv } = loadCv([yamlFile]);
    if (!cv) throw new Error('the test CV did not load');
    const page = renderMarkdown(cv, { now: NOW });
    expectNoLiquid(page);
    // The text is still there for the reader.
    expect(page.split('&#123;% include /etc/passwd %').length).toBeGreaterThan(20);
  });
});
