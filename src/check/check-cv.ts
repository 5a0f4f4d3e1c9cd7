/**
 * `vita check`: everything a build validates (inputs, every target rendered in memory, nothing written),
 * and with `links` every web link of the CV fetched (see link-checker.ts). Broken links are errors at the
 * place they are written.
 */

import { type Diagnostic, error, warning, warningsAsErrors } from '../diagnostics/diagnostic.js';
import { YamlSource } from '../load/yaml-source.js';
import type { Cv } from '../model/cv.js';
import { type BuildOptions, renderCv } from '../pipeline/build.js';
import { displayPath } from '../pipeline/load-cv.js';
import { collectLinks, type LinkOccurrence } from './collect-links.js';
import { LinkChecker, type LinkCheckOptions, type LinkStatus } from './link-checker.js';
import { parseSkipList } from './skip-list.js';

export interface CheckCvOptions extends BuildOptions {
  /** Check the links too (`--links`). */
  readonly links?: LinkCheckOptions | undefined;
}

export interface RedirectedLink {
  readonly occurrence: LinkOccurrence;
  readonly finalUrl: string;
}

export interface LinkReport {
  /** Distinct URLs fetched. */
  readonly checked: number;
  readonly ok: number;
  readonly broken: number;
  readonly unverified: number;
  /** Distinct URLs left out by `check.skip`. */
  readonly skipped: number;
  /** Places of links that work through a redirect: worth updating to the final URL. */
  readonly redirected: readonly RedirectedLink[];
}

export interface CheckCvResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  /** Present when links were checked (they are not when the CV has errors). */
  readonly links?: LinkReport | undefined;
}

export async function checkCv(options: CheckCvOptions): Promise<CheckCvResult> {
  const result = await checkAll(options);
  // `--strict` turns the warnings into errors only now, so that warnings do not stop the link check.
  return options.strict ? { ...result, diagnostics: warningsAsErrors(result.diagnostics) } : result;
}

async function checkAll(options: CheckCvOptions): Promise<CheckCvResult> {
  const built = await renderCv({ ...options, enrich: undefined, strict: false });
  const diagnostics = [...built.diagnostics];
  const sources = new Map(built.sources);
  if (!options.links || !built.cv || diagnostics.some((d) => d.severity === 'error'))
    return { diagnostics, sources };

  const yaml = options.files.flatMap((file) => {
    const shown = displayPath(file);
    const text = sources.get(shown);
    return text === undefined ? [] : [YamlSource.parse(shown, text).source];
  });
  const collected = collectLinks({
    yaml,
    sectionKeys: new Set(built.cv.sections.keys()),
    publicationKeys: publicationKeys(built.cv),
    baseDir: built.cv.baseDir,
  });
  for (const [file, text] of collected.sources) sources.set(file, text);
  diagnostics.push(...collected.diagnostics);

  const skip = skipRules(yaml);
  diagnostics.push(...skip.diagnostics);
  if (skip.diagnostics.length > 0) return { diagnostics, sources };
  const isSkipped = (url: string) => skip.rules.some((rule) => rule(url));
  const wanted = collected.links.filter((o) => !isSkipped(o.url));
  const skipped = new Set(collected.links.map((o) => o.url).filter(isSkipped)).size;
  const statuses = await new LinkChecker(options.links).checkAll(wanted.map((o) => o.url));
  const redirected: RedirectedLink[] = [];
  for (const occurrence of wanted) {
    const status = statuses.get(occurrence.url) as LinkStatus;
    if (status.kind === 'ok') {
      if (status.finalUrl !== occurrence.url) redirected.push({ occurrence, finalUrl: status.finalUrl });
      continue;
    }
    diagnostics.push(linkDiagnostic(occurrence, status));
  }
  const counts = { ok: 0, broken: 0, unverified: 0 };
  for (const status of statuses.values()) counts[status.kind]++;
  return { diagnostics, sources, links: { checked: statuses.size, ...counts, skipped, redirected } };
}

function publicationKeys(cv: Cv): Set<string> {
  return new Set([...cv.sections].filter(([, s]) => s.type === 'publications').map(([key]) => key));
}

/** `check.skip` of the file that sets `check` (the last one, as for every top-level key). */
function skipRules(yaml: readonly YamlSource[]) {
  const owner = [...yaml].reverse().find((s) => s.topLevelKeys().includes('check'));
  const data = owner?.toData() as { check?: { skip?: unknown } | null } | undefined;
  const entries = Array.isArray(data?.check?.skip)
    ? (data.check.skip as unknown[]).filter((e) => typeof e === 'string')
    : [];
  return parseSkipList(entries as string[], (i) => owner?.positionOf(['check', 'skip', i]));
}

function linkDiagnostic(occurrence: LinkOccurrence, status: Exclude<LinkStatus, { kind: 'ok' }>): Diagnostic {
  const hints =
    status.finalUrl !== undefined && status.finalUrl !== occurrence.url
      ? [`it redirects to ${status.finalUrl}`]
      : [];
  if (status.kind === 'unverified') {
    return warning({
      code: 'link-unverified',
      message: `link not verified: ${occurrence.url} (${status.reason}: the server refuses automated checks)`,
      position: occurrence.position,
      hints: [...hints, 'open it in a browser; add it to `check: {skip: [...]}` to stop checking it'],
    });
  }
  return error({
    code: 'broken-link',
    message: `broken link: ${occurrence.url} (${status.reason})`,
    position: occurrence.position,
    hints: [...hints, 'fix or remove the link; add it to `check: {skip: [...]}` if it is expected to fail'],
  });
}
