/**
 * The two files of PDF.js the preview page loads (`/__vita/pdfjs/...`, see pdf-preview.ts). A built package
 * carries them in `dist/vendor/pdfjs/` (scripts/bundle.js copies them there with PDF.js's licence, 1.7 MB,
 * instead of a runtime dependency on `pdfjs-dist`: 37 MB and an optional native canvas of 33 MB). A source
 * checkout that was not built finds them in the development dependency. When neither is there, the preview
 * falls back to the browser's own PDF viewer in a frame.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../util/package-root.js';

/** Where the watch server serves PDF.js. */
export const PDFJS_PATH = '/__vita/pdfjs/';

/** The files served under PDFJS_PATH: the library and its worker, nothing else of the package. */
export const PDFJS_FILES = ['pdf.min.mjs', 'pdf.worker.min.mjs'] as const;

const require = createRequire(import.meta.url);
const found = new Map<string, string | undefined>();

/** The absolute path of one of PDFJS_FILES, or undefined when PDF.js is not installed with vita. */
export function pdfViewerAsset(name: string): string | undefined {
  if (!(PDFJS_FILES as readonly string[]).includes(name)) return undefined;
  if (found.has(name)) return found.get(name);
  let file: string | undefined = path.join(packageRoot(), 'dist', 'vendor', 'pdfjs', name);
  if (!existsSync(file)) {
    try {
      file = require.resolve(`pdfjs-dist/build/${name}`);
    } catch {
      file = undefined;
    }
  }
  found.set(name, file);
  return file;
}

/** Whether the preview can draw the PDF with PDF.js (both files found). */
export function hasPdfViewer(): boolean {
  return PDFJS_FILES.every((name) => pdfViewerAsset(name) !== undefined);
}
