/** Text and URLs read at a YAML path: markup parsed, URLs checked, problems reported at their position. */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { type InlineParseOptions, parseInlineDetailed, YAML_TEXT } from '../inline/parse.js';
import type { YamlPath } from '../load/yaml-source.js';
import type { RichText } from '../model/cv.js';
import { safeUrl } from '../util/safe-url.js';
import type { MergedYaml } from './merged-yaml.js';
import { describePath } from './schema-issues.js';

/** Per run (one bag), the `once` keys already reported in each file: an unknown `\foo` warns once per file. */
const reportedOnce = new WeakMap<DiagnosticBag, Set<string>>();

/**
 * Parses markup at a YAML path (LaTeX, inline HTML and Markdown, see docs/formats.md); parse problems become
 * warnings at their place inside the value. A problem about a named thing (an unknown command, an
 * unsupported tag) is reported at its first place in each file only.
 */
export function richAt(
  value: string | null | undefined,
  at: YamlPath,
  merged: MergedYaml,
  bag: DiagnosticBag,
  options: InlineParseOptions = YAML_TEXT,
): RichText {
  if (value === null || value === undefined || value === '') return [];
  const { nodes, problems } = parseInlineDetailed(value, options);
  for (const p of problems) {
    const position = merged.positionInValue(at, p.offset);
    if (p.once !== undefined) {
      const seen = reportedOnce.get(bag) ?? new Set<string>();
      reportedOnce.set(bag, seen);
      const key = `${position.file}\u0000${p.once}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    bag.warning({
      code: 'markup',
      message: `${describePath(at)}: ${p.message}`,
      position,
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
