/** One section: its type (from `type:` or its key), its value checked against the type's schema, and resolved. */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Section, SectionType } from '../model/cv.js';
import { closestMatch } from '../util/did-you-mean.js';
import type { RelativePath, ResolveContext, SectionSpec } from './context.js';
import type { MergedYaml } from './merged-yaml.js';
import { isSectionType, SECTION_SPECS, SECTION_TYPE_NAMES, sectionTypeForKey } from './registry.js';
import { displayValue, knownKeysOf, parseLeniently, type UnknownEntry } from './schema-issues.js';
import { publicationEntriesSection } from './sections/publication-entries.js';
import { richAt, urlAt } from './values.js';

export function resolveSection(
  key: string,
  rawValue: unknown,
  merged: MergedYaml,
  bag: DiagnosticBag,
  context: ResolveContext,
): Section | undefined {
  let value = rawValue;
  let type: SectionType | undefined;
  let valuePath: (string | number)[] = [key];
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'type' in value) {
    const declared = (value as { type: unknown }).type;
    if (typeof declared !== 'string' || !isSectionType(declared)) {
      const suggestion =
        typeof declared === 'string' ? closestMatch(declared, SECTION_TYPE_NAMES) : undefined;
      bag.error({
        code: 'unknown-section-type',
        message: `section \`${key}\`: unknown type \`${String(declared)}\``,
        position: merged.positionOf([key, 'type']),
        hints: suggestion ? [`did you mean \`${suggestion}\`?`] : [`types: ${SECTION_TYPE_NAMES.join(', ')}`],
      });
      return undefined;
    }
    type = declared;
    if (type !== 'publications') {
      const { type: _ignored, items, ...rest } = value as Record<string, unknown>;
      const extra = Object.keys(rest).filter((k) => k !== 'title');
      for (const k of extra) {
        bag.error({
          code: 'unknown-key',
          message: `unknown key \`${k}\` in section \`${key}\` (with \`type:\`, the entries go under \`items:\`)`,
          position: merged.positionOf([key, k], { key: true }),
          hints: ['allowed next to `type:`: `items`, `title`'],
        });
      }
      value = items ?? [];
      valuePath = [key, 'items'];
    }
  } else {
    type = sectionTypeForKey(key);
    if (type === undefined) {
      type = 'items';
      const suggestion = closestMatch(key, [...SECTION_TYPE_NAMES, 'publications']);
      bag.warning({
        code: 'unknown-section',
        message: `section \`${key}\` has no known type; it is shown as a plain list`,
        position: merged.positionOf([key], { key: true }),
        hints: [
          suggestion
            ? `did you mean \`${suggestion}\`? Or set the type explicitly: \`${key}: {type: ${suggestion}, items: [...]}\``
            : `set the type explicitly: \`${key}: {type: positions, items: [...]}\` (types: ${SECTION_TYPE_NAMES.join(', ')})`,
        ],
      });
    }
  }
  // A publications section written as YAML entries (bamos/cv 2013-2014, forks) rather than naming .bib files.
  const spec: SectionSpec<Section> =
    type === 'publications' && Array.isArray(value) ? publicationEntriesSection : SECTION_SPECS[type];
  const parsed = parseLeniently(spec.schema, value, {
    prefix: valuePath,
    data: value,
    positionOf: (p, o) => merged.positionOf(p, o),
    knownKeys: knownKeysOf(spec.schema),
    unknownKeysShown: spec.showsUnknownKeys === true,
  });
  bag.addAll(parsed.diagnostics);
  if (!parsed.success) return undefined;
  const at = (rel: RelativePath) => [...valuePath, ...rel];
  const rich = (v: string | null | undefined, rel: RelativePath) => richAt(v, at(rel), merged, bag);
  const unknownByPath = new Map<string, UnknownEntry[]>();
  for (const entry of parsed.unknown) {
    const id = JSON.stringify(entry.path);
    unknownByPath.set(id, [...(unknownByPath.get(id) ?? []), entry]);
  }
  const sectionContext: ResolveContext = {
    ...context,
    ...(valuePath.length > 1
      ? {
          rich: (v, rel, options) => richAt(v, at(rel), merged, bag, options),
          url: (v, rel) => urlAt(v, at(rel), merged, bag),
          position: (rel) => merged.positionOf(at(rel)),
        }
      : {}),
    unknownLines: (rel) =>
      (unknownByPath.get(JSON.stringify(rel)) ?? []).flatMap((entry) => {
        const text = displayValue(entry.value);
        if (text === '') return [];
        // The value's markup is parsed in place; the key is plain text in front of it.
        const value = rich(text, [...rel, entry.key]);
        return [[{ type: 'text', value: `${entry.key}: ` }, ...value]];
      }),
  };
  return spec.resolve(parsed.data, sectionContext) as Section;
}
