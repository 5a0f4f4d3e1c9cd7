/**
 * A build that writes nothing: load (or a caller's cached loader) -> enrich -> render every target, with the
 * files returned instead of written. `vita check` validates with it; watch mode writes its files itself
 * after each rebuild. Same stages and rules as `build()`: an error anywhere blocks the output.
 */
import path from 'node:path';
import type { BuildOptions } from '../build/build.js';
import { enrichCv } from '../build/enrich-cv.js';
import { type LoadOptions, type LoadResult, loadCv } from '../build/load-cv.js';
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import type { Cv } from '../model/cv.js';
import { loadTarget } from '../render/registry.js';
import type { OutputFile, RenderOptions } from '../render/target.js';

export type Loader = (files: readonly string[], options: LoadOptions) => LoadResult;

export interface DryBuildOptions extends BuildOptions {
  /** Reads and resolves the YAML files; default `loadCv` (watch mode passes one that caches parsed files). */
  readonly load?: Loader | undefined;
}

export interface DryBuildResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly cv?: Cv | undefined;
  /** An error (or with `strict`, any diagnostic) blocks the output: nothing may be written. */
  readonly blocked: boolean;
  /** The rendered files (empty when blocked). */
  readonly files: readonly OutputFile[];
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>;
}

export async function dryBuild(options: DryBuildOptions): Promise<DryBuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = (timings[name] ?? 0) + performance.now() - start;
    }
  };
  const blocks = (diagnostics: readonly Diagnostic[]): boolean =>
    options.strict ? diagnostics.length > 0 : diagnostics.some((d) => d.severity === 'error');

  const load = options.load ?? loadCv;
  const loaded = await time('load', () => load(options.files, { lenient: options.lenient }));
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (!loaded.cv || blocks(diagnostics))
    return { diagnostics, sources: loaded.sources, blocked: true, files: [], timings };
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
  // Two targets may ship the same asset (an image): the last one wins, written once.
  const files = new Map<string, OutputFile>();
  for (const name of options.targets) {
    await time(`render:${name}`, async () => {
      try {
        const result = await (await loadTarget(name, renderOptions)).render(cv, renderOptions);
        for (const file of result.files) files.set(file.path, file);
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
  const blocked = blocks(diagnostics);
  return {
    diagnostics,
    sources: loaded.sources,
    cv,
    blocked,
    files: blocked ? [] : [...files.values()],
    timings,
  };
}
