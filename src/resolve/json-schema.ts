/**
 * The JSON Schema of cv.yaml, for editors (yaml-language-server) and other tools. It is generated with
 * zod's `toJSONSchema` from the schemas the loader validates with, so the two cannot drift apart: the
 * top-level keys; one property per known section key, its section type's schema (or, for a mapping with
 * `type:`, the typed form `{type: ..., items: [...]}`); `*publications*` keys as publications; and any
 * other key as a generic section, as the loader decides.
 */
import { z } from 'zod';
import { KNOWN_LANGUAGES } from '../locale/locale.js';
import type { SectionType } from '../model/cv.js';
import { displayText } from './field-schemas.js';
import { isSectionType, SECTION_SPECS, SECTION_TYPE_NAMES, sectionTypeForKey } from './registry.js';
import { publicationEntriesSection } from './sections/publication-entries.js';
import { topLevelShape } from './top-level.js';

/** Where the published schema lives; `$id` of the generated document. */
export const SCHEMA_URL = 'https://unpkg.com/vita-cv/schema/cv.schema.json';

/**
 * Section keys listed as named properties (for completion in editors). The type of each comes from the
 * section registry, never from this list; a key the registry does not know is left out.
 */
const SECTION_KEY_CANDIDATES = [
  'about',
  'bio',
  'summary',
  'news',
  'education',
  'positions',
  'current_position',
  'industry',
  'experience',
  'employment',
  'internships',
  'research_internships',
  'work',
  'volunteer',
  'volunteering',
  'projects',
  'honors',
  'awards',
  'certifications',
  'certificates',
  'research',
  'skills',
  'languages',
  'interests',
  'service',
  'reviewing',
  'teaching',
  'coursework',
  'talks',
  'invited_talks',
  'presentations',
  'advising',
  'students',
  'mentoring',
  'references',
  'repos',
  'repositories',
  'open_source',
  'publications',
  'all_publications',
];

/** Keys that contain this are publications sections (as `sectionTypeForKey` decides). */
const PUBLICATIONS_KEY_PATTERN = 'publications';

type JsonObject = Record<string, unknown>;

let cached: JsonObject | undefined;

/** The JSON Schema (draft 2020-12) of cv.yaml. The same object on every call; do not mutate it. */
export function cvJsonSchema(): JsonObject {
  cached ??= generate();
  return cached;
}

/** The schema as the committed `schema/cv.schema.json` holds it: 2-space JSON and a final newline. */
export function cvJsonSchemaText(): string {
  return `${JSON.stringify(cvJsonSchema(), null, 2)}\n`;
}

/** A copy of `schema` registered under `id`, keeping its description: zod puts it in `$defs`. */
function named<T extends z.ZodType>(schema: T, id: string, description?: string): T {
  const meta = schema.meta() ?? {};
  return schema.meta({ ...meta, id, ...(description ? { description } : {}) });
}

function generate(): JsonObject {
  const sectionSchemas = new Map<SectionType, z.ZodType>();
  for (const type of SECTION_TYPE_NAMES) {
    const spec = SECTION_SPECS[type];
    sectionSchemas.set(type, named(spec.schema, `section-${type}`, spec.description));
  }
  const sectionSchema = (type: SectionType): z.ZodType => sectionSchemas.get(type) as z.ZodType;
  const publicationEntries = named(
    publicationEntriesSection.schema,
    'section-publication-entries',
    publicationEntriesSection.description,
  );

  // `key: {type: T, items: [...]}`: any key may name its type explicitly. A publications section keeps its
  // config at the top of the mapping, next to `type: publications`.
  const typedVariants = SECTION_TYPE_NAMES.map((type) =>
    type === 'publications'
      ? z.intersection(z.object({ type: z.literal(type) }), sectionSchema(type))
      : z.strictObject({
          type: z.literal(type),
          title: z.string().optional().meta({ description: 'Heading when the layout gives none.' }),
          items: sectionSchema(type).optional(),
        }),
  );
  const typedSection = named(
    z.union(typedVariants as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]),
    'typed-section',
    'A section with an explicit `type:` (one of the section types) and its entries under `items:`.',
  );

  // zod writes the top-level keys and, through one carrier property, every named schema into `$defs`.
  const carrier = '__sections';
  const document = z
    .object({
      ...topLevelShape,
      [carrier]: z.union([typedSection, publicationEntries, ...sectionSchemas.values()]),
    })
    .meta({
      title: 'vita cv.yaml',
      description:
        'An academic CV for vita: the person, the section order, print options, and one key per section.',
    });
  const json = z.toJSONSchema(document, { io: 'input', target: 'draft-2020-12' }) as JsonObject;
  const properties = { ...(json.properties as JsonObject) };
  delete properties[carrier];

  // As the loader decides: a mapping with `type:` is a typed section, anything else follows the key's type.
  const sectionOf = (type: SectionType): JsonObject =>
    type === 'publications'
      ? // A publications section names .bib files, or (older files, forks) lists its entries in the YAML.
        { anyOf: [{ $ref: '#/$defs/section-publications' }, { $ref: '#/$defs/section-publication-entries' }] }
      : {
          if: { type: 'object', required: ['type'] },
          // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a promise
          then: { $ref: '#/$defs/typed-section' },
          else: { $ref: `#/$defs/section-${type}` },
        };
  for (const key of SECTION_KEY_CANDIDATES) {
    const type = sectionTypeForKey(key);
    if (type === undefined || !isSectionType(type) || Object.hasOwn(properties, key)) continue;
    properties[key] = sectionOf(type);
  }
  const required = (json.required as string[] | undefined)?.filter((k) => k !== carrier) ?? [];
  const withPatterns: JsonObject = {
    $schema: json.$schema,
    $id: SCHEMA_URL,
    title: json.title,
    description: json.description,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    // Keys containing "publications" are publications sections; any other key is a section of its own.
    patternProperties: { [PUBLICATIONS_KEY_PATTERN]: sectionOf('publications') },
    additionalProperties: sectionOf('generic'),
    $defs: { ...withEntryTags(json.$defs as JsonObject), [PER_LANGUAGE_TEXT]: perLanguageText() },
  };
  return withPerLanguageText(withPatterns) as JsonObject;
}

const PER_LANGUAGE_TEXT = 'per-language-text';

/** `tags:` of an entry, for variants (resolve/variants.ts takes it out before the section is read). */
const ENTRY_TAGS: JsonObject = {
  description: 'The variants that select by these tags keep this entry (`variants:`).',
  anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }],
};

/** Every entry mapping of the section schemas also takes `tags:`. */
function withEntryTags(defs: JsonObject): JsonObject {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const object = Object.fromEntries(Object.entries(node as JsonObject).map(([k, v]) => [k, walk(v)]));
    if (
      object.type === 'object' &&
      object.properties !== undefined &&
      !('tags' in (object.properties as JsonObject))
    )
      object.properties = { ...(object.properties as JsonObject), tags: ENTRY_TAGS };
    return object;
  };
  return Object.fromEntries(
    Object.entries(defs).map(([k, v]) => [k, k.startsWith('section-') ? walk(v) : v]),
  );
}

/** `{en: ..., de: ...}`: the same text in several languages (resolve/languages.ts). */
function perLanguageText(): JsonObject {
  return {
    type: 'object',
    description:
      'The same text in several languages (`{en: Publications, de: Publikationen}`): the CV shows the one of its `locale:`.',
    minProperties: 1,
    propertyNames: { pattern: `^(${KNOWN_LANGUAGES.join('|')})(-[A-Za-z0-9]+)*$` },
    additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
  };
}

/** Every display text of the schema also accepts per-language text (the loader picks one before validating). */
function withPerLanguageText(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withPerLanguageText);
  if (node === null || typeof node !== 'object') return node;
  const object = node as JsonObject;
  if (object.description === displayText.meta()?.description && Array.isArray(object.type)) {
    const { description, ...rest } = object;
    return { description, anyOf: [rest, { $ref: `#/$defs/${PER_LANGUAGE_TEXT}` }] };
  }
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, withPerLanguageText(v)]));
}
