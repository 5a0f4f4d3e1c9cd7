/** `vita build [YAML...]`: render the CV into the output folder. */
import path from 'node:path';
import { buildVariants } from '../../pipeline/build.js';
import type { EnrichSettings } from '../../pipeline/enrich-cv.js';
import { isTargetName, prewarmTarget, TARGET_NAMES } from '../../render/registry.js';
import type { PdfEngine, TargetName } from '../../render/shared/target.js';
import { resolveBuildDate } from '../../util/dates.js';
import { closestMatch } from '../../util/did-you-mean.js';
import type { BuildCommandOptions } from '../options.js';
import { type Io, reportDiagnostics } from '../report.js';
import { UsageError } from '../usage-error.js';

export function parseTargets(only: string | undefined): TargetName[] {
  if (only === undefined) return [...TARGET_NAMES];
  const names = only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw new UsageError('--only needs at least one target', `targets: ${TARGET_NAMES.join(', ')}`);
  for (const name of names) {
    if (!isTargetName(name)) {
      const suggestion = closestMatch(name, TARGET_NAMES);
      throw new UsageError(
        `unknown target \`${name}\` in --only`,
        suggestion
          ? `did you mean \`${suggestion}\`? (targets: ${TARGET_NAMES.join(', ')})`
          : `targets: ${TARGET_NAMES.join(', ')}`,
      );
    }
  }
  return [...new Set(names)] as TargetName[];
}

export function enrichSettingsFrom(io: Io, firstYaml: string, options: BuildCommandOptions): EnrichSettings {
  const env = io.env;
  const settings: EnrichSettings = {
    cacheDir: options.cacheDir
      ? path.resolve(io.cwd, options.cacheDir)
      : path.join(path.dirname(path.resolve(io.cwd, firstYaml)), '.vita-cache'),
    offline: options.offline ?? false,
    refresh: options.refresh ?? false,
    quiet: options.quiet ?? false,
    progressStream: io.stderr,
  };
  const optional: [keyof EnrichSettings, string | undefined][] = [
    ['githubToken', env.GITHUB_TOKEN],
    ['githubApiUrl', env.VITA_GITHUB_API_URL],
    ['githubGraphqlUrl', env.VITA_GITHUB_GRAPHQL_URL],
    ['openAlexUrl', env.VITA_OPENALEX_URL],
    ['semanticScholarUrl', env.VITA_SEMANTIC_SCHOLAR_URL],
    ['scholarUrl', env.VITA_SCHOLAR_URL],
  ];
  for (const [key, value] of optional)
    if (value) (settings as unknown as Record<string, unknown>)[key] = value;
  return settings;
}

/** The command-line checks `build` and `watch` share; each failure is a usage error (exit 2). */
export function validateBuildOptions(
  io: Io,
  options: BuildCommandOptions,
): { targets: TargetName[]; now: Date; pdfEngine: PdfEngine } {
  const targets = parseTargets(options.only);
  const now = resolveBuildDate(options.date, io.env, () => new Date());
  if (now === undefined) {
    throw new UsageError(
      options.date !== undefined
        ? `--date: \`${options.date}\` is not a date`
        : 'SOURCE_DATE_EPOCH must be whole seconds',
      'write the date as YYYY-MM-DD',
    );
  }
  if (options.pdfEngine !== 'typst' && options.pdfEngine !== 'latex') {
    throw new UsageError(`--pdf-engine: unknown engine \`${options.pdfEngine}\``, 'engines: typst, latex');
  }
  const htmlName = options.htmlName ?? 'index.html';
  if (htmlName === '' || htmlName === '.' || htmlName === '..' || /[/\\]/.test(htmlName)) {
    throw new UsageError(
      `--html-name: \`${htmlName}\` is not a file name`,
      'give a plain name such as index.html',
    );
  }
  return { targets, now, pdfEngine: options.pdfEngine };
}

export async function runBuild(io: Io, yamls: string[], options: BuildCommandOptions): Promise<number> {
  const { targets, now, pdfEngine } = validateBuildOptions(io, options);
  // Load the PDF compiler (Typst, on its own thread) while the CV is read (see startTypstWorker). Awaited:
  // reading the CV blocks this thread, and a worker started after it (as it was) gained nothing.
  if (targets.includes('pdf')) await prewarmTarget('pdf', { pdfEngine });
  const files = (yamls.length > 0 ? yamls : ['cv.yaml']).map((f) => path.resolve(io.cwd, f));
  const result = await buildVariants({
    files,
    outDir: path.resolve(io.cwd, options.out),
    targets,
    now,
    lenient: options.lenient,
    allowRead: options.allowRead?.map((f) => path.resolve(io.cwd, f)),
    pdfEngine,
    baseUrl: options.baseUrl,
    htmlFileName: options.htmlName,
    enrich: enrichSettingsFrom(io, files[0] as string, options),
    strict: options.strict,
    variant: options.variant,
  });
  reportDiagnostics(io, result.diagnostics, result.sources, { verbose: options.verbose });
  const failed = result.blocked;
  if (options.timings) {
    for (const [stage, ms] of Object.entries(result.timings))
      io.stderr.write(`${stage.padEnd(14)} ${ms.toFixed(1)} ms\n`);
  }
  const shown = result.written
    .map((f) => {
      const rel = path.relative(io.cwd, f);
      return rel && !rel.startsWith('..') ? rel : f;
    })
    .sort();
  if (failed) {
    // A rename that failed half-way leaves some outputs new: say exactly which.
    io.stderr.write(
      shown.length === 0
        ? 'nothing was written\n'
        : `only these files were replaced: ${shown.join(', ')}; every other output is unchanged\n`,
    );
    return 1;
  }
  if (!options.quiet) io.stdout.write(`wrote ${shown.join(', ')}\n`);
  return 0;
}
