/**
 * PDF checks with poppler-utils (`apt-get install -y poppler-utils`): text, fonts, page size, metadata and
 * link annotations. The tests fail, not skip, when poppler is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function withPdfFile<T>(pdf: Uint8Array, work: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'vita-typst-test-'));
  try {
    const file = path.join(dir, 'cv.pdf');
    writeFileSync(file, pdf);
    return work(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(tool: string, args: readonly string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (cause) {
    const error = cause as NodeJS.ErrnoException;
    if (error.code === 'ENOENT') throw new Error(`${tool} is missing: apt-get install -y poppler-utils`);
    throw cause;
  }
}

export interface PdfTextOptions {
  /** `-layout`: keep the physical layout. */
  readonly layout?: boolean;
  /**
   * `-raw`: the content stream's order. The default reading-order mode guesses spaces from glyph gaps and
   * drops those between one-character words (`a $ b` comes out `a$b`), which hostile-text checks must see.
   */
  readonly raw?: boolean;
}

/** The PDF's text in reading order (`pdftotext`), pages separated by form feeds. */
export function pdfText(pdf: Uint8Array, options: PdfTextOptions = {}): string {
  const args = [...(options.layout ? ['-layout'] : []), ...(options.raw ? ['-raw'] : [])];
  return withPdfFile(pdf, (file) => run('pdftotext', [...args, file, '-']));
}

/** The same text with every run of whitespace collapsed to one space. */
export function pdfFlatText(pdf: Uint8Array, options: PdfTextOptions = {}): string {
  return pdfText(pdf, options).replace(/\s+/g, ' ');
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

/** `pdffonts`: one row per font. */
export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  const lines = withPdfFile(pdf, (file) => run('pdffonts', [file]))
    .split('\n')
    .slice(2);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name type... encoding emb sub uni objectID gen: the last six columns are fixed.
      const columns = line.trim().split(/\s+/);
      const [emb] = columns.slice(-5);
      return { name: columns[0] ?? '', type: columns.slice(1, -6).join(' '), embedded: emb === 'yes' };
    });
}

/** `pdfinfo` as key -> value. */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of withPdfFile(pdf, (file) => run('pdfinfo', ['-isodates', file])).split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) info[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return info;
}

/** Targets of the PDF's link annotations, as `pdftohtml -xml` reports them (in page order). */
export function pdfLinks(pdf: Uint8Array): string[] {
  const xml = withPdfFile(pdf, (file) => run('pdftohtml', ['-xml', '-i', '-q', '-stdout', file]));
  const decode = (value: string): string =>
    value
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<a href="([^"]*)"/g)].map((match) => decode(match[1] ?? ''));
}
