/**
 * The person at the top of the CV: `name` (a string or first/middle/last), contact details, links.
 * The original kept them at the top level; forks group them under another key (`personal:`, `contact:`,
 * or `about:` as a mapping), so those mappings are searched too. A top-level value wins over a grouped one.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { inlineToText } from '../inline/to-text.js';
import type { Person } from '../model/cv.js';
import type { MergedYaml } from './merged-yaml.js';
import type { TopLevel } from './top-level.js';
import { richAt, urlAt } from './values.js';

/** Top-level keys whose mapping may hold the person's details, in the order they are searched. */
export const PERSON_GROUP_KEYS = ['personal', 'contact', 'about'] as const;

/** Where each person field may be written inside a group (the first name found wins). */
const FIELD_NAMES = {
  name: ['name', 'full_name', 'fullname'],
  first: ['first', 'first_name', 'firstname', 'given_name'],
  last: ['last', 'last_name', 'lastname', 'family_name', 'surname'],
  email: ['email', 'e-mail', 'mail'],
  phone: ['phone', 'mobile', 'telephone', 'tel'],
  url: ['url', 'website', 'homepage', 'web'],
  location: ['location', 'address', 'city'],
  pdf: ['pdf'],
  src: ['src', 'source'],
} as const;
type PersonField = keyof typeof FIELD_NAMES;

/** Profile keys written directly in a group (`github: octocat`): the networks every target knows. */
const NETWORK_KEYS = new Set([
  'github',
  'gitlab',
  'google_scholar',
  'semantic_scholar',
  'openalex',
  'dblp',
  'orcid',
  'twitter',
  'x',
  'bluesky',
  'linkedin',
]);

/** Mappings inside a group that hold profiles (`social: {github: ...}`). */
const PROFILE_GROUPS = new Set(['social', 'profiles', 'links']);

export interface PersonResult {
  readonly person: Person;
  /** For each group key that is a mapping: the fields of it that the person took. */
  readonly used: ReadonlyMap<string, ReadonlySet<string>>;
}

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => v !== null && typeof v === 'object' && !Array.isArray(v);
const asText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

export function resolvePerson(
  meta: TopLevel,
  social: Record<string, string>,
  merged: MergedYaml,
  bag: DiagnosticBag,
): PersonResult {
  const used = new Map<string, Set<string>>();
  const groups: { key: string; value: Mapping }[] = [];
  for (const key of PERSON_GROUP_KEYS) {
    const value = merged.data[key];
    if (isMapping(value)) {
      groups.push({ key, value });
      used.set(key, new Set());
    }
  }
  /** The value of a field in the first group that has it, with its YAML path. */
  const grouped = (field: PersonField): { value: unknown; path: (string | number)[] } | undefined => {
    for (const { key, value } of groups) {
      const name = FIELD_NAMES[field].find((n) => Object.hasOwn(value, n) && value[n] !== null);
      if (name !== undefined) {
        used.get(key)?.add(name);
        return { value: value[name], path: [key, name] };
      }
    }
    return undefined;
  };
  const text = (
    top: string | null | undefined,
    topPath: string,
    field: PersonField,
  ): { value: string; path: (string | number)[] } | undefined => {
    if (top !== null && top !== undefined && top !== '') return { value: top, path: [topPath] };
    const found = grouped(field);
    const value = found && asText(found.value);
    return found && value !== undefined ? { value, path: found.path } : undefined;
  };
  const plain = (v: { value: string; path: (string | number)[] } | undefined) =>
    v ? inlineToText(richAt(v.value, v.path, merged, bag)) || undefined : undefined;

  let first: string | undefined;
  let last: string | undefined;
  let full = '';
  let name: unknown = meta.name;
  let namePath: (string | number)[] = ['name'];
  if (name === null || name === undefined) {
    const found = grouped('name');
    if (found) ({ value: name, path: namePath } = found);
  }
  if (typeof name === 'string' || typeof name === 'number') {
    full = plain({ value: String(name), path: namePath }) ?? '';
  } else if (isMapping(name)) {
    const part = (k: string) => {
      const v = asText(name[k]);
      return v === undefined ? undefined : plain({ value: v, path: [...namePath, k] });
    };
    first = part('first');
    last = part('last');
    full = [first, part('middle'), last].filter(Boolean).join(' ');
  }
  if (!full) {
    first = plain(text(undefined, '', 'first'));
    last = plain(text(undefined, '', 'last'));
    full = [first, last].filter(Boolean).join(' ');
  }
  if (!full) {
    bag.warning({
      code: 'missing-name',
      message: 'no `name:` given; the CV has no title',
      position: merged.positionOf([]),
      hints: ['add `name: {first: Ada, last: Lovelace}` at the top of the file'],
    });
  }

  // Profiles: top-level `social:` first, then any network key or `social:` mapping inside a group.
  const profiles: Record<string, string> = { ...social };
  for (const { key, value } of groups) {
    for (const [field, v] of Object.entries(value)) {
      const entries: [string, unknown, (string | number)[]][] =
        PROFILE_GROUPS.has(field) && isMapping(v)
          ? Object.entries(v).map(([k, x]) => [k, x, [key, field, k]])
          : NETWORK_KEYS.has(field)
            ? [[field, v, [key, field]]]
            : [];
      if (entries.length === 0) continue;
      used.get(key)?.add(field);
      for (const [network, x] of entries) {
        const id = asText(x);
        if (id !== undefined && id !== '' && !Object.hasOwn(profiles, network)) profiles[network] = id;
      }
    }
  }

  const url = (top: string | null | undefined, topPath: string, field: PersonField) => {
    const found = text(top, topPath, field);
    return found ? urlAt(found.value, found.path, merged, bag) : undefined;
  };
  const raw = (top: string | null | undefined, topPath: string, field: PersonField) =>
    text(top, topPath, field)?.value;
  return {
    person: {
      name: full,
      firstName: first,
      lastName: last,
      email: raw(meta.email, 'email', 'email'),
      phone: raw(meta.phone, 'phone', 'phone'),
      location: plain(text(undefined, '', 'location')),
      url: url(meta.url, 'url', 'url'),
      pdfUrl: url(meta.pdf, 'pdf', 'pdf'),
      sourceUrl: url(meta.src, 'src', 'src'),
      social: profiles,
    },
    used,
  };
}
