/**
 * A JSON Resume document to the data of a cv.yaml and the entries of a publications.bib. Each JSON Resume
 * list has one mapper; fields vita has no place for are reported by the reader. The correspondences are the
 * export target's (src/render/jsonresume/), read the other way.
 */
import { rangeText } from '../../jsonresume/dates.js';
import { profileToSocial } from '../../jsonresume/profiles.js';
import { DEGREE_SEPARATOR, GENERIC_LISTS, type GenericListKey } from '../../jsonresume/resume.js';
import { bibtexText, bibtexUrl, htmlText, latexText } from './latex-text.js';
import { describeJsonPath, type JsonObject, type JsonPath, type ResumeReader } from './reader.js';

/** One BibTeX entry, its field values already written as BibTeX (braced content). */
export interface BibDraft {
  readonly type: string;
  readonly key: string;
  readonly fields: readonly (readonly [string, string])[];
}

export interface CvDraft {
  /** Top-level keys of cv.yaml, in the order they are written. */
  readonly data: Record<string, unknown>;
  /** `order:` entries: `[key, title]`. */
  readonly order: (readonly [string, string])[];
  readonly bib: BibDraft[];
}

/** The file the publications section reads (beside cv.yaml). */
export const IMPORTED_BIB_FILE = 'publications.bib';

type YamlMap = Record<string, unknown>;

/** Text fields of cv.yaml are LaTeX-subset strings. */
const text = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : latexText(value);

/** A map without its undefined fields (YAML would write them as `null`). */
function defined(map: YamlMap): YamlMap {
  return Object.fromEntries(
    Object.entries(map).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

interface Mapper {
  /** Key of the section in cv.yaml, and the heading in `order`. */
  readonly key: string;
  readonly title: string;
  /** The section's YAML value from the JSON Resume list (undefined: nothing to write). */
  map(items: readonly unknown[], path: JsonPath, reader: ResumeReader, draft: CvDraft): unknown;
}

function entries(
  items: readonly unknown[],
  path: JsonPath,
  reader: ResumeReader,
  known: readonly string[],
  unsupported: Readonly<Record<string, string>>,
  each: (o: JsonObject, at: JsonPath) => YamlMap | undefined,
): YamlMap[] {
  const out: YamlMap[] = [];
  items.forEach((item, i) => {
    const at = [...path, i];
    const object = reader.object(item, at, known, unsupported);
    const mapped = object === undefined ? undefined : each(object, at);
    if (mapped !== undefined) out.push(defined(mapped));
  });
  return out;
}

const dates = (o: JsonObject, at: JsonPath, reader: ResumeReader): string | undefined =>
  rangeText(reader.string(o, 'startDate', at), reader.string(o, 'endDate', at));

const WORK_FIELDS = ['name', 'position', 'location', 'url', 'startDate', 'endDate', 'summary', 'highlights'];

const MAPPERS: Readonly<Record<string, Mapper>> = {
  education: {
    key: 'education',
    title: 'Education',
    map: (items, path, reader) =>
      entries(
        items,
        path,
        reader,
        ['institution', 'url', 'area', 'studyType', 'startDate', 'endDate', 'score', 'courses'],
        {},
        (o, at) => {
          const institution = reader.string(o, 'institution', at);
          if (institution === undefined) {
            reader.note(at, `\`${describeJsonPath(at)}\` has no \`institution\`; it is not imported`);
            return undefined;
          }
          const studyType = reader.string(o, 'studyType', at);
          const area = reader.string(o, 'area', at);
          const degree = [studyType, area].filter((s) => s !== undefined).join(DEGREE_SEPARATOR);
          return {
            school: text(institution),
            degree: degree === '' ? undefined : text(degree),
            dates: dates(o, at, reader),
            overallGPA: text(reader.string(o, 'score', at)),
            details: reader.strings(o, 'courses', at).map(latexText),
            url: reader.string(o, 'url', at),
          };
        },
      ),
  },
  work: {
    key: 'work',
    title: 'Work Experience',
    map: (items, path, reader) =>
      entries(
        items,
        path,
        reader,
        WORK_FIELDS,
        { description: 'vita has no field for a description of the organisation' },
        (o, at) => position(o, at, reader, reader.string(o, 'name', at)),
      ),
  },
  volunteer: {
    key: 'volunteer',
    title: 'Volunteering',
    map: (items, path, reader) => {
      const list = entries(
        items,
        path,
        reader,
        WORK_FIELDS.map((f) => (f === 'name' ? 'organization' : f)),
        {},
        (o, at) => position(o, at, reader, reader.string(o, 'organization', at)),
      );
      return list.length === 0 ? undefined : { type: 'positions', items: list };
    },
  },
  awards: {
    key: 'awards',
    title: 'Awards',
    map: (items, path, reader) =>
      entries(items, path, reader, ['title', 'date', 'awarder', 'summary'], {}, (o, at) => {
        const title = reader.string(o, 'title', at);
        if (title === undefined) {
          reader.note(at, `\`${describeJsonPath(at)}\` has no \`title\`; it is not imported`);
          return undefined;
        }
        return {
          title: text(title),
          year: reader.string(o, 'date', at),
          // vita shows an award's `location` after its title: "Title, Awarder".
          location: text(reader.string(o, 'awarder', at)),
          descr: text(reader.string(o, 'summary', at)),
        };
      }),
  },
  publications: {
    key: 'publications',
    title: 'Publications',
    map: (items, path, reader, draft) => {
      const keys = new Set<string>();
      items.forEach((item, i) => {
        const at = [...path, i];
        const o = reader.object(item, at, ['name', 'publisher', 'releaseDate', 'url', 'summary']);
        if (o === undefined) return;
        const entry = publication(o, at, reader, keys);
        if (entry !== undefined) draft.bib.push(entry);
      });
      return draft.bib.length === 0 ? undefined : { file: IMPORTED_BIB_FILE };
    },
  },
  skills: {
    key: 'skills',
    title: 'Skills',
    map: (items, path, reader) =>
      entries(items, path, reader, ['name', 'keywords', 'level'], {}, (o, at) => {
        const name = reader.string(o, 'name', at);
        const keywords = reader.strings(o, 'keywords', at);
        const level = reader.string(o, 'level', at);
        if (name === undefined) {
          reader.note(at, `\`${describeJsonPath(at)}\` has no \`name\`; it is not imported`);
          return undefined;
        }
        // vita's skills are a title and details: the keywords, or the level when there are none.
        if (keywords.length > 0)
          reader.notImported([...at, 'level'], level, 'vita shows a skill as its name and keywords');
        return {
          title: text(name),
          details: keywords.length > 0 ? keywords.map(latexText) : latexText(level ?? ''),
        };
      }),
  },
  projects: {
    key: 'projects',
    title: 'Projects',
    map: (items, path, reader) => {
      const unsupported = 'vita shows a project as its name, description, link and dates';
      const list = entries(
        items,
        path,
        reader,
        ['name', 'description', 'url', 'startDate', 'endDate'],
        {
          highlights: unsupported,
          keywords: unsupported,
          roles: unsupported,
          entity: unsupported,
          type: unsupported,
        },
        (o, at) => {
          const url = reader.string(o, 'url', at);
          if (url === undefined) {
            reader.note(
              at,
              `\`${describeJsonPath(at)}\` has no \`url\`; vita lists projects by their link, so it is not imported`,
            );
            return undefined;
          }
          return {
            repo_url: url,
            // A repository's name is shown as written (it is not markup).
            name: reader.string(o, 'name', at),
            desc: text(reader.string(o, 'description', at)),
            year: dates(o, at, reader),
          };
        },
      );
      return list.length === 0 ? undefined : { type: 'repos', items: list };
    },
  },
  ...Object.fromEntries(
    (Object.keys(GENERIC_LISTS) as GenericListKey[]).map((key): [string, Mapper] => [
      key,
      {
        key,
        title: GENERIC_LISTS[key].title,
        map: (items, path, reader) => {
          const fields: Readonly<Record<string, string>> = GENERIC_LISTS[key].fields;
          const list = entries(items, path, reader, Object.keys(fields), {}, (o, at) => {
            const map: YamlMap = {};
            for (const [field, kind] of Object.entries(fields)) {
              if (kind === 'list') map[field] = reader.strings(o, field, at).map(latexText);
              else if (kind === 'url') map[field] = reader.string(o, field, at);
              else map[field] = text(reader.string(o, field, at));
            }
            return Object.keys(defined(map)).length === 0 ? undefined : map;
          });
          return list.length === 0 ? undefined : { type: 'items', items: list };
        },
      },
    ]),
  ),
};

function position(
  o: JsonObject,
  at: JsonPath,
  reader: ResumeReader,
  place: string | undefined,
): YamlMap | undefined {
  if (place === undefined) {
    reader.note(at, `\`${describeJsonPath(at)}\` has no organisation name; it is not imported`);
    return undefined;
  }
  return {
    place: text(place),
    title: text(reader.string(o, 'position', at)),
    location: text(reader.string(o, 'location', at)),
    dates: dates(o, at, reader),
    inline_detail: text(reader.string(o, 'summary', at)),
    details: reader.strings(o, 'highlights', at).map(latexText),
    url: reader.string(o, 'url', at),
  };
}

function publication(
  o: JsonObject,
  at: JsonPath,
  reader: ResumeReader,
  keys: Set<string>,
): BibDraft | undefined {
  const name = reader.string(o, 'name', at);
  if (name === undefined) {
    reader.note(at, `\`${describeJsonPath(at)}\` has no \`name\`; it is not imported`);
    return undefined;
  }
  const released = reader.string(o, 'releaseDate', at);
  const year = released === undefined ? undefined : /^\d{4}/.exec(released)?.[0];
  const publisher = reader.string(o, 'publisher', at);
  if (publisher === undefined)
    reader.note(at, `\`${describeJsonPath(at)}\` has no \`publisher\`; its \`_venue\` is left empty`);
  if (year === undefined) {
    reader.note(at, `\`${describeJsonPath(at)}\` has no year in \`releaseDate\``, [
      `add \`year = {...}\` to its entry in ${IMPORTED_BIB_FILE}; without one it is listed last, as undated`,
    ]);
  }
  const fields: [string, string][] = [];
  const add = (field: string, value: string | undefined, path: JsonPath) => {
    if (value === undefined) return;
    const { value: escaped, droppedBraces } = bibtexText(value);
    if (droppedBraces > 0)
      reader.note(
        path,
        `\`${describeJsonPath(path)}\`: ${droppedBraces} unpaired brace(s) left out (BibTeX needs braces in pairs)`,
      );
    fields.push([field, escaped]);
  };
  add('title', name, [...at, 'name']);
  fields.push(['_venue', publisher === undefined ? '' : bibtexText(publisher).value]);
  if (year !== undefined) fields.push(['year', year]);
  if (released !== undefined && year !== undefined && released !== year)
    fields.push(['date', bibtexText(released).value]);
  const url = reader.string(o, 'url', at);
  if (url !== undefined) fields.push(['url', bibtexUrl(url)]);
  add('abstract', reader.string(o, 'summary', at), [...at, 'summary']);
  return { type: 'misc', key: uniqueKey(name, year, keys), fields };
}

/** `Video compression for 3d media` (2014) -> `video2014`; `video2014a` when taken. */
function uniqueKey(title: string, year: string | undefined, taken: Set<string>): string {
  const word =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9\s]/g, '')
      .split(/\s+/)
      .find((w) => w.length > 3 && !['with', 'from', 'into', 'about', 'towards', 'toward'].includes(w)) ??
    'entry';
  const base = `${word}${year ?? ''}`;
  let key = base;
  for (let n = 0; taken.has(key); n++)
    key = `${base}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}`;
  taken.add(key);
  return key;
}

const TOP_LEVEL = ['$schema', 'basics', ...Object.keys(MAPPERS)];

/** The whole document. */
export function resumeToCv(reader: ResumeReader): CvDraft {
  const draft: CvDraft = { data: {}, order: [], bib: [] };
  const root = reader.object(reader.data, [], TOP_LEVEL, {
    meta: 'it describes the JSON Resume file (version, last change), not the CV',
  });
  if (root === undefined) {
    if (reader.data === null || typeof reader.data !== 'object') reader.wrongType([], 'an object');
    return draft;
  }
  const about = basics(root, reader, draft);
  if (about !== undefined) {
    draft.data.about = about;
    draft.order.push(['about', 'NONE']);
  }
  for (const mapper of Object.values(MAPPERS)) {
    const items = reader.array(root[mapper.key], [mapper.key]);
    if (items.length === 0) continue;
    const value = mapper.map(items, [mapper.key], reader, draft);
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    draft.data[mapper.key] = value;
    draft.order.push([mapper.key, mapper.title]);
  }
  return draft;
}

/** The person (name, email, phone, url, social) into `draft.data`; returns the `about` HTML, if any. */
function basics(root: JsonObject, reader: ResumeReader, draft: CvDraft): string | undefined {
  const path = ['basics'];
  const o = reader.object(root.basics, path, ['name', 'email', 'phone', 'url', 'summary', 'profiles'], {
    label: 'vita has no field for a headline',
    image: 'vita shows no photo',
    location: 'vita has no address fields',
  });
  if (o === undefined) return undefined;
  const name = reader.string(o, 'name', path);
  if (name !== undefined) draft.data.name = latexText(name);
  // The name is markup; the e-mail, phone and links are taken as written.
  const email = reader.string(o, 'email', path);
  if (email !== undefined) draft.data.email = email;
  const phone = reader.string(o, 'phone', path);
  if (phone !== undefined) draft.data.phone = phone;
  const url = reader.string(o, 'url', path);
  if (url !== undefined) draft.data.url = url;
  const social: Record<string, string> = {};
  reader.array(o.profiles, [...path, 'profiles']).forEach((item, i) => {
    const at = [...path, 'profiles', i];
    const profile = reader.object(item, at, ['network', 'username', 'url']);
    if (profile === undefined) return;
    const entry = profileToSocial({
      network: reader.string(profile, 'network', at),
      username: reader.string(profile, 'username', at),
      url: reader.string(profile, 'url', at),
    });
    if (entry === undefined)
      reader.notImported(at, profile, 'a profile needs a `network` and a `username` or `url`');
    else social[entry.key] = entry.value;
  });
  if (Object.keys(social).length > 0) draft.data.social = social;
  const summary = reader.string(o, 'summary', path);
  return summary === undefined ? undefined : htmlText(summary);
}
