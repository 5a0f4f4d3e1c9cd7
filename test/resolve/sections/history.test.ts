/**
 * bamos/cv's own cv.yaml through 13 years (../shared/corpus/bamos-cv-history): every section of every
 * version that the YAML reader reads resolves without an error, whether or not its `order` shows it.
 * Publications sections are checked by test/publications; files the YAML reader refuses are skipped here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, error } from '../../../src/diagnostics/diagnostic.js';
import { YamlSource } from '../../../src/load/yaml-source.js';
import type { ResolveContext } from '../../../src/resolve/context.js';
import { MergedYaml } from '../../../src/resolve/merged-yaml.js';
import { sectionTypeForKey } from '../../../src/resolve/registry.js';
import { resolveSection } from '../../../src/resolve/section.js';
import { TOP_LEVEL_KEYS } from '../../../src/resolve/top-level.js';
import { richAt, urlAt } from '../../../src/resolve/values.js';
import { HISTORY_DIR, historyPresent } from '../../helpers/history.js';

const HISTORY = HISTORY_DIR;
const cases = historyPresent('section shapes of the bamos/cv history')
  ? readdirSync(HISTORY).filter((c) => existsSync(path.join(HISTORY, c, 'cv.yaml')))
  : [];

function sectionDiagnostics(file: string) {
  const { source, diagnostics } = YamlSource.parse(file, readFileSync(file, 'utf8'));
  if (diagnostics.some((d) => d.severity === 'error')) return undefined;
  const merged = new MergedYaml([source]);
  const out: { key: string; type: string; errors: string[]; warnings: string[] }[] = [];
  for (const key of merged.keyOrder) {
    if (TOP_LEVEL_KEYS.has(key) || key.includes('publications') || key === 'publication_config') continue;
    const bag = new DiagnosticBag();
    const context: ResolveContext = {
      key,
      diagnostics: bag,
      rich: (v, rel) => richAt(v, [key, ...rel], merged, bag),
      url: (v, rel) => urlAt(v, [key, ...rel], merged, bag),
      position: (rel) => merged.positionOf([key, ...rel]),
      baseDir: path.dirname(file),
      yamlFile: file,
      lenient: false,
      social: {},
      readTextFile: () => ({ ok: false, diagnostic: error({ code: 'internal', message: 'not read here' }) }),
      fileExists: () => false,
      ownerNames: [],
    };
    const section = resolveSection(key, merged.data[key], merged, bag, context);
    out.push({
      key,
      type: section?.type ?? 'none',
      errors: bag.items.filter((d) => d.severity === 'error').map((d) => d.message),
      warnings: bag.items.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.message}`),
    });
  }
  return out;
}

describe.skipIf(cases.length === 0)(
  'bamos/cv history (skipped: ../shared/corpus/bamos-cv-history is absent)',
  () => {
    const read = cases.flatMap((c) => {
      const result = sectionDiagnostics(path.join(HISTORY, c, 'cv.yaml'));
      return result ? [{ c, sections: result }] : [];
    });

    it('reads most versions (the rest wait for the YAML reader)', () => {
      expect(read.length).toBeGreaterThanOrEqual(20);
    });

    it('resolves every section of every version read, without an error', () => {
      const errors = read.flatMap(({ c, sections }) =>
        sections.flatMap((s) => s.errors.map((e) => `${c} ${s.key}: ${e}`)),
      );
      expect(errors).toEqual([]);
    });

    it('warns only about sections without a known type (activities, selected_repos, ...) and lists in about', () => {
      const warnings = new Set(
        read.flatMap(({ sections }) =>
          sections.flatMap((s) =>
            s.warnings.map((w) => `${w.split(' ')[0]}${w.startsWith('markup') ? ` ${s.key}` : ''}`),
          ),
        ),
      );
      // The about text's `<ol>`/`<li>` show on the web page; the print targets keep their text and say so.
      expect([...warnings].sort()).toEqual(['markup about', 'markup about_old', 'unknown-section']);
    });

    it('shows old shapes with the right type: coursework entries, job-shaped teaching, projects as positions', () => {
      const types = new Map<string, Set<string>>();
      for (const { sections } of read)
        for (const s of sections) types.set(s.key, new Set([...(types.get(s.key) ?? []), s.type]));
      expect([...(types.get('coursework') ?? [])]).toEqual(['coursework']);
      expect([...(types.get('teaching') ?? [])].sort()).toEqual(['positions', 'teaching']);
      expect([...(types.get('projects') ?? [])]).toEqual(['positions']);
      expect(sectionTypeForKey('interests')).toBe('skills');
    });
  },
);
