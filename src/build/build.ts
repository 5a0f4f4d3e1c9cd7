/**
 * One build: load -> resolve -> enrich -> render the selected targets -> write. Every problem of the run is
 * collected; when any is an error, nothing is written.
 */
import path from 'node:path';
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import type { Cv } from '../model/cv.js';
import { loadTarget } from '../render/registry.js';
import type { OutputFile, RenderOptions, TargetName } from '../render/target.js';
import { type EnrichSettings, enrichCv } from './enrich-cv.js';
import { loadCv } from './load-cv.js';
import { publicationImages } from './publication-images.js';
import { writeOutputs } from './write-outputs.js';

export interface BuildOptions {
  readonly files: readonly string[];
  readonly outDir: string;
  readonly targets: readonly TargetName[];
  readonly now: Date;
  readonly lenient?: boolean | undefined;
  readonly pdfEngine?: 'typst' | 'latex' | undefined;
  readonly baseUrl?: string | undefined;
  readonly htmlFileName?: string | undefined;
  readonly enrich?: EnrichSettings | undefined;
  /** Treat warnings as errors: write nothing when there is any (`--strict`, for CI). */
  readonly strict?: boolean | undefined;
}

export interface BuildResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  /** Absolute paths written (empty when there were errors). */
  readonly written: readonly string[];
  readonly cv?: Cv | undefined;
  /** Milliseconds per stage, for `--timings` and the benchmark. */
  readonly timings: Readonly<Record<string, number>>;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = (timings[name] ?? 0) + performance.now() - start;
    }
  };

  const loaded = await time('load', () => loadCv(options.files, { lenient: options.lenient }));
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (!loaded.cv || diagnostics.some((d) => d.severity === 'error' || options.strict)) {
    return { diagnostics, sources: loaded.sources, written: [], timings };
  }
  let cv = loaded.cv;
  if (options.enrich) {
    const settings = options.enrich;
    const enriched = await time('enrich', () => enrichCv(cv, settings));
    cv = enriched.cv;
    diagnostics.push(...enriched.diagnostics);
  }

  const renderOptions: RenderOptions = {
    now: options.now,
    outDir: path.resolve(options.outDir),
    baseUrl: options.baseUrl,
    pdfEngine: options.pdfEngine ?? 'typst',
    htmlFileName: options.htmlFileName ?? 'index.html',
  };
  const files: OutputFile[] = [];
  for (const name of options.targets) {
    await time(`render:${name}`, async () => {
      try {
        const target = await loadTarget(name, renderOptions);
        const result = await target.render(cv, renderOptions);
        files.push(...result.files);
        diagnostics.push(...result.diagnostics);
        for (const [step, ms] of Object.entries(result.timings ?? {}))
          timings[step] = (timings[step] ?? 0) + ms;
      } catch (cause) {
        diagnostics.push(
          error({
            code: 'internal',
            message: `the ${name} target failed: ${(cause as Error).message}`,
            hints: ['this is a bug in vita; please report it with the input that triggers it'],
          }),
        );
        if (process.env.VITA_DEBUG) throw cause;
      }
    });
  }
  if (options.targets.includes('md') || options.targets.includes('html')) {
    const images = publicationImages(cv);
    files.push(...images.files);
    diagnostics.push(...images.diagnostics);
  }
  const blocking = options.strict ? diagnostics.length > 0 : diagnostics.some((d) => d.severity === 'error');
  if (blocking) return { diagnostics, sources: loaded.sources, written: [], cv, timings };
  const written = await time('write', () => writeOutputs(options.outDir, dedupeFiles(files)));
  return { diagnostics, sources: loaded.sources, written, cv, timings };
}

/** Two targets may ship the same asset (an image); the last one wins, written once. */
function dedupeFiles(files: readonly OutputFile[]): OutputFile[] {
  const byPath = new Map<string, OutputFile>();
  for (const f of files) byPath.set(f.path, f);
  return [...byPath.values()];
}
