/**
 * One build: load -> resolve -> enrich -> render the selected targets -> write. Every problem of the run is
 * collected; when any is an error (or, with `strict`, any diagnostic at all), nothing is written.
 *
 * `renderCv` is the build without the write: `vita check` validates with it and watch mode writes its files
 * itself, so the three share one sequence of stages.
 *
 * Neither throws on any input: each stage runs behind the boundary (boundary.ts), which turns an exception
 * into an `internal` diagnostic naming the stage.
 */
import path from 'node:path';
import { type Diagnostic, warningsAsErrors } from '../diagnostics/diagnostic.js';
import type { Cv } from '../model/cv.js';
import { loadTarget, prewarmTarget } from '../render/registry.js';
import {
  DEFAULT_PDF_ENGINE,
  type OutputFile,
  type PdfEngine,
  type RenderOptions,
  type RenderResult,
  type TargetName,
} from '../render/shared/target.js';
import { guarded, internalError } from './boundary.js';
import { type EnrichSettings, enrichCv } from './enrich-cv.js';
import { writeGuarded } from './guarded-write.js';
import { inputFiles } from './input-guard.js';
import { type LoadOptions, type LoadResult, loadCv } from './load-cv.js';
import { publicationImages } from './publication-images.js';

export type Loader = (files: readonly string[], options: LoadOptions) => LoadResult;

export interface BuildOptions {
  readonly files: readonly string[];
  readonly outDir: string;
  readonly targets: readonly TargetName[];
  readonly now: Date;
  readonly lenient?: boolean | undefined;
  /** Folders besides those of the YAML files that the build may read (`--allow-read`). */
  readonly allowRead?: readonly string[] | undefined;
  readonly pdfEngine?: PdfEngine | undefined;
  readonly baseUrl?: string | undefined;
  readonly htmlFileName?: string | undefined;
  readonly enrich?: EnrichSettings | undefined;
  /** Treat warnings as errors: write nothing when there is any (`--strict`, for CI). */
  readonly strict?: boolean | undefined;
  /** Reads and resolves the YAML files; default `loadCv` (watch mode passes one that caches parsed files). */
  readonly load?: Loader | undefined;
  /**
   * The variant to build (`variants:`): its outputs are named for it (`cv-short.pdf`, `short.html`).
   * Absent: the full CV (`buildVariants` adds every variant).
   */
  readonly variant?: string | undefined;
  /**
   * Called with the CV ready to render (read, resolved, enriched), just before the build renders its
   * targets, unless the build is already blocked: watch mode starts the PDF there, on the Typst worker, so
   * that it typesets while the page renders.
   */
  readonly onReady?: ((cv: Cv) => void) | undefined;
}

export interface RenderCvResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly cv?: Cv | undefined;
  /** An error (or with `strict`, any diagnostic) blocks the output: nothing may be written. */
  readonly blocked: boolean;
  /** The rendered files, each path relative to the output folder (empty when blocked). */
  readonly files: readonly OutputFile[];
  /** Milliseconds per stage, for `--timings` and the benchmark. */
  readonly timings: Readonly<Record<string, number>>;
  /** The copied files among `files` (publication images): output path -> absolute source path. */
  readonly copies?: ReadonlyMap<string, string> | undefined;
  /** The variants the files declare (`variants:`). */
  readonly variants?: readonly string[] | undefined;
}

export interface BuildResult extends RenderCvResult {
  /**
   * Absolute paths written. Empty when blocked, except after a write that failed half-way (a rename
   * refused): then the outputs already replaced (`blocked` is true, every other output is unchanged).
   */
  readonly written: readonly string[];
}

/** An error blocks the output; with `strict` (`--strict`), any diagnostic does (each is then an error). */
export function blocksOutput(diagnostics: readonly Diagnostic[], strict: boolean | undefined): boolean {
  return strict ? diagnostics.length > 0 : diagnostics.some((d) => d.severity === 'error');
}

export async function renderCv(options: BuildOptions): Promise<RenderCvResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = (timings[name] ?? 0) + performance.now() - start;
    }
  };
  const blocks = (diagnostics: readonly Diagnostic[]) => blocksOutput(diagnostics, options.strict);

  const load = options.load ?? loadCv;
  const tryLoad = await time('load', () =>
    guarded('load', () =>
      load(options.files, {
        lenient: options.lenient,
        allowRead: options.allowRead,
        variant: options.variant,
      }),
    ),
  );
  const loaded: LoadResult = tryLoad.ok
    ? tryLoad.value
    : { diagnostics: [tryLoad.diagnostic], sources: new Map<string, string>() };
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  // `--strict`: every warning is reported as an error, so the CLI, the browser overlay and library callers agree.
  const reported = (all: readonly Diagnostic[]) => (options.strict ? warningsAsErrors(all) : all);
  if (!loaded.cv || blocks(diagnostics)) {
    return {
      diagnostics: reported(diagnostics),
      sources: loaded.sources,
      blocked: true,
      files: [],
      timings,
      variants: loaded.variants,
    };
  }
  let cv = loaded.cv;
  if (options.enrich) {
    const settings = options.enrich;
    const enriched = await time('enrich', () => guarded('enrich', () => enrichCv(cv, settings)));
    if (enriched.ok) {
      cv = enriched.value.cv;
      diagnostics.push(...enriched.value.diagnostics);
    } else diagnostics.push(enriched.diagnostic);
  }

  const files = new Map<string, OutputFile>();
  const copies = new Map<string, string>();
  // Not for a build already blocked (`--strict` and an enrichment warning): its outputs are never written.
  if (!blocks(diagnostics)) options.onReady?.(cv);
  const rendered = await guarded('render', () => renderTargets(cv, options.targets, options, timings));
  if (rendered.ok) {
    for (const file of rendered.value.files) {
      const named = options.variant === undefined ? file : { ...file, path: variantPath(file.path, options) };
      files.set(named.path, named);
    }
    diagnostics.push(...rendered.value.diagnostics);
  } else diagnostics.push(rendered.diagnostic);
  if (options.targets.includes('md') || options.targets.includes('html')) {
    const images = await guarded('publication images', () => publicationImages(cv));
    if (images.ok) {
      for (const file of images.value.files) {
        files.set(file.path, file);
        copies.set(file.path, path.resolve(cv.baseDir, file.path));
      }
      diagnostics.push(...images.value.diagnostics);
    } else diagnostics.push(images.diagnostic);
  }
  const blocked = blocks(diagnostics);
  return {
    diagnostics: reported(diagnostics),
    sources: loaded.sources,
    cv,
    blocked,
    files: blocked ? [] : [...files.values()],
    timings,
    copies,
    variants: loaded.variants,
  };
}

/**
 * Where a variant's output goes: the page `short.html` (`cv-short.html` when the page itself is named
 * `short.html`), every other file `<name>-short.<ext>` (`cv-short.pdf`, `cv-short.md`).
 */
export function variantPath(file: string, options: Pick<BuildOptions, 'variant' | 'htmlFileName'>): string {
  const variant = options.variant as string;
  const dir = path.posix.dirname(file);
  const base = path.posix.basename(file);
  const page = options.htmlFileName ?? 'index.html';
  const inDir = (name: string) => (dir === '.' ? name : `${dir}/${name}`);
  if (file === page && `${variant}.html` !== page) return inDir(`${variant}.html`);
  const ext = path.posix.extname(base);
  return inDir(`${base.slice(0, base.length - ext.length)}-${variant}${ext}`);
}

/**
 * `vita build`: the full CV and every variant the files declare, written together (nothing is written
 * when any of them has an error). With `options.variant`, that variant only.
 */
export async function buildVariants(options: BuildOptions): Promise<BuildResult> {
  if (options.variant !== undefined) return build(options);
  const full = await renderCv(options);
  const names = full.variants ?? [];
  if (names.length === 0 || full.blocked) return write(options, full);
  const others = await Promise.all(names.map((variant) => renderCv({ ...options, variant })));
  const all = [full, ...others];
  const seen = new Set<string>();
  const diagnostics = all
    .flatMap((r) => r.diagnostics)
    .filter((d) => {
      // The same file read for each variant reports the same problem each time: once is enough.
      const key = JSON.stringify([d.severity, d.code, d.message, d.position]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const blocked = all.some((r) => r.blocked);
  const timings: Record<string, number> = {};
  for (const r of all) for (const [k, ms] of Object.entries(r.timings)) timings[k] = (timings[k] ?? 0) + ms;
  const combined: RenderCvResult = {
    diagnostics,
    sources: new Map(all.flatMap((r) => [...r.sources])),
    cv: full.cv,
    blocked,
    files: blocked ? [] : [...new Map(all.flatMap((r) => r.files.map((f) => [f.path, f] as const))).values()],
    timings,
    copies: new Map(all.flatMap((r) => [...(r.copies ?? new Map<string, string>())])),
    variants: names,
  };
  return blocked ? { ...combined, written: [] } : write(options, combined);
}

/**
 * Readies `targets` for a process that renders them again and again (watch mode: the Typst worker keeps its
 * caches between compiles).
 */
export async function prewarmForRepeatedRenders(
  targets: readonly TargetName[],
  options: Pick<BuildOptions, 'pdfEngine'>,
): Promise<void> {
  const engine = { pdfEngine: options.pdfEngine ?? DEFAULT_PDF_ENGINE };
  await Promise.all(targets.map((name) => prewarmTarget(name, engine, { repeated: true })));
}

/**
 * Renders the given targets of a resolved CV. Two targets may ship the same asset (an image): the last one
 * wins. Adds each target's time (and inner steps such as `typst compile`) to `timings`.
 */
export async function renderTargets(
  cv: Cv,
  targets: readonly TargetName[],
  options: Pick<BuildOptions, 'now' | 'outDir' | 'baseUrl' | 'pdfEngine' | 'htmlFileName'>,
  timings: Record<string, number>,
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const renderOptions: RenderOptions = {
    now: options.now,
    outDir: path.resolve(options.outDir),
    baseUrl: options.baseUrl,
    pdfEngine: options.pdfEngine ?? DEFAULT_PDF_ENGINE,
    htmlFileName: options.htmlFileName ?? 'index.html',
  };
  const renderStart = performance.now();
  // All targets start together, the PDF first: the Typst worker typesets while this thread renders the
  // others. Results are taken in target order, so the output does not depend on timing.
  const startOrder = [...targets].sort((a, b) => Number(b === 'pdf') - Number(a === 'pdf'));
  const byTarget = new Map<TargetName, Promise<RenderResult>>();
  for (const name of startOrder) byTarget.set(name, renderOne(name));
  const results = await Promise.all(targets.map((name) => byTarget.get(name) as Promise<RenderResult>));
  timings['render (wall)'] = (timings['render (wall)'] ?? 0) + performance.now() - renderStart;

  async function renderOne(name: TargetName): Promise<RenderResult> {
    let start = performance.now();
    try {
      const target = await loadTarget(name, renderOptions);
      // Timed from here: a synchronous render's own time; an asynchronous one (the Typst worker) until done.
      start = performance.now();
      const pending = target.render(cv, renderOptions);
      const result = pending instanceof Promise ? await pending : pending;
      timings[`render:${name}`] = (timings[`render:${name}`] ?? 0) + performance.now() - start;
      return result;
    } catch (cause) {
      timings[`render:${name}`] = (timings[`render:${name}`] ?? 0) + performance.now() - start;
      if (process.env.VITA_DEBUG) throw cause;
      return { files: [], diagnostics: [internalError(`the ${name} target`, cause)] };
    }
  }
  const files = new Map<string, OutputFile>();
  const diagnostics: Diagnostic[] = [];
  for (const result of results) {
    for (const file of result.files) files.set(file.path, file);
    diagnostics.push(...result.diagnostics);
    for (const [step, ms] of Object.entries(result.timings ?? {})) timings[step] = (timings[step] ?? 0) + ms;
  }
  return { files: [...files.values()], diagnostics };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  return write(options, await renderCv(options));
}

/** Writes what `renderCv` rendered (unless blocked), refusing to overwrite an input. */
async function write(options: BuildOptions, rendered: RenderCvResult): Promise<BuildResult> {
  if (rendered.blocked) return { ...rendered, written: [] };
  const tried = await guarded('write', () =>
    writeGuarded({
      outDir: options.outDir,
      files: rendered.files,
      copies: rendered.copies,
      inputs: inputFiles({
        yamlFiles: options.files,
        sources: rendered.sources.keys(),
        cv: rendered.cv,
        cacheDir: options.enrich?.cacheDir,
      }),
    }),
  );
  if (!tried.ok) {
    const diagnostics = [...rendered.diagnostics, tried.diagnostic];
    return { ...rendered, diagnostics, blocked: true, files: [], written: [] };
  }
  const outcome = tried.value;
  const diagnostics = [...rendered.diagnostics, ...outcome.diagnostics];
  if (outcome.failed) return { ...rendered, diagnostics, blocked: true, files: [], written: outcome.written };
  return {
    ...rendered,
    diagnostics,
    written: outcome.written,
    timings: { ...rendered.timings, write: outcome.ms },
  };
}
