/** One section: its type (from `type:` or its key), its value checked against the type's schema, and resolved. */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Section, SectionType } from '../model/cv.js';
import { closestMatch } from '../util/did-you-mean.js';
import type { RelativePath, ResolveContext, SectionSpec } from './context.js';
import type { MergedYaml } from './merged-yaml.js';
import { isSectionType, SECTION_SPECS, SECTION_TYPE_NAMES, sectionTypeForKey } from './registry.js';
import { displayValue, knownKeysOf, parseLeniently, type UnknownEntry } from './schema-issues.js';
import { genericSection } from './sections/generic.js';
import { publicationEntriesSection } from './sections/publication-entries.js';
import { richAt, urlAt } from './values.js';

/** How many schema differences of a generically rendered section are reported one by one. */
const MAX_SHAPE_WARNINGS = 5;

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
      bag.warning({
        code: 'unknown-section-type',
        message: `section \`${key}\`: unknown type \`${String(declared)}\`; it is rendered generically`,
        position: merged.positionOf([key, 'type']),
        hints: suggestion ? [`did you mean \`${suggestion}\`?`] : [`types: ${SECTION_TYPE_NAMES.join(', ')}`],
      });
      const { type: _ignored, ...rest } = value as Record<string, unknown>;
      // `{type: x, items: [...]}` (and a `title:`): the entries are under `items:`
      const onlyItems = Object.keys(rest).every((k) => k === 'items' || k === 'title') && 'items' in rest;
      return onlyItems
        ? resolveGeneric(rest.items, merged, bag, context, [key, 'items'])
        : resolveGeneric(rest, merged, bag, context, [key]);
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
      const suggestion = closestMatch(key, [...SECTION_TYPE_NAMES, 'publications']);
      bag.warning({
        code: 'unknown-section',
        message: `section \`${key}\` has no known type; it is rendered generically`,
        position: merged.positionOf([key], { key: true }),
        hints: [
          suggestion
            ? `did you mean \`${suggestion}\`? Or set the type explicitly: \`${key}: {type: ${suggestion}, items: [...]}\``
            : `set the type explicitly: \`${key}: {type: positions, items: [...]}\` (types: ${SECTION_TYPE_NAMES.join(', ')})`,
        ],
      });
      return resolveGeneric(value, merged, bag, context, valuePath);
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
  if (!parsed.success) {
    // Publications read files by their config: a wrong config cannot be shown as it is.
    if (type === 'publications') {
      bag.addAll(parsed.diagnostics);
      return undefined;
    }
    // Any other shape is shown as it is, laid out generically: each problem stays a warning at its place.
    // The first few differences are enough to see the pattern; a long list would bury other warnings.
    const shown = parsed.diagnostics.slice(0, MAX_SHAPE_WARNINGS);
    bag.addAll(shown.map((d) => ({ ...d, severity: 'warning' as const })));
    const more = parsed.diagnostics.length - shown.length;
    bag.warning({
      code: 'section-generic',
      message: `section \`${key}\` does not have the shape of a \`${type}\` section; it is rendered generically`,
      position: merged.positionOf([key], { key: true }),
      hints: [
        more > 0
          ? `the warnings above say where it differs (${more} more difference${more === 1 ? '' : 's'} not listed); docs/formats.md shows the \`${type}\` shape`
          : `the warnings above say where it differs; docs/formats.md shows the \`${type}\` shape`,
        `to keep the generic layout without this warning: \`${key}: {type: generic, items: ...}\``,
      ],
    });
    return resolveGeneric(value, merged, bag, context, valuePath);
  }
  bag.addAll(parsed.diagnostics);
  const sectionContext = contextAt(valuePath, merged, bag, context);
  const unknownByPath = new Map<string, UnknownEntry[]>();
  for (const entry of parsed.unknown) {
    const id = JSON.stringify(entry.path);
    unknownByPath.set(id, [...(unknownByPath.get(id) ?? []), entry]);
  }
  const withUnknown: ResolveContext = {
    ...sectionContext,
    unknownLines: (rel) =>
      (unknownByPath.get(JSON.stringify(rel)) ?? []).flatMap((entry) => {
        const text = displayValue(entry.value);
        if (text === '') return [];
        // The value's markup is parsed in place; the key is plain text in front of it.
        const value = sectionContext.rich(text, [...rel, entry.key]);
        return [[{ type: 'text', value: `${entry.key}: ` }, ...value]];
      }),
  };
  return spec.resolve(parsed.data, withUnknown) as Section;
}

/** The context with paths relative to the section's value (`[key]`, or `[key, 'items']` with `type:`). */
function contextAt(
  valuePath: readonly (string | number)[],
  merged: MergedYaml,
  bag: DiagnosticBag,
  context: ResolveContext,
): ResolveContext {
  const at = (rel: RelativePath) => [...valuePath, ...rel];
  return valuePath.length > 1
    ? {
        ...context,
        rich: (v, rel, options) => richAt(v, at(rel), merged, bag, options),
        url: (v, rel) => urlAt(v, at(rel), merged, bag),
        position: (rel) => merged.positionOf(at(rel)),
      }
    : context;
}

function resolveGeneric(
  value: unknown,
  merged: MergedYaml,
  bag: DiagnosticBag,
  context: ResolveContext,
  valuePath: readonly (string | number)[],
): Section {
  return genericSection.resolve(value, contextAt(valuePath, merged, bag, context));
}
