/**
 * From parsed YAML files to the `Cv` model: merge the files (later files win at the top level), validate
 * the person and layouts, find each referenced section's type, validate it against its schema and resolve
 * it (markup parsed, URLs checked). All problems are collected; the model is returned only without errors.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, DiagnosticBag } from '../diagnostics/diagnostic.js';
import { readTextFile } from '../load/read-text-file.js';
import type { YamlSource } from '../load/yaml-source.js';
import {
  canonicalTag,
  isKnownLocale,
  KNOWN_LANGUAGES,
  type Locale,
  localeOf,
  localizeDateText,
} from '../locale/locale.js';
import type { Cv, Section } from '../model/cv.js';
import type { ResolveContext } from './context.js';
import { pickTexts } from './languages.js';
import { layoutFor as layoutOf, type OrderKey, type ResolvedLayoutEntry, resolveLayout } from './layout.js';
import type { MergedYaml } from './merged-yaml.js';
import { PERSON_GROUP_KEYS, resolvePerson } from './person.js';
import { resolvePrintOptions } from './print-options.js';
import { ReadableFolders } from './readable-folders.js';
import { issuesToDiagnostics, knownKeysOf, PARSE_CONTEXT } from './schema-issues.js';
import { resolveSection } from './section.js';
import { DATE_KEYS } from './sections/generic.js';
import { TOP_LEVEL_KEYS, type TopLevel, topLevelShape } from './top-level.js';
import { richAt, urlAt } from './values.js';
import { applyVariant, declaredVariants } from './variants.js';

export { MergedYaml } from './merged-yaml.js';

export interface ResolveOptions {
  /** No longer used (`--lenient` is accepted and does nothing): incomplete publications are always warnings. */
  readonly lenient?: boolean | undefined;
  /** Folders besides those of the YAML files that the build may read (`--allow-read`). */
  readonly allowRead?: readonly string[] | undefined;
  /** Called with every file a section reads (BibTeX), so diagnostics can show code frames from it. */
  readonly onFileRead?: ((displayPath: string, text: string) => void) | undefined;
  /** The language to build (a variant's `locale:`), instead of the file's `locale:`. */
  readonly locale?: string | undefined;
  /** Where that language is written, for a warning about it (the variant's `locale:`). */
  readonly localePath?: readonly (string | number)[] | undefined;
  /** The variant to build (a name under `variants:`); absent: the full CV. */
  readonly variant?: string | undefined;
}

export interface ResolveResult {
  readonly cv?: Cv | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function resolveCv(input: MergedYaml, options: ResolveOptions = {}): ResolveResult {
  const bag = new DiagnosticBag();
  const first = input.first;
  if (first.text.trim() === '' && input.sources.length === 1) {
    bag.error({
      code: 'empty-file',
      message: `\`${first.file}\` is empty`,
      position: { file: first.file, line: 1, column: 1 },
      hints: ['start from `vita init`, or see examples/seed/cv.yaml'],
    });
    return { diagnostics: bag.items };
  }
  const rootIsMap = input.sources.every((s) => {
    const d = s.toData();
    return d !== null && typeof d === 'object' && !Array.isArray(d);
  });
  if (!rootIsMap) {
    const bad = input.sources.find((s) => {
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

  // The file's language, and the one to build: per-language texts become the text of the latter.
  const fileLocale = typeof input.data.locale === 'string' ? input.data.locale : undefined;
  const variantLocale =
    options.variant === undefined
      ? undefined
      : (declaredVariants(input.data).get(options.variant)?.locale ?? undefined);
  const wanted = options.locale ?? variantLocale;
  const wantedPath =
    options.locale !== undefined ? options.localePath : ['variants', options.variant ?? '', 'locale'];
  const defaultTag = knownTag(fileLocale) ?? 'en';
  const activeTag = knownTag(wanted) ?? defaultTag;
  const applied = applyVariant(pickTexts(input, activeTag, defaultTag, bag), options.variant, bag);
  const merged = applied.yaml;
  const data = merged.data;

  const baseDir = path.dirname(path.resolve(first.file));
  const readable = new ReadableFolders(
    merged.sources.map((s) => s.file),
    options.allowRead,
  );
  const topLevelData = Object.fromEntries(Object.entries(data).filter(([k]) => TOP_LEVEL_KEYS.has(k)));
  // Each key on its own: one wrong value (`paper: a3`) must not throw away the name, the order and the rest.
  const metaValues: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(topLevelData)) {
    const schema = topLevelShape[key as keyof typeof topLevelShape];
    const parsed = schema.safeParse(value, PARSE_CONTEXT);
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

  const { person, used: personFields } = resolvePerson(meta, social, merged, bag);
  const locale =
    wanted === undefined
      ? resolveLocale(meta.locale, merged, bag)
      : (resolveLocale(wanted, merged, bag, wantedPath) ?? resolveLocale(meta.locale, merged, bag));
  // With a `locale:`, dates as written (`Mar 2024 - present`) are shown in its words; without, as written.
  const dated = (value: string | null | undefined, rel: readonly (string | number)[]) => {
    const field = rel[rel.length - 1];
    return locale === undefined ||
      typeof value !== 'string' ||
      typeof field !== 'string' ||
      !DATE_FIELDS.has(field)
      ? value
      : localizeDateText(value, locale);
  };
  const makeContext = (key: string): ResolveContext => ({
    key,
    diagnostics: bag,
    rich: (value, rel, options) => richAt(dated(value, rel), [key, ...rel], merged, bag, options),
    url: (value, rel) => urlAt(value, [key, ...rel], merged, bag),
    position: (rel) => merged.positionOf([key, ...rel]),
    baseDir,
    yamlFile: first.file,
    lenient: options.lenient ?? false,
    social,
    locale: locale ?? localeOf(undefined),
    publicationFilter: applied.publications,
    readTextFile: (file, shown, referencedAt) => {
      const outside = readable.check(file, shown, referencedAt);
      if (outside) return { ok: false, diagnostic: outside };
      const result = readTextFile(file, shown, referencedAt);
      if (result.ok) options.onFileRead?.(shown, result.text);
      return result;
    },
    fileExists: (file) => existsSync(file),
    ownerNames: person.lastName ? [person.lastName] : [],
    ownerName: ownerNameOf(person),
  });

  // `personal:`/`contact:` mappings that gave the person's details are sections only where an order lists them.
  // A variant takes the sections it leaves out from the data: they are neither shown nor "unused".
  const sectionKeys = merged.keyOrder.filter(
    (k) => Object.hasOwn(data, k) && !TOP_LEVEL_KEYS.has(k) && (k === 'about' || !personFields.get(k)?.size),
  );
  // `order` serves both layouts when a target-specific list is missing: resolve each list once.
  const resolved = new Map<OrderKey, ResolvedLayoutEntry[]>();
  const entriesOf = (orderKey: OrderKey) => {
    let entries = resolved.get(orderKey);
    if (!entries) {
      entries = resolveLayout(orderKey, meta[orderKey], sectionKeys, merged, bag, locale);
      resolved.set(orderKey, entries);
    }
    return entries;
  };
  const given = (v: unknown) => v !== null && v !== undefined;
  const layouts = {
    web: layoutOf(entriesOf(given(meta.order_md) ? 'order_md' : 'order'), 'web'),
    print: layoutOf(entriesOf(given(meta.order_latex) ? 'order_latex' : 'order'), 'print'),
  };

  const referenced = new Set<string>();
  for (const entry of [...layouts.web, ...layouts.print])
    if (entry.kind === 'section') referenced.add(entry.key);
  const listed = new Set<string>();
  for (const entries of resolved.values())
    for (const entry of entries) if (entry.kind === 'section') listed.add(entry.key);

  // A mapping under `personal:`, `contact:` or `about:` gave the person's details. What the person did not
  // take is shown by its section when the order lists it, else reported: no value vanishes silently.
  const personGroup = (key: string) => personFields.get(key);
  const sectionValue = (key: string): unknown => {
    const fields = personGroup(key);
    const value = data[key];
    if (!fields || fields.size === 0 || key !== 'about') return value;
    const rest = Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(([k]) => !fields.has(k)),
    );
    const texts = Object.values(rest);
    // `about: {email: ..., bio: "text"}`: the one text left is the about text.
    return texts.length === 1 && typeof texts[0] === 'string' ? texts[0] : rest;
  };
  for (const key of PERSON_GROUP_KEYS) {
    const fields = personGroup(key);
    if (!fields || fields.size === 0 || referenced.has(key)) continue;
    for (const field of Object.keys(data[key] as Record<string, unknown>)) {
      if (fields.has(field)) continue;
      bag.warning({
        code: 'person-field-unused',
        message: `\`${key}.${field}\` is not a detail of the person vita knows, and \`${key}\` is not in the order; it is not rendered`,
        position: merged.positionOf([key, field], { key: true }),
        hints: [
          'person details found here: name, email, phone, url/website, location/address, pdf, src, and profiles (github, orcid, ... or a `social:` mapping)',
          `add \`[${key}, NONE]\` to the order to show the rest as a section`,
        ],
      });
    }
  }

  const anyOrder = given(meta.order) || given(meta.order_md) || given(meta.order_latex);
  if (anyOrder) {
    for (const key of sectionKeys) {
      if (referenced.has(key)) continue;
      if (personGroup(key)?.size) continue;
      if (listed.has(key)) {
        bag.warning({
          code: 'section-unused',
          message: `section \`${key}\` is hidden from every target by \`display-web\`/\`display-pdf\`; it is not rendered`,
          position: merged.positionOf([key], { key: true }),
          hints: ['set `display-web: yes` or `display-pdf: yes` on its order entry to show it'],
        });
        continue;
      }
      bag.warning({
        code: 'section-unused',
        message: `section \`${key}\` is not listed in \`order\`, \`order_md\` or \`order_latex\`; it is not rendered`,
        position: merged.positionOf([key], { key: true }),
        hints: [`add \`[${key}, "Title"]\` to an order list to show it`],
      });
    }
  }

  const sections = new Map<string, Section>();
  for (const key of referenced) {
    if (!Object.hasOwn(data, key)) continue;
    const section = resolveSection(key, sectionValue(key), merged, bag, makeContext(key));
    if (section) sections.set(key, section);
  }

  const print = resolvePrintOptions(meta, merged, bag, existsSync);
  if (print.theme.kind === 'file') {
    const outside = readable.check(print.theme.file, print.theme.name, print.theme.position);
    // Read once here as every input is (a regular file, its size, UTF-8): a FIFO or a device named as the
    // theme would otherwise block the PDF target's read for ever.
    const read = outside ? undefined : readTextFile(print.theme.file, print.theme.name, print.theme.position);
    if (outside) bag.add(outside);
    else if (read && !read.ok) bag.add(read.diagnostic);
  }
  if (bag.hasErrors) return { diagnostics: bag.items };
  const cv: Cv = {
    person,
    print,
    layouts,
    sections,
    baseDir,
    ...(locale === undefined ? {} : { locale: locale.tag }),
  };
  return { cv, diagnostics: bag.items };
}

/** The canonical tag of a locale vita has labels for, else undefined. */
function knownTag(tag: string | undefined): string | undefined {
  return tag !== undefined && isKnownLocale(tag) ? canonicalTag(tag) : undefined;
}

/** Date fields whose English month names and `present` follow the CV's locale. */
const DATE_FIELDS = new Set<string>([...DATE_KEYS, 'startDate', 'endDate']);

/**
 * `locale:` read: a BCP 47 tag of a language vita has labels for. Absent gives undefined (English, dates as
 * written); a tag that is not one, or of a language without labels, is a warning and English.
 */
function resolveLocale(
  tag: string | null | undefined,
  merged: MergedYaml,
  bag: DiagnosticBag,
  at: readonly (string | number)[] = ['locale'],
): Locale | undefined {
  if (tag === null || tag === undefined || tag.trim() === '') return undefined;
  if (isKnownLocale(tag)) return localeOf(canonicalTag(tag));
  const valid = canonicalTag(tag) !== undefined;
  bag.warning({
    code: 'locale-unknown',
    message: valid
      ? `vita has no labels for the locale \`${tag}\`; the CV is in English`
      : `\`${tag}\` is not a BCP 47 language tag; the CV is in English`,
    position: merged.positionOf(at),
    hints: [
      `languages vita knows: ${KNOWN_LANGUAGES.join(', ')} (with any region: \`de-CH\`, \`pt-BR\`)`,
      'docs/formats.md ("Languages") shows how to add one',
    ],
  });
  return undefined;
}

/**
 * The person's given names and last name: `name: {first, middle, last}` as given; a `name:` string is
 * split at its last word (`Ada King Lovelace`: given `Ada King`, last `Lovelace`).
 */
function ownerNameOf(person: Cv['person']): { given: string; last: string } | undefined {
  const full = person.name.trim();
  if (full === '') return undefined;
  if (person.lastName) {
    const last = person.lastName.trim();
    const given = full.endsWith(last)
      ? full.slice(0, full.length - last.length).trim()
      : (person.firstName ?? '');
    return { given, last };
  }
  const words = full.split(/\s+/);
  const last = words.pop() as string;
  return { given: words.join(' '), last };
}
