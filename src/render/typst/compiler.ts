/**
 * The in-process Typst compiler (`@myriaddreamin/typst-ts-node-compiler`), created lazily, once per workspace
 * root per process, and reused (watch mode recompiles with warm caches and loaded fonts).
 *
 * Every input file is a virtual ("shadow") file mapped under the workspace root; Typst resolves every path,
 * including absolute ones such as `/etc/passwd`, inside that root and refuses paths that leave it. Typst
 * follows symbolic links on disk, so a user theme's folder is checked for links first (theme-folder.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { bundledFontFiles, isolatedFontconfigFile } from './fonts.js';

type CompilerModule = typeof import('@myriaddreamin/typst-ts-node-compiler');

const require = createRequire(import.meta.url);
let compilerModule: CompilerModule | undefined;
const compilers = new Map<string, NodeCompiler>();

/**
 * Max age of Typst's memoised results, in compilations. The compiler suggests 30 for watch tools, but measured
 * on a 10-page CV its resident memory then settles near 500 MB; at 3 it settles near 150 MB and recompiling
 * an unchanged or slightly edited CV is as fast (1 is too low: results used every other build are lost).
 */
const CACHE_MAX_AGE = 3;

/**
 * Creates a compiler that sees only the fonts Typst embeds, vita's bundled fonts and `fontFolders`: the
 * machine's fonts are hidden through FONTCONFIG_FILE (fonts.ts), set only while the compiler reads its fonts
 * (it reads them once, here). On the worker thread this is the process's environment (SHARE_ENV).
 */
function createCompiler(root: string, fontFolders: readonly string[]): NodeCompiler {
  compilerModule ??= require('@myriaddreamin/typst-ts-node-compiler') as CompilerModule;
  const previous = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = isolatedFontconfigFile();
  try {
    return compilerModule.NodeCompiler.create({
      workspace: root,
      fontArgs: [{ fontPaths: [...bundledFontFiles(), ...fontFolders] }],
    });
  } finally {
    if (previous === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = previous;
  }
}

function compilerFor(root: string, fontFolders: readonly string[] = []): NodeCompiler {
  const key = JSON.stringify([root, ...fontFolders]);
  let compiler = compilers.get(key);
  if (compiler === undefined) {
    compiler = createCompiler(root, fontFolders);
    compilers.set(key, compiler);
  }
  return compiler;
}

export interface TypstCompileInput {
  /** Absolute path of the workspace root: Typst can read nothing outside it. */
  readonly root: string;
  /** Virtual files, by path relative to the root (`cv.typ`, `cv-data.json`). */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  /** The main file, relative to the root. */
  readonly main: string;
  /** PDF creation date, in seconds since the epoch. */
  readonly creationTimestamp: number;
  /** A PDF standard for the export (`a-2b`, `ua-1`, ...), when cv.yaml asks for one. */
  readonly pdfStandard?: string | undefined;
  /** Drop every virtual file of an earlier compile with this root first (a root whose files change). */
  readonly resetShadows?: boolean | undefined;
  /** Absolute paths of font folders (or files) Typst loads besides the embedded and bundled fonts. */
  readonly fontFolders?: readonly string[] | undefined;
  /**
   * Look for characters no loaded font has a glyph for (Typst itself typesets them as empty boxes, silently).
   * Costs a second PDF export, so the caller asks only when some character may lack one.
   */
  readonly checkGlyphs?: boolean | undefined;
}

/** A character Typst typeset with no glyph ("tofu"), and the font it tried last. */
export interface MissingGlyph {
  readonly text: string;
  readonly font: string;
}

export interface TypstLocation {
  /** Path relative to the root (with `/`), when Typst named a file inside it. */
  readonly file?: string | undefined;
  /** 1-based line and column, when Typst gave a range. */
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

export interface TypstNote extends TypstLocation {
  readonly message: string;
}

export interface TypstMessage extends TypstLocation {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Typst's trace and hints for this message ("while calling render-talks"), innermost first. */
  readonly notes: readonly TypstNote[];
}

export interface TypstCompileOutput {
  /** Undefined when compilation failed (then `messages` holds at least one error). */
  readonly pdf: Uint8Array | undefined;
  readonly pageCount: number;
  readonly messages: readonly TypstMessage[];
  /** Wall time of compile + PDF export, in milliseconds (compiler creation excluded). */
  readonly compileTimeMs: number;
  /** Characters shown without a glyph (only when `checkGlyphs` was asked for). */
  readonly missingGlyphs: readonly MissingGlyph[];
}

interface RawDiagnostic {
  message?: unknown;
  path?: unknown;
  severity?: unknown;
  range?: { start?: { line?: unknown; character?: unknown } } | null;
}

function toNote(raw: RawDiagnostic, root: string): TypstNote {
  const start = raw.range?.start;
  const rawPath = typeof raw.path === 'string' ? raw.path : '';
  const relative = rawPath === '' ? '' : path.relative(root, rawPath);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return {
    message: typeof raw.message === 'string' ? raw.message : String(raw.message),
    file: inside ? relative.split(path.sep).join('/') : undefined,
    line: typeof start?.line === 'number' ? start.line + 1 : undefined,
    column: typeof start?.character === 'number' ? start.character + 1 : undefined,
  };
}

/**
 * The compiler reports LSP severities: 1 error, 2 warning, then 3/4 for the trace and hints that belong to the
 * message before them.
 */
function toMessages(raws: readonly RawDiagnostic[], root: string): TypstMessage[] {
  const messages: { severity: 'error' | 'warning'; note: TypstNote; notes: TypstNote[] }[] = [];
  for (const raw of raws) {
    const note = toNote(raw, root);
    const last = messages.at(-1);
    if ((raw.severity === 3 || raw.severity === 4) && last) last.notes.push(note);
    else messages.push({ severity: raw.severity === 2 ? 'warning' : 'error', note, notes: [] });
  }
  return messages.map(({ severity, note, notes }) => ({ severity, ...note, notes }));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Compiles virtual files to a PDF. Typst errors come back as messages; throws only when the compiler itself
 * cannot be loaded (no native binary for this platform). `oneShot`: no later compile will reuse this one's
 * memoised layouts, so they are dropped before the PDF export, which then reuses their memory (a CV of 10,000
 * papers: peak 1,290 -> 1,200 MB); watch mode keeps them.
 */
export function compileTypst(input: TypstCompileInput, { oneShot = false } = {}): TypstCompileOutput {
  const compiler = compilerFor(input.root, input.fontFolders);
  const started = performance.now();
  const done = (
    pdf: Uint8Array | undefined,
    pageCount: number,
    messages: readonly TypstMessage[],
    missingGlyphs: readonly MissingGlyph[] = [],
  ): TypstCompileOutput => ({
    pdf,
    pageCount,
    messages,
    compileTimeMs: performance.now() - started,
    missingGlyphs,
  });

  try {
    if (input.resetShadows) compiler.resetShadow();
    for (const [file, contents] of input.files) {
      const absolute = path.join(input.root, file);
      if (typeof contents === 'string') compiler.addSource(absolute, contents);
      else
        compiler.mapShadow(absolute, Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength));
    }
    const result = compiler.compile({ mainFilePath: path.join(input.root, input.main) });
    const warnings = result.takeWarnings();
    const messages = warnings ? toMessages(compiler.fetchDiagnostics(warnings), input.root) : [];
    const document = result.result;
    if (result.hasError() || document === null) {
      const errors = result.takeDiagnostics();
      messages.push(...(errors ? toMessages(compiler.fetchDiagnostics(errors), input.root) : []));
      if (!messages.some((m) => m.severity === 'error')) {
        messages.push({
          severity: 'error',
          message: 'Typst compilation failed without a message',
          notes: [],
        });
      }
      return done(undefined, 0, messages);
    }
    if (oneShot) compiler.evictCache(0);
    const pdf = compiler.pdf(document, {
      creationTimestamp: input.creationTimestamp,
      ...(input.pdfStandard === undefined ? {} : { pdfStandard: input.pdfStandard }),
    });
    const missing = input.checkGlyphs ? missingGlyphs(compiler, document, input.creationTimestamp) : [];
    return done(
      new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength),
      document.numOfPages,
      messages,
      missing,
    );
  } catch (error) {
    return done(undefined, 0, [{ severity: 'error', message: errorText(error), notes: [] }]);
  } finally {
    compiler.evictCache(CACHE_MAX_AGE);
  }
}

/**
 * Typst reports a character typeset without a glyph only when asked for PDF/A, whose rules forbid it: the
 * document is exported once more as PDF/A-2b, and that export's "could not be displayed" errors are read.
 * Its other PDF/A complaints are not ours to report.
 */
function missingGlyphs(
  compiler: NodeCompiler,
  document: Parameters<NodeCompiler['pdf']>[0],
  creationTimestamp: number,
): MissingGlyph[] {
  try {
    compiler.pdf(document, { creationTimestamp, pdfStandard: 'a-2b' });
    return [];
  } catch (error) {
    const found: MissingGlyph[] = [];
    const seen = new Set<string>();
    const pattern =
      /the text `\\?"((?:[^"\\]|\\.)*)\\?"` could not be displayed with font `\\?"((?:[^"\\]|\\.)*)\\?"`/g;
    for (const match of errorText(error).matchAll(pattern)) {
      const text = unescapeRust(match[1] ?? '');
      const font = unescapeRust(match[2] ?? '');
      if (seen.has(text)) continue;
      seen.add(text);
      found.push({ text, font });
    }
    return found;
  }
}

/** Undoes Rust's `{:?}` escaping of a string (`\\"`, `\\\\`, `\\u{..}`, `\\n`...). */
function unescapeRust(text: string): string {
  return text.replace(/\\(u\{([0-9a-f]+)\}|.)/g, (_all, sequence: string, hex: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[sequence] ?? sequence;
  });
}

/** Creates the compiler for `root` now (native module loaded, fonts parsed), so the first compile is faster. */
export function prewarmCompiler(root: string, fontFolders: readonly string[] = []): void {
  compilerFor(root, fontFolders);
}

// ------------------------------------------------------------------ worker thread
// Builds compile the PDF on a second thread: the compiler loads while the YAML is read, and the other targets
// render while Typst typesets. One-shot builds drop Typst's caches before the export; watch mode keeps them.

interface WorkerReply {
  readonly id: number;
  readonly output?: TypstCompileOutput;
  readonly error?: string;
}

let worker: Worker | undefined;
let nextRequest = 0;
const waiting = new Map<number, { resolve: (o: TypstCompileOutput) => void; reject: (e: Error) => void }>();
/**
 * The workspace root to start a worker again with, after one that had answered compiles stopped. A worker
 * that stopped before it answered any (it could not start here) is not started again: compiles then run
 * in this thread, as when there is no worker script.
 */
let restartRoot: string | undefined;

/**
 * The worker thread ended while compiles were pending (it threw outside a compile, ran out of memory or was
 * terminated): those compiles get this error (see `restartRoot` for where the next compile runs).
 */
export class TypstWorkerStopped extends Error {
  constructor(readonly reason: string) {
    super(`the Typst worker thread stopped (${reason})`);
    this.name = 'TypstWorkerStopped';
  }
}

/** What the worker is told when it starts. */
export interface TypstWorkerData {
  readonly prewarmRoot: string;
}

/** One compile asked of the worker. */
export interface TypstWorkerRequest {
  readonly id: number;
  readonly input: TypstCompileInput;
  /** See `compileTypst`: drop Typst's memoised results before the PDF export. */
  readonly oneShot: boolean;
}

/**
 * Whether the worker keeps Typst's memoised results from one compile to the next: once a process renders
 * again and again (watch mode, `startTypstWorker(..., { keepCaches: true })`), every later compile keeps them,
 * whoever asks (a one-shot build in the same process then keeps more memory; it is never slower or wrong).
 */
let keepWorkerCaches = false;

/**
 * Starts the worker (once). `keepCaches`: this process will compile again and again (watch mode), so Typst's
 * memoised results are kept between compiles from now on, on a worker already running too. False when there
 * is no compiled worker script (running from sources, in tests).
 */
export function startTypstWorker(prewarmRoot: string, { keepCaches = false } = {}): boolean {
  if (keepCaches) keepWorkerCaches = true;
  if (worker) return true;
  const script = fileURLToPath(new URL('./typst-worker.js', import.meta.url));
  if (!existsSync(script)) return false;
  const workerData: TypstWorkerData = { prewarmRoot };
  // SHARE_ENV: the worker sets FONTCONFIG_FILE for the compiler's native code, which reads the process's
  // environment (a worker's own copy of process.env would not reach it).
  const started = new Worker(script, { workerData, env: SHARE_ENV });
  let answered = false;
  started.on('message', (reply: WorkerReply) => {
    answered = true;
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) started.unref();
    if (!request) return;
    if (reply.output) request.resolve(reply.output);
    else request.reject(new Error(reply.error ?? 'the Typst worker failed'));
  });
  // A worker that ends, with an error or without one ('exit' alone: terminated, or `process.exit` in it),
  // answers nothing more: its pending compiles fail now instead of waiting forever (watch mode would
  // never build again); the next compile starts a new worker if this one had answered any.
  const stopped = (reason: string) => {
    if (worker !== started) return;
    worker = undefined;
    restartRoot = answered ? prewarmRoot : undefined;
    for (const request of waiting.values()) request.reject(new TypstWorkerStopped(reason));
    waiting.clear();
  };
  started.on('error', (cause) => stopped(cause instanceof Error ? cause.message : String(cause)));
  started.on('exit', (code) => stopped(`exit code ${code}`));
  // After the listeners: adding a 'message' listener refs the worker again. An idle worker must never keep
  // the process alive (a build that stops on an input error never compiles); a pending compile refs it.
  started.unref();
  worker = started;
  return true;
}

/**
 * Ends the worker thread: pending compiles fail with `TypstWorkerStopped`. The next compile starts another if
 * this one had answered a compile, else it runs in this thread.
 */
export async function stopTypstWorker(): Promise<void> {
  const active = worker;
  if (active) await active.terminate();
}

/** Whether compiles go to the worker thread (started and not failed), not to this thread. */
export function typstWorkerRunning(): boolean {
  return worker !== undefined;
}

/** Compiles on the worker when one runs (started again after one that worked stopped), else in this thread. */
export function compileTypstAsync(input: TypstCompileInput): Promise<TypstCompileOutput> {
  // A worker that worked and stopped is started again: this process chose to compile off its main thread.
  if (!worker && restartRoot !== undefined) startTypstWorker(restartRoot);
  const active = worker;
  if (!active) return Promise.resolve(compileTypst(input));
  return new Promise((resolve, reject) => {
    const id = nextRequest++;
    waiting.set(id, { resolve, reject });
    active.ref();
    const request: TypstWorkerRequest = { id, input, oneShot: !keepWorkerCaches };
    active.postMessage(request);
  });
}
