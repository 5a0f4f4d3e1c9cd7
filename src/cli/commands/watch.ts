/** `vita watch [YAML...]`: build, serve with live reload, rebuild on every change; Ctrl-C stops. */
import path from 'node:path';
import { displayPath } from '../../pipeline/load-cv.js';
import { resolveBuildDate } from '../../util/dates.js';
import { startWatch, type WatchBuild } from '../../watch/index.js';
import { openBrowser } from '../../watch/open-browser.js';
import type { WatchCommandOptions } from '../options.js';
import { type Io, reportDiagnostics } from '../report.js';
import { UsageError } from '../usage-error.js';
import { enrichSettingsFrom, validateBuildOptions } from './build.js';

/** What stops watch mode: SIGINT (Ctrl-C) and SIGTERM; tests pass their own emitter. */
export interface StopSignals {
  once(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

function parsePort(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535)
    throw new UsageError(`--port: \`${text}\` is not a port number`, 'use 0 to 65535 (0: any free port)');
  return Number(text);
}

function report(io: Io, build: WatchBuild, options: WatchCommandOptions): void {
  const time = new Date().toTimeString().slice(0, 8);
  const hasErrors = reportDiagnostics(io, build.diagnostics, build.sources, {
    verbose: options.verbose,
  });
  if (options.timings) {
    for (const [stage, ms] of Object.entries(build.timings))
      io.stderr.write(`${stage.padEnd(14)} ${ms.toFixed(1)} ms\n`);
  }
  if (hasErrors) {
    io.stderr.write(`[${time}] build ${build.build} failed; the preview keeps the last good output\n`);
    return;
  }
  if (options.quiet) return;
  const what =
    build.written.length === 0
      ? 'no output changed'
      : `wrote ${build.written.map((f) => path.basename(f)).join(', ')}`;
  io.stdout.write(`[${time}] built in ${Math.round(build.ms)} ms: ${what}\n`);
}

export async function runWatch(
  io: Io,
  yamls: string[],
  options: WatchCommandOptions,
  signals: StopSignals = process,
): Promise<number> {
  const { targets, pdfEngine } = validateBuildOptions(io, options);
  const port = parsePort(options.port);
  const files = (yamls.length > 0 ? yamls : ['cv.yaml']).map((f) => path.resolve(io.cwd, f));
  const quiet = options.quiet ?? false;
  let handle: Awaited<ReturnType<typeof startWatch>>;
  try {
    handle = await startWatch({
      files,
      outDir: path.resolve(io.cwd, options.out),
      targets,
      now: () => resolveBuildDate(options.date, io.env, () => new Date()) as Date,
      lenient: options.lenient,
      allowRead: options.allowRead?.map((f) => path.resolve(io.cwd, f)),
      pdfEngine,
      baseUrl: options.baseUrl,
      htmlFileName: options.htmlName,
      enrich: enrichSettingsFrom(io, files[0] as string, options),
      strict: options.strict,
      port,
      onBuild: (build) => report(io, build, options),
      onWatchError: (problem) => reportDiagnostics(io, [problem], new Map(), { verbose: options.verbose }),
    });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`port ${port} is in use`, 'choose another with --port (0: any free port)');
    }
    throw cause;
  }
  io.stdout.write(
    `serving ${displayPath(path.resolve(io.cwd, options.out))} at ${handle.url} (PDF: ${handle.pdfUrl})\n`,
  );
  io.stdout.write(`watching ${handle.inputs().length} file(s); Ctrl-C to stop\n`);
  if (options.open) openBrowser(handle.url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      signals.off('SIGINT', stop);
      signals.off('SIGTERM', stop);
      resolve();
    };
    signals.once('SIGINT', stop);
    signals.once('SIGTERM', stop);
  });
  await handle.close();
  if (!quiet) io.stdout.write('stopped\n');
  return 0;
}
