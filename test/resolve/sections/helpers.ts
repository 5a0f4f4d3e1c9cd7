/** Test helpers: a cv.yaml snippet resolved through the real loader and resolver, and its Jekyll page. */
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { inlineToText as toPlainText } from '../../../src/inline/to-text.js';
import { YamlSource } from '../../../src/load/yaml-source.js';
import type { Cv, RichText, Section } from '../../../src/model/cv.js';
import { renderMarkdown } from '../../../src/render/markdown/index.js';
import { MergedYaml, resolveCv } from '../../../src/resolve/resolve-cv.js';

export interface Resolved {
  readonly cv: Cv | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** The section at `key` (throws when it did not resolve). */
  section<T extends Section['type']>(key: string, type?: T): Extract<Section, { type: T }>;
  /** The Jekyll page (throws when the CV did not resolve). */
  markdown(): string;
}

/** Resolves `name: T` + `order` over the given top-level section keys + the snippet (YAML at the top level). */
export function resolveSnippet(snippet: string, keys?: readonly string[]): Resolved {
  const sectionKeys = keys ?? [...snippet.matchAll(/^([A-Za-z_][\w-]*):/gm)].map((m) => m[1] as string);
  const text = `name: {first: Ada, last: Lovelace}\norder:\n${sectionKeys.map((k) => `  - [${k}, ${k}]`).join('\n')}\n${snippet}`;
  const { source, diagnostics: yamlDiagnostics } = YamlSource.parse('cv.yaml', text);
  if (yamlDiagnostics.some((d) => d.severity === 'error')) throw new Error(yamlDiagnostics[0]?.message);
  const result = resolveCv(new MergedYaml([source]));
  const cv = result.cv;
  return {
    cv,
    diagnostics: result.diagnostics,
    errors: result.diagnostics.filter((d) => d.severity === 'error'),
    warnings: result.diagnostics.filter((d) => d.severity === 'warning'),
    section<T extends Section['type']>(key: string, type?: T) {
      const s = cv?.sections.get(key);
      if (!s) throw new Error(`no section ${key}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
      if (type && s.type !== type) throw new Error(`section ${key} is ${s.type}, not ${type}`);
      return s as Extract<Section, { type: T }>;
    },
    markdown() {
      if (!cv) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
      return renderMarkdown(cv, { now: new Date(0) });
    },
  };
}

export const plain = (text: RichText): string => toPlainText(text);
export const plainLines = (lines: readonly RichText[]): string[] => lines.map(plain);
