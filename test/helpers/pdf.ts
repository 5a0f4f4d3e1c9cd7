/**
 * PDF checks in pure JavaScript (Mozilla's pdf.js, the `pdfjs-dist` devDependency, its legacy
 * build that runs on Node 20): text, fonts with
 * their embedded flag, document info, link annotations and the outline. No system program is needed, so
 * the PDF tests run on any machine with Node.
 */
import { getDocument, OPS, type PDFDocumentProxy as PdfDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function withPdf<T>(pdf: Uint8Array, work: (doc: PdfDocument) => Promise<T>): Promise<T> {
  // pdf.js takes over (detaches) the buffer it is given: hand it a copy so the caller's stays usable.
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    return await work(doc);
  } finally {
    await doc.destroy();
  }
}

export interface PdfTextOptions {
  /**
   * The content stream's order, as the PDF writes its text (like `pdftotext -raw`). The default orders each
   * page's text in lines, top to bottom and left to right, as a reader sees it.
   */
  readonly raw?: boolean;
}

interface Run {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly eol: boolean;
}

/** One page's text runs as pdf.js extracts them (pdf.js inserts the spaces it infers from glyph gaps). */
async function pageRuns(doc: PdfDocument, pageNumber: number): Promise<Run[]> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [, , , d = 0, e = 0, f = 0] = item.transform as number[];
    runs.push({
      text: item.str,
      x: e,
      y: f,
      width: item.width,
      height: item.height || Math.abs(d),
      eol: item.hasEOL,
    });
  }
  return runs;
}

/** Content order: the runs as written, a line break where pdf.js sees the end of a line. */
function contentOrder(runs: readonly Run[]): string {
  return runs.map((run) => run.text + (run.eol ? '\n' : '')).join('');
}

/**
 * Reading order: runs grouped into lines by their baseline (a run whose baseline is within half a text
 * height of a line's joins it, so superscripts stay on their line), lines top to bottom, runs left to right, a space where two runs of a line
 * are apart by more than a fifth of the text height and neither brings its own.
 */
function readingOrder(runs: readonly Run[]): string {
  const lines: { y: number; height: number; runs: Run[] }[] = [];
  for (const run of runs) {
    if (run.text === '' && !run.eol) continue;
    const line = lines.find((l) => Math.abs(l.y - run.y) < Math.max(l.height, run.height, 1) / 2);
    if (line) {
      line.runs.push(run);
      // A line's baseline is its tallest run's: superscripts and smaller text join, and do not move it.
      if (run.height > line.height) Object.assign(line, { y: run.y, height: run.height });
    } else lines.push({ y: run.y, height: run.height, runs: [run] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines
    .map((line) => {
      const sorted = line.runs.filter((r) => r.text !== '').sort((a, b) => a.x - b.x);
      let text = '';
      let end = Number.NEGATIVE_INFINITY;
      for (const run of sorted) {
        const gap = run.x - end;
        if (text !== '' && gap > Math.max(run.height, 1) / 5 && !/\s$/.test(text) && !/^\s/.test(run.text)) {
          text += ' ';
        }
        text += run.text;
        end = Math.max(end, run.x + run.width);
      }
      return text.trimEnd();
    })
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** The PDF's text, pages separated by form feeds (as pdftotext separates them). */
export async function pdfText(pdf: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  return withPdf(pdf, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const runs = await pageRuns(doc, n);
      pages.push(`${options.raw ? contentOrder(runs) : readingOrder(runs)}\n`);
    }
    return pages.join('\f');
  });
}

/** The same text with every run of whitespace collapsed to one space. */
export async function pdfFlatText(pdf: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  return (await pdfText(pdf, options)).replace(/\s+/g, ' ');
}

export interface PdfFont {
  /** The font's PostScript name, with its subset tag (`ABCDEF+`) when the PDF has one. */
  readonly name: string;
  /** The font dictionary's subtype: `Type0`, `Type1`, `TrueType`, `Type3`... */
  readonly type: string;
  /** Whether the font program is in the PDF (pdf.js: not `missingFile`; Type 3 fonts are drawn inline). */
  readonly embedded: boolean;
}

interface LoadedFont {
  readonly name?: string;
  readonly type?: string;
  readonly subtype?: string;
  readonly missingFile?: boolean;
  readonly isType3Font?: boolean;
}

/** Every font that a page's content uses, once each (by its PDF object). */
export async function pdfFonts(pdf: Uint8Array): Promise<PdfFont[]> {
  return withPdf(pdf, async (doc) => {
    const fonts = new Map<string, PdfFont>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      for (const [index, fn] of ops.fnArray.entries()) {
        if (fn !== OPS.setFont) continue;
        const id = String((ops.argsArray[index] as unknown[])[0]);
        if (fonts.has(id)) continue;
        // The font arrives from pdf.js's worker side on its own: wait for it (the callback form of get).
        const font = await new Promise<LoadedFont>((resolve) => page.commonObjs.get(id, resolve));
        fonts.set(id, {
          name: font.name ?? id,
          type: font.isType3Font ? 'Type3' : (font.type ?? font.subtype ?? ''),
          embedded: font.isType3Font === true || font.missingFile !== true,
        });
      }
    }
    return [...fonts.values()];
  });
}

export interface PdfInfo {
  readonly title: string | undefined;
  readonly author: string | undefined;
  readonly subject: string | undefined;
  readonly keywords: string | undefined;
  readonly creator: string | undefined;
  readonly producer: string | undefined;
  /** The creation date as an ISO 8601 string (`2024-03-05T15:30:00Z`), from the Info dictionary. */
  readonly creationDate: string | undefined;
  readonly pages: number;
  /** The first page's size in pdfinfo's form: `612 x 792 pts (letter)`, `595.276 x 841.89 pts (A4)`. */
  readonly pageSize: string;
}

/** `D:YYYYMMDDHHmmSS+HH'mm'` -> ISO 8601 (the parts the PDF gives). */
function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(value);
  if (!m) return value;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh, om] = m;
  const zone = sign === undefined || /z/i.test(sign) ? 'Z' : `${sign}${oh ?? '00'}:${om ?? '00'}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

const PAPER = [
  { name: 'letter', width: 612, height: 792 },
  { name: 'A4', width: 595.276, height: 841.89 },
  { name: 'legal', width: 612, height: 1008 },
  { name: 'A3', width: 841.89, height: 1190.55 },
] as const;

/** A number as pdfinfo prints it (`%g`: six significant digits, no trailing zeros). */
const g = (value: number): string => String(Number(value.toPrecision(6)));

/** The Info dictionary, the page count and the first page's size. */
export async function pdfInfo(pdf: Uint8Array): Promise<PdfInfo> {
  return withPdf(pdf, async (doc) => {
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    const text = (key: string): string | undefined =>
      typeof info[key] === 'string' && info[key] !== '' ? (info[key] as string) : undefined;
    const page = await doc.getPage(1);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const width = x1 - x0;
    const height = y1 - y0;
    const paper = PAPER.find((p) => Math.abs(p.width - width) < 1 && Math.abs(p.height - height) < 1);
    return {
      title: text('Title'),
      author: text('Author'),
      subject: text('Subject'),
      keywords: text('Keywords'),
      creator: text('Creator'),
      producer: text('Producer'),
      creationDate: isoDate(info.CreationDate),
      pages: doc.numPages,
      pageSize: `${g(width)} x ${g(height)} pts${paper ? ` (${paper.name})` : ''}`,
    };
  });
}

/**
 * Targets of the PDF's link annotations in page order: a URI action's URI exactly as the PDF holds it
 * (unsafe ones too, so tests can check none is there), `#<destination>` for a link inside the document.
 */
export async function pdfLinks(pdf: Uint8Array): Promise<string[]> {
  return withPdf(pdf, async (doc) => {
    const links: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      for (const annotation of (await page.getAnnotations()) as Record<string, unknown>[]) {
        if (annotation.subtype !== 'Link') continue;
        const uri = annotation.unsafeUrl ?? annotation.url;
        if (typeof uri === 'string') links.push(uri);
        else if (annotation.dest !== undefined) links.push(`#${JSON.stringify(annotation.dest)}`);
      }
    }
    return links;
  });
}

export interface PdfOutlineItem {
  readonly title: string;
  readonly items: readonly PdfOutlineItem[];
}

/** The outline (bookmarks), nested as in the PDF; empty when the PDF has none. */
export async function pdfOutline(pdf: Uint8Array): Promise<PdfOutlineItem[]> {
  type Node = { title: string; items: Node[] };
  const walk = (nodes: readonly Node[]): PdfOutlineItem[] =>
    nodes.map((node) => ({ title: node.title, items: walk(node.items ?? []) }));
  return withPdf(pdf, async (doc) => walk(((await doc.getOutline()) ?? []) as Node[]));
}

export interface PdfStructure {
  /** The document language (`/Lang` of the catalogue), or undefined. */
  readonly language: string | undefined;
  /** The roles of the tagged headings (`H1`, `H2`, ...), page by page in the order of the structure tree. */
  readonly headings: readonly string[];
  /** How many structure elements the tagged PDF holds in all (0 when it is not tagged). */
  readonly elements: number;
}

/** The document language and the tagged headings, as a screen reader finds them. */
export async function pdfStructure(pdf: Uint8Array): Promise<PdfStructure> {
  type Node = { role?: string; children?: Node[] };
  return withPdf(pdf, async (doc) => {
    const { info } = (await doc.getMetadata()) as { info: { Language?: string } };
    const headings: string[] = [];
    let elements = 0;
    const walk = (node: Node): void => {
      if (node.role !== undefined) {
        elements++;
        if (/^H\d?$/.test(node.role)) headings.push(node.role);
      }
      for (const child of node.children ?? []) walk(child);
    };
    for (let page = 1; page <= doc.numPages; page++) {
      const tree = (await (await doc.getPage(page)).getStructTree()) as Node | null;
      if (tree) walk(tree);
    }
    return { language: info.Language ?? undefined, headings, elements };
  });
}

/** The fill colours text is drawn in (`#rrggbb`), once each, over every page. */
export async function pdfTextColors(pdf: Uint8Array): Promise<string[]> {
  const hex = (args: unknown[]): string => {
    if (typeof args[0] === 'string') return args[0].toLowerCase();
    const bytes = Array.from(args[0] instanceof Uint8ClampedArray ? args[0] : (args as number[]));
    return `#${bytes
      .slice(0, 3)
      .map((v) => Math.round(Number(v)).toString(16).padStart(2, '0'))
      .join('')}`;
  };
  return withPdf(pdf, async (doc) => {
    const colors = new Set<string>();
    for (let n = 1; n <= doc.numPages; n++) {
      const ops = await (await doc.getPage(n)).getOperatorList();
      const stack: string[] = [];
      let fill = '#000000';
      for (const [index, fn] of ops.fnArray.entries()) {
        const args = ops.argsArray[index] as unknown[];
        if (fn === OPS.save) stack.push(fill);
        else if (fn === OPS.restore) fill = stack.pop() ?? '#000000';
        else if (fn === OPS.setFillRGBColor) fill = hex(args);
        else if (fn === OPS.showText || fn === OPS.showSpacedText) colors.add(fill);
      }
    }
    return [...colors].sort();
  });
}

/** Each text run with the name of the font it is set in (`SourceSans3-Bold`, `LibertinusSerif-Italic`). */
export async function pdfTextRuns(pdf: Uint8Array): Promise<{ text: string; font: string }[]> {
  return withPdf(pdf, async (doc) => {
    const runs: { text: string; font: string }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getOperatorList(); // loads the page's fonts into commonObjs
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const font = await new Promise<LoadedFont>((resolve) => page.commonObjs.get(item.fontName, resolve));
        runs.push({ text: item.str, font: font.name ?? item.fontName });
      }
    }
    return runs;
  });
}
