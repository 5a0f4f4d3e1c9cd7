/**
 * From parsed YAML files to the `Cv` model: merge the files (later files win at the top level), validate
 * the person and layouts, find each referenced section's type, validate it against its schema and resolve
 * it (markup parsed, URLs checked). All problems are collected; the model is returned only without errors.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, DiagnosticBag, type SourcePosition } from '../diagnostics/diagnostic.js';
import { parseInlineDetailed } from '../inline/parse.js';
import { inlineToText } from '../inline/to-text.js';
import { readTextFile } from '../load/read-text-file.js';
import type { YamlPath, YamlSource } from '../load/yaml-source.js';
import type { Cv, LayoutEntry, Person, PrintOptions, RichText, Section, SectionType } from '../model/cv.js';
import { closestMatch } from '../util/did-you-mean.js';
import { safeUrl } from '../util/safe-url.js';
import type { ResolveContext } from './context.js';
import { isSectionType, SECTION_SPECS, SECTION_TYPE_NAMES, sectionTypeForKey } from './registry.js';
import { describePath, issuesToDiagnostics, knownKeysOf } from './schema-issues.js';
import { TOP_LEVEL_KEYS, type TopLevel, topLevelShape } from './top-level.js';

export interface ResolveOptions {
  /** Accept some incomplete data with warnings instead of errors (e.g. a publication without `_venue`). */
  readonly lenient?: boolean | undefined;
  /** Called with every file a section reads (BibTeX), so diagnostics can show code frames from it. */
  readonly onFileRead?: ((displayPath: string, text: string) => void) | undefined;
}

export interface ResolveResult {
  readonly cv?: Cv | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** The merged document: every top-level key remembers the file it came from. */
export class MergedYaml {
  readonly data: Record<string, unknown> = {};
  private readonly owners = new Map<string, YamlSource>();
  readonly keyOrder: string[] = [];

  constructor(readonly sources: readonly YamlSource[]) {
    for (const source of sources) {
      const data = source.toData();
      if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
      for (const [key, value] of Object.entries(data)) {
        if (!this.owners.has(key)) this.keyOrder.push(key);
        this.data[key] = value;
        this.owners.set(key, source);
      }
    }
  }

  get first(): YamlSource {
    return this.sources[0] as YamlSource;
  }

  positionInValue(yamlPath: YamlPath, offset: number): SourcePosition {
    return this.ownerOf(yamlPath).positionInValue(yamlPath, offset);
  }

  private ownerOf(yamlPath: YamlPath): YamlSource {
    const head = yamlPath[0];
    return (typeof head === 'string' ? this.owners.get(head) : undefined) ?? this.first;
  }

  positionOf(yamlPath: YamlPath, options?: { key?: boolean }): SourcePosition {
    return this.ownerOf(yamlPath).positionOf(yamlPath, options);
  }
}

export function resolveCv(merged: MergedYaml, options: ResolveOptions = {}): ResolveResult {
  const bag = new DiagnosticBag();
  const first = merged.first;
  const data = merged.data;
  if (first.text.trim() === '' && merged.sources.length === 1) {
    bag.error({
      code: 'empty-file',
      message: `\`${first.file}\` is empty`,
      position: { file: first.file, line: 1, column: 1 },
      hints: ['start from `vita init`, or see examples/seed/cv.yaml'],
    });
    return { diagnostics: bag.items };
  }
  const rootIsMap = merged.sources.every((s) => {
    const d = s.toData();
    return d !== null && typeof d === 'object' && !Array.isArray(d);
  });
  if (!rootIsMap) {
    const bad = merged.sources.find((s) => {
      const d = s.toData();
      return d === null || typeof d !== 'object' || Array.isArray(d);
    }) as YamlSource;
    bag.error({
      code: 'wrong-type',
      message: `\`${bad.file}\` must be a mapping of keys (name:, education:, ...) at the top level`,
      position: bad.positionOf([]),
    });
    return { diagnostics: bag.items };
  }

  const baseDir = path.dirname(path.resolve(first.file));
  const topLevelData = Object.fromEntries(Object.entries(data).filter(([k]) => TOP_LEVEL_KEYS.has(k)));
  // Each key on its own: one wrong value (`paper: a3`) must not throw away the name, the order and the rest.
  const metaValues: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(topLevelData)) {
    const schema = topLevelShape[key as keyof typeof topLevelShape];
    const parsed = schema.safeParse(value);
    if (parsed.success) metaValues[key] = parsed.data;
    else {
      bag.addAll(
        issuesToDiagnostics(parsed.error.issues, {
          prefix: [key],
          data: value,
          positionOf: (p, o) => merged.positionOf(p, o),
          knownKeys: knownKeysOf(schema),
        }),
      );
    }
  }
  const meta = metaValues as TopLevel;
  const social = Object.fromEntries(
    Object.entries(meta.social ?? {}).flatMap(([k, v]) =>
      v === null || v === undefined ? [] : [[k, String(v)]],
    ),
  );

  const person = resolvePerson(meta, social, merged, bag);
  const makeContext = (key: string): ResolveContext => ({
    key,
    diagnostics: bag,
    rich: (value, rel) => richAt(value, [key, ...rel], merged, bag),
    url: (value, rel) => urlAt(value, [key, ...rel], merged, bag),
    position: (rel) => merged.positionOf([key, ...rel]),
    baseDir,
    yamlFile: first.file,
    lenient: options.lenient ?? false,
    social,
    readTextFile: (file, shown, referencedAt) => {
      const result = readTextFile(file, shown, referencedAt);
      if (result.ok) options.onFileRead?.(shown, result.text);
      return result;
    },
    fileExists: (file) => existsSync(file),
    ownerNames: person.lastName ? [person.lastName] : [],
  });

  const sectionKeys = merged.keyOrder.filter((k) => !TOP_LEVEL_KEYS.has(k));
  // `order` serves both layouts when a target-specific list is missing: resolve each list once.
  const resolved = new Map<string, LayoutEntry[]>();
  const layoutFor = (orderKey: 'order' | 'order_md' | 'order_latex') => {
    let entries = resolved.get(orderKey);
    if (!entries) {
      entries = resolveLayout(orderKey, meta[orderKey], sectionKeys, merged, bag);
      resolved.set(orderKey, entries);
    }
    return entries;
  };
  const layouts = {
    web: layoutFor(meta.order_md ? 'order_md' : 'order'),
    print: layoutFor(meta.order_latex ? 'order_latex' : 'order'),
  };

  const referenced = new Set<string>();
  for (const entry of [...layouts.web, ...layouts.print])
    if (entry.kind === 'section') referenced.add(entry.key);
  const anyOrder = Boolean(meta.order || meta.order_md || meta.order_latex);
  if (anyOrder) {
    for (const key of sectionKeys) {
      if (!referenced.has(key)) {
        bag.warning({
          code: 'section-unused',
          message: `section \`${key}\` is not listed in \`order\`, \`order_md\` or \`order_latex\`; it is not rendered`,
          position: merged.positionOf([key], { key: true }),
          hints: [`add \`[${key}, "Title"]\` to an order list to show it`],
        });
      }
    }
  }

  const sections = new Map<string, Section>();
  for (const key of referenced) {
    if (!Object.hasOwn(data, key)) continue;
    const section = resolveSection(key, data[key], merged, bag, makeContext(key));
    if (section) sections.set(key, section);
  }

  if (bag.hasErrors) return { diagnostics: bag.items };
  const print: PrintOptions = {
    style: meta.style ?? 'banking',
    color: meta.color ?? 'blue',
    color2: meta.color2 ?? undefined,
    linkColor: meta.linkcolor ?? undefined,
    paper: meta.paper?.toLowerCase() === 'a4' ? 'a4' : 'letter',
    theme: meta.theme ?? 'default',
  };
  const cv: Cv = { person, print, layouts, sections, baseDir };
  return { cv, diagnostics: bag.items };
}

function resolvePerson(
  meta: TopLevel,
  social: Record<string, string>,
  merged: MergedYaml,
  bag: DiagnosticBag,
): Person {
  let first: string | undefined;
  let last: string | undefined;
  let full = '';
  const name = meta.name;
  if (typeof name === 'string') {
    full = inlineToText(richAt(name, ['name'], merged, bag));
  } else if (name) {
    first = name.first ? inlineToText(richAt(name.first, ['name', 'first'], merged, bag)) : undefined;
    last = name.last ? inlineToText(richAt(name.last, ['name', 'last'], merged, bag)) : undefined;
    const middle = name.middle
      ? inlineToText(richAt(name.middle, ['name', 'middle'], merged, bag))
      : undefined;
    full = [first, middle, last].filter(Boolean).join(' ');
  }
  if (!full) {
    bag.warning({
      code: 'missing-name',
      message: 'no `name:` given; the CV has no title',
      position: merged.positionOf([]),
      hints: ['add `name: {first: Ada, last: Lovelace}` at the top of the file'],
    });
  }
  return {
    name: full,
    firstName: first,
    lastName: last,
    email: meta.email ?? undefined,
    phone: meta.phone ?? undefined,
    url: urlAt(meta.url, ['url'], merged, bag),
    pdfUrl: urlAt(meta.pdf, ['pdf'], merged, bag),
    sourceUrl: urlAt(meta.src, ['src'], merged, bag),
    social,
  };
}

function resolveLayout(
  orderKey: 'order' | 'order_md' | 'order_latex',
  order: readonly (readonly [string, string | null])[] | null | undefined,
  sectionKeys: readonly string[],
  merged: MergedYaml,
  bag: DiagnosticBag,
): LayoutEntry[] {
  if (!order) {
    return sectionKeys.map((key) => ({
      kind: 'section',
      key,
      title: [{ type: 'text', value: readableTitle(key) }],
    }));
  }
  const entries: LayoutEntry[] = [];
  order.forEach(([key, title], i) => {
    if (key === 'NEWPAGE') {
      entries.push({ kind: 'newpage' });
      return;
    }
    if (!Object.hasOwn(merged.data, key) || TOP_LEVEL_KEYS.has(key)) {
      const suggestion = closestMatch(key, sectionKeys);
      bag.error({
        code: 'order-unknown-section',
        message: `\`${orderKey}\` names section \`${key}\`, which is not in the file`,
        position: merged.positionOf([orderKey, i, 0]),
        hints: suggestion
          ? [`did you mean \`${suggestion}\`?`]
          : [`sections in the file: ${sectionKeys.join(', ') || 'none'}`],
      });
      return;
    }
    const heading = title === null || title === 'NONE' ? null : richAt(title, [orderKey, i, 1], merged, bag);
    entries.push({ kind: 'section', key, title: heading });
  });
  return entries;
}

function readableTitle(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function resolveSection(
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
  const spec = SECTION_SPECS[type];
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) {
    bag.addAll(
      issuesToDiagnostics(parsed.error.issues, {
        prefix: valuePath,
        data: value,
        positionOf: (p, o) => merged.positionOf(p, o),
        knownKeys: knownKeysOf(spec.schema),
      }),
    );
    return undefined;
  }
  const sectionContext: ResolveContext =
    valuePath.length > 1
      ? {
          ...context,
          rich: (v, rel) => richAt(v, [...valuePath, ...rel], merged, bag),
          url: (v, rel) => urlAt(v, [...valuePath, ...rel], merged, bag),
          position: (rel) => merged.positionOf([...valuePath, ...rel]),
        }
      : context;
  return spec.resolve(parsed.data, sectionContext) as Section;
}

/** Parses markup at a YAML path; parse problems become warnings at the value's position. */
function richAt(
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

function urlAt(
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
