/** `vita check [YAML...]`: validate everything without writing; `--links` also fetches every link. */
import path from 'node:path';
import { checkCv } from '../../check/check-cv.js';
import { DEFAULT_LINK_TIMEOUT_MS } from '../../check/link-checker.js';
import { createProgress, type Progress } from '../../enrich/progress.js';
import { resolveBuildDate } from '../../util/dates.js';
import type { CheckCommandOptions } from '../options.js';
import { type Io, reportDiagnostics } from '../report.js';
import { UsageError } from '../usage-error.js';
import { parseTargets } from './build.js';

/** `10`, `10s`, `1.5s`, `500ms` -> milliseconds. */
export function parseDuration(text: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(text.trim());
  if (!m)
    throw new UsageError(
      `${option}: \`${text}\` is not a duration`,
      'write seconds (10) or a number with ms or s (500ms, 2s)',
    );
  const ms = m[2] === 'ms' ? Number(m[1]) : Number(m[1]) * 1000;
  if (ms <= 0) throw new UsageError(`${option} must be more than 0`);
  return ms;
}

function parseCount(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw new UsageError(`${option}: \`${text}\` is not a whole number of 1 or more`);
  return Number(text);
}

export async function runCheck(io: Io, yamls: string[], options: CheckCommandOptions): Promise<number> {
  const targets = parseTargets(options.only);
  const timeoutMs = parseDuration(options.timeout ?? `${DEFAULT_LINK_TIMEOUT_MS}ms`, '--timeout');
  const concurrency = parseCount(options.concurrency ?? '8', '--concurrency');
  const now = resolveBuildDate(undefined, io.env, () => new Date());
  if (now === undefined) throw new UsageError('SOURCE_DATE_EPOCH must be whole seconds');
  const files = (yamls.length > 0 ? yamls : ['cv.yaml']).map((f) => path.resolve(io.cwd, f));
  let progress: Progress | undefined;
  const result = await checkCv({
    files,
    outDir: path.resolve(io.cwd, 'build'),
    targets,
    now,
    lenient: options.lenient,
    allowRead: options.allowRead?.map((f) => path.resolve(io.cwd, f)),
    strict: options.strict,
    links: options.links
      ? {
          timeoutMs,
          concurrency,
          onProgress: (done, total) => {
            progress ??= createProgress('Checking links', total, {
              stream: io.stderr,
              quiet: options.quiet ?? false,
            });
            if (done > 0) progress.advance();
          },
        }
      : undefined,
  });
  progress?.finish();
  const hasErrors = reportDiagnostics(io, result.diagnostics, result.sources, {
    verbose: options.verbose,
  });
  const links = result.links;
  if (links && !options.quiet) {
    for (const { occurrence, finalUrl } of links.redirected) {
      const p = occurrence.position;
      io.stdout.write(`${p.file}:${p.line}:${p.column}: redirects: ${occurrence.url} -> ${finalUrl}\n`);
    }
    const redirected = new Set(links.redirected.map((r) => r.occurrence.url)).size;
    io.stdout.write(
      `links: ${links.checked} checked, ${links.ok} ok (${redirected} through a redirect), ${links.broken} broken, ${links.unverified} not verified, ${links.skipped} skipped\n`,
    );
  }
  if (hasErrors) return 1;
  if (!options.quiet)
    io.stdout.write(options.links ? 'ok: the CV is valid and its links work\n' : 'ok: the CV is valid\n');
  return 0;
}
