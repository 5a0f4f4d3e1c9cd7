/** Text and URLs read at a YAML path: markup parsed, URLs checked, problems reported at their position. */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { parseInlineDetailed } from '../inline/parse.js';
import type { YamlPath } from '../load/yaml-source.js';
import type { RichText } from '../model/cv.js';
import { safeUrl } from '../util/safe-url.js';
import type { MergedYaml } from './merged-yaml.js';
import { describePath } from './schema-issues.js';

/** Parses markup at a YAML path; parse problems become warnings at the value's position. */
export function richAt(
  value: string | null | undefined,
  at: YamlPath,
  merged: MergedYaml,
  bag: DiagnosticBag,
): RichText {
  if (value === null || value === undefined || value === '') return [];
  const { nodes, problems } = parseInlineDetailed(value);
  for (const p of problems) {
    bag.warning({
      code: 'markup',
      message: `${describePath(at)}: ${p.message}`,
      position: merged.positionInValue(at, p.offset),
      hints: p.hint ? [p.hint] : [],
    });
  }
  return nodes;
}

export function urlAt(
  value: string | null | undefined,
  at: YamlPath,
  merged: MergedYaml,
  bag: DiagnosticBag,
): string | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const safe = safeUrl(value);
  if (safe === undefined) {
    bag.warning({
      code: 'unsafe-url',
      message: `${describePath(at)}: the URL \`${value.slice(0, 60)}\` is not linked (only http, https, mailto and relative links are)`,
      position: merged.positionOf(at),
    });
  }
  return safe;
}
