/**
 * Renders page 1 of the test CV with every built-in theme to docs/images/theme-<name>.png (for README and
 * docs/themes.md). Run after changing a theme: npx vite-node test/typst/render-theme-images.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_THEMES, compileTypstPdf } from '../../src/render/typst/index.js';
import { testCv, withPrint } from '../helpers/test-cv.js';

const imagesDir = fileURLToPath(new URL('../../docs/images/', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'vita-theme-images-'));
try {
  for (const theme of BUILTIN_THEMES) {
    const { pdf, diagnostics } = compileTypstPdf(withPrint(testCv(), { theme }), {
      now: new Date('2024-03-01T00:00:00Z'),
    });
    if (!pdf) throw new Error(`theme ${theme}: ${diagnostics.map((d) => d.message).join('; ')}`);
    const pdfFile = path.join(work, `${theme}.pdf`);
    writeFileSync(pdfFile, pdf);
    const out = path.join(imagesDir, `theme-${theme}`);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfFile, out]);
    console.log(`${out}.png`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
