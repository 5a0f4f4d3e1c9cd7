/**
 * One handler per section type, each adding the section's entries to the JSON Resume lists it maps to.
 * Sections with no JSON Resume counterpart (news, teaching, talks, advising, coursework) add nothing.
 */

import { dateRange, isoDate } from '../../jsonresume/dates.js';
import {
  DEGREE_SEPARATOR,
  GENERIC_LISTS,
  type GenericFieldKind,
  isGenericListKey,
  type JsonResume,
  type ResumeBasics,
  type ResumeEducation,
  type ResumeWork,
  VOLUNTEER_KEYS,
} from '../../jsonresume/resume.js';
import type {
  EducationItem,
  GenericRow,
  HonorItem,
  PositionItem,
  Publication,
  ResearchItem,
  Section,
  SectionType,
} from '../../model/cv.js';
import { readableKey } from '../../util/readable-key.js';
import { blockText, compact, lineText, linkUri, splitList, unlinked, webUri } from './values.js';

/** The lists of a JSON Resume document. */
export type ResumeListKey = Exclude<keyof JsonResume, '$schema' | 'basics' | 'meta'>;
export type ResumeEntry<K extends ResumeListKey> = NonNullable<JsonResume[K]>[number];

export interface ExportContext {
  readonly basics: ResumeBasics;
  readonly baseUrl: string | undefined;
  /** Appends an entry to one of the document's lists. */
  add<K extends ResumeListKey>(list: K, entry: ResumeEntry<K>): void;
}

type Handler<T extends SectionType> = (section: Extract<Section, { type: T }>, ctx: ExportContext) => void;

function work(item: PositionItem, ctx: ExportContext): ResumeWork {
  const place = unlinked(item.place);
  return compact({
    name: place.text,
    position: lineText(item.title),
    location: lineText(item.location),
    url: linkUri(place.url, ctx.baseUrl),
    ...dateRange(lineText(item.dates) ?? ''),
    summary: lineText(item.inlineDetail),
    highlights: item.details.flatMap((d) => lineText(d) ?? []),
  });
}

function research(item: ResearchItem, ctx: ExportContext): ResumeWork {
  const place = unlinked(item.place);
  const area = lineText(item.area);
  const advisor = lineText(item.advisor);
  return compact({
    name: place.text,
    position: lineText(item.title),
    url: linkUri(place.url, ctx.baseUrl),
    ...dateRange(lineText(item.dates) ?? ''),
    highlights: [
      ...item.details.flatMap((d) => lineText(d) ?? []),
      ...(area ? [`Area: ${area}`] : []),
      ...(advisor ? [`Advisor: ${advisor}`] : []),
    ],
  });
}

function education(item: EducationItem, ctx: ExportContext): ResumeEducation {
  const school = unlinked(item.school);
  const degree = lineText(item.degree) ?? '';
  const at = degree.indexOf(DEGREE_SEPARATOR);
  return compact({
    institution: school.text,
    url: linkUri(school.url, ctx.baseUrl),
    studyType: at < 0 ? degree : degree.slice(0, at),
    area: at < 0 ? undefined : degree.slice(at + DEGREE_SEPARATOR.length),
    ...dateRange(lineText(item.dates) ?? ''),
    score: lineText(item.gpa),
    courses: item.details.flatMap((d) => lineText(d) ?? []),
  });
}

function award(item: HonorItem) {
  return compact({
    title: lineText(item.title),
    date: dateRange(lineText(item.year) ?? '').startDate,
    summary: blockText(item.description),
  });
}

function publication(p: Publication, ctx: ExportContext) {
  return compact({
    name: lineText(p.title),
    publisher: lineText(p.venue),
    releaseDate: isoDate(p.year),
    url: linkUri(p.url, ctx.baseUrl),
    summary: blockText(p.abstract),
  });
}

const HANDLERS: { readonly [T in SectionType]: Handler<T> } = {
  about: (section, ctx) => {
    ctx.basics.summary ??= blockText(section.text);
  },
  news: () => {},
  education: (section, ctx) => {
    for (const item of section.items) ctx.add('education', education(item, ctx));
  },
  positions: (section, ctx) => {
    for (const item of section.items) {
      const entry = work(item, ctx);
      if (!VOLUNTEER_KEYS.has(section.key)) {
        ctx.add('work', entry);
        continue;
      }
      const { name, location: _location, ...rest } = entry;
      ctx.add('volunteer', compact({ organization: name, ...rest }));
    }
  },
  honors: (section, ctx) => {
    for (const item of section.items) ctx.add('awards', award(item));
  },
  research: (section, ctx) => {
    for (const item of section.items) ctx.add('work', research(item, ctx));
  },
  skills: (section, ctx) => {
    for (const item of section.items) {
      ctx.add('skills', compact({ name: lineText(item.title), keywords: splitList(lineText(item.details)) }));
    }
  },
  service: (section, ctx) => {
    for (const group of section.groups) {
      for (const item of group.items) {
        ctx.add(
          'volunteer',
          compact({
            organization: lineText(item.details),
            position: group.title === null ? undefined : lineText(group.title),
            url: linkUri(item.url, ctx.baseUrl),
            ...dateRange(lineText(item.year) ?? ''),
            summary: lineText(item.subDetails),
          }),
        );
      }
    }
  },
  teaching: () => {},
  coursework: () => {},
  talks: () => {},
  advising: () => {},
  repos: (section, ctx) => {
    for (const repo of section.items) {
      ctx.add(
        'projects',
        compact({
          name: repo.name,
          description: lineText(repo.description),
          url: webUri(repo.url),
          ...dateRange(lineText(repo.year) ?? ''),
        }),
      );
    }
  },
  publications: (section, ctx) => {
    for (const list of section.lists)
      for (const group of list.groups)
        for (const p of group.publications) ctx.add('publications', publication(p, ctx));
  },
  items: (section, ctx) => {
    if (!isGenericListKey(section.key)) return;
    const fields: Readonly<Record<string, GenericFieldKind>> = GENERIC_LISTS[section.key].fields;
    const key = section.key;
    for (const item of section.items) {
      const entry: Record<string, string | string[]> = {};
      for (const field of item.fields) {
        const kind = Object.hasOwn(fields, field.key) ? fields[field.key] : undefined;
        const value = kind === undefined ? undefined : genericValue(kind, lineText(field.value), ctx);
        if (value !== undefined) entry[field.key] = value;
      }
      if (Object.keys(entry).length > 0) ctx.add(key, entry);
    }
  },
  generic: (section, ctx) => {
    const rows = section.groups.flatMap((g) => g.rows);
    if (section.key === 'projects') {
      for (const row of rows) {
        const description = row.details.map((d) => lineText(d.text) ?? '').filter((t) => t !== '');
        ctx.add(
          'projects',
          compact({
            name: lineText(row.title),
            description: description.length === 0 ? undefined : description.join('; '),
            url: linkUri(row.url, ctx.baseUrl),
            ...dateRange(lineText(row.date) ?? ''),
          }),
        );
      }
      return;
    }
    // JSON Resume's own lists (languages, interests, ...) get their fields back; other sections have no
    // counterpart in JSON Resume, as teaching or talks.
    if (!isGenericListKey(section.key)) return;
    const key = section.key;
    const fields: Readonly<Record<string, GenericFieldKind>> = GENERIC_LISTS[key].fields;
    for (const row of rows) {
      const entry: Record<string, string | string[]> = {};
      Object.entries(fields).forEach(([field, kind], i) => {
        const value = genericValue(kind, genericField(row, field, i === 0), ctx);
        if (value !== undefined) entry[field] = value;
      });
      if (Object.keys(entry).length > 0) ctx.add(key, entry);
    }
  },
};

/** The text of a generic row's field: the title for the first field, else the detail of that label. */
function genericField(row: GenericRow, field: string, first: boolean): string | undefined {
  if (field === 'date') return lineText(row.date);
  if (field === 'url' && row.url !== undefined) return row.url;
  if (first) return lineText(row.title);
  const label = readableKey(field);
  const lines = row.details.filter((d) => d.label === label).map((d) => lineText(d.text) ?? '');
  return lines.length === 0 ? undefined : lines.join(', ');
}

function genericValue(
  kind: GenericFieldKind,
  text: string | undefined,
  ctx: ExportContext,
): string | string[] | undefined {
  if (text === undefined) return undefined;
  switch (kind) {
    case 'text':
      return text;
    case 'list':
      return splitList(text);
    case 'url':
      return linkUri(text, ctx.baseUrl);
    case 'full-date': {
      const date = isoDate(text);
      return date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
    }
  }
}

export function exportSection(section: Section, ctx: ExportContext): void {
  (HANDLERS[section.type] as Handler<SectionType>)(section as never, ctx);
}
