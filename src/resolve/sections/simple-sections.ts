/**
 * The list-shaped sections of the original: each is a schema for its items and a resolver that parses the
 * markup of every field. One spec per type; the registry maps YAML keys to them.
 */
import { z } from 'zod';
import type {
  AboutSection,
  AdvisingSection,
  CourseworkSection,
  EducationSection,
  HonorsSection,
  NewsSection,
  PositionsSection,
  ResearchSection,
  ServiceGroup,
  ServiceItem,
  ServiceSection,
  SkillsSection,
  TalksSection,
  TeachingSection,
} from '../../model/cv.js';
import type { RelativePath, ResolveContext, SectionSpec } from '../context.js';
import { displayText, optionalText, textList, urlString } from '../field-schemas.js';

const list = <T extends z.ZodType>(item: T) => z.array(item);

const lines = (values: readonly string[] | null | undefined, path: RelativePath, ctx: ResolveContext) =>
  (values ?? []).map((v, i) => ctx.rich(v, [...path, i]));

// ------------------------------------------------------------------ about
const aboutSchema = z.union([displayText, z.null()]);
export const aboutSection: SectionSpec<AboutSection, typeof aboutSchema> = {
  type: 'about',
  description: 'Free text or HTML shown at the top of the web page (web targets show it as HTML).',
  schema: aboutSchema,
  resolve: (value, ctx) => ({
    type: 'about',
    key: ctx.key,
    html: value ?? '',
    text: value ? [{ type: 'html', value }] : [],
    position: ctx.position([]),
  }),
};

// ------------------------------------------------------------------ news
const newsItem = z.strictObject({
  date: optionalText,
  info: optionalText,
  text: optionalText,
  url: urlString,
});
const newsSchema = list(newsItem);
export const newsSection: SectionSpec<NewsSection, typeof newsSchema> = {
  type: 'news',
  description: 'Dated news items (web targets).',
  schema: newsSchema,
  resolve: (items, ctx) => ({
    type: 'news',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((item, i) => {
      const text = ctx.rich(item.info ?? item.text, [
        i,
        item.info !== undefined && item.info !== null ? 'info' : 'text',
      ]);
      const url = ctx.url(item.url, [i, 'url']);
      return {
        date: ctx.rich(item.date, [i, 'date']),
        text: url ? [{ type: 'link', url, children: text }] : text,
      };
    }),
  }),
};

// ------------------------------------------------------------------ education
const educationItem = z.strictObject({
  school: displayText,
  degree: optionalText,
  location: optionalText,
  dates: optionalText,
  overallGPA: optionalText,
  majorGPA: optionalText,
  gpa: optionalText,
  details: textList,
  url: urlString,
});
const educationSchema = list(educationItem);
export const educationSection: SectionSpec<EducationSection, typeof educationSchema> = {
  type: 'education',
  description: 'Degrees: school, degree, location, dates, overallGPA, majorGPA, details.',
  schema: educationSchema,
  resolve: (items, ctx) => ({
    type: 'education',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((e, i) => {
      const url = ctx.url(e.url, [i, 'url']);
      const school = ctx.rich(e.school, [i, 'school']);
      return {
        school: url ? [{ type: 'link', url, children: school }] : school,
        degree: ctx.rich(e.degree, [i, 'degree']),
        location: ctx.rich(e.location, [i, 'location']),
        dates: ctx.rich(e.dates, [i, 'dates']),
        gpa: ctx.rich(e.overallGPA ?? e.gpa, [i, e.overallGPA != null ? 'overallGPA' : 'gpa']),
        majorGpa: ctx.rich(e.majorGPA, [i, 'majorGPA']),
        details: lines(e.details, [i, 'details'], ctx),
      };
    }),
  }),
};

// ------------------------------------------------------------------ positions
const positionItem = z.strictObject({
  place: displayText,
  title: optionalText,
  location: optionalText,
  dates: optionalText,
  inline_detail: optionalText,
  details: textList,
  url: urlString,
  area: optionalText,
  advisor: optionalText,
});
const positionsSchema = list(positionItem);
export const positionsSection: SectionSpec<PositionsSection, typeof positionsSchema> = {
  type: 'positions',
  description: 'Jobs, internships, current position: place, title, location, dates, inline_detail, details.',
  schema: positionsSchema,
  resolve: (items, ctx) => ({
    type: 'positions',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((p, i) => {
      const url = ctx.url(p.url, [i, 'url']);
      const place = ctx.rich(p.place, [i, 'place']);
      return {
        place: url ? [{ type: 'link', url, children: place }] : place,
        title: ctx.rich(p.title, [i, 'title']),
        location: ctx.rich(p.location, [i, 'location']),
        dates: ctx.rich(p.dates, [i, 'dates']),
        inlineDetail: ctx.rich(p.inline_detail, [i, 'inline_detail']),
        details: [
          ...lines(p.details, [i, 'details'], ctx),
          ...(p.area ? [ctx.rich(`Area: ${p.area}`, [i, 'area'])] : []),
          ...(p.advisor ? [ctx.rich(`Advisor: ${p.advisor}`, [i, 'advisor'])] : []),
        ],
      };
    }),
  }),
};

// ------------------------------------------------------------------ honors
const honorItem = z.strictObject({
  title: displayText,
  year: optionalText,
  url: urlString,
  descr: optionalText,
  description: optionalText,
  location: optionalText,
});
const honorsSchema = list(honorItem);
export const honorsSection: SectionSpec<HonorsSection, typeof honorsSchema> = {
  type: 'honors',
  description: 'Awards: title, year, url, descr.',
  schema: honorsSchema,
  resolve: (items, ctx) => ({
    type: 'honors',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((h, i) => ({
      title: ctx.rich(h.location ? `${h.title}, ${h.location}` : h.title, [i, 'title']),
      year: ctx.rich(h.year, [i, 'year']),
      url: ctx.url(h.url, [i, 'url']),
      description: ctx.rich(h.descr ?? h.description, [i, h.descr != null ? 'descr' : 'description']),
    })),
  }),
};

// ------------------------------------------------------------------ research
const researchItem = z.strictObject({
  title: displayText,
  place: optionalText,
  location: optionalText,
  dates: optionalText,
  advisor: optionalText,
  area: optionalText,
  details: textList,
  url: urlString,
});
const researchSchema = list(researchItem);
export const researchSection: SectionSpec<ResearchSection, typeof researchSchema> = {
  type: 'research',
  description: 'Research experience: title, place, dates, advisor, area, details.',
  schema: researchSchema,
  resolve: (items, ctx) => ({
    type: 'research',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((r, i) => ({
      title: ctx.rich(r.title, [i, 'title']),
      place: ctx.rich(r.location ? `${r.place ?? ''}${r.place ? ', ' : ''}${r.location}` : r.place, [
        i,
        'place',
      ]),
      dates: ctx.rich(r.dates, [i, 'dates']),
      advisor: ctx.rich(r.advisor, [i, 'advisor']),
      area: ctx.rich(r.area, [i, 'area']),
      details: lines(r.details, [i, 'details'], ctx),
    })),
  }),
};

// ------------------------------------------------------------------ skills
const skillItem = z.strictObject({
  title: displayText,
  details: z.union([displayText, z.array(displayText)]),
});
const skillsSchema = list(skillItem);
export const skillsSection: SectionSpec<SkillsSection, typeof skillsSchema> = {
  type: 'skills',
  description: 'Skills: title and details (a line or a list).',
  schema: skillsSchema,
  resolve: (items, ctx) => ({
    type: 'skills',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((s, i) => ({
      title: ctx.rich(s.title, [i, 'title']),
      details: ctx.rich(Array.isArray(s.details) ? s.details.join(', ') : s.details, [i, 'details']),
    })),
  }),
};

// ------------------------------------------------------------------ service
const serviceItem = z.union([
  displayText,
  z.strictObject({ details: displayText, sub_details: optionalText, year: optionalText, url: urlString }),
]);
const serviceSchema = z.union([
  list(serviceItem),
  z.record(z.string(), z.union([list(serviceItem), z.null()])),
]);
const readableKey = (key: string) => {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
export const serviceSection: SectionSpec<ServiceSection, typeof serviceSchema> = {
  type: 'service',
  description:
    'Service: a list of items (details, sub_details, year, url) or named groups of them (main, reviewer, ...).',
  schema: serviceSchema,
  resolve: (value, ctx) => {
    const resolveItems = (items: z.output<typeof serviceItem>[], path: RelativePath): ServiceItem[] =>
      items.map((item, i) =>
        typeof item === 'string'
          ? { details: ctx.rich(item, [...path, i]), subDetails: [], year: [] }
          : {
              details: ctx.rich(item.details, [...path, i, 'details']),
              subDetails: ctx.rich(item.sub_details, [...path, i, 'sub_details']),
              year: ctx.rich(item.year, [...path, i, 'year']),
              url: ctx.url(item.url, [...path, i, 'url']),
            },
      );
    const groups: ServiceGroup[] = Array.isArray(value)
      ? [{ key: null, title: null, items: resolveItems(value, []) }]
      : Object.entries(value).map(([key, items]) => ({
          key,
          title: key === 'main' ? null : [{ type: 'text', value: readableKey(key) }],
          items: resolveItems(items ?? [], [key]),
        }));
    return { type: 'service', key: ctx.key, position: ctx.position([]), groups };
  },
};

// ------------------------------------------------------------------ teaching
const teachingItem = z.strictObject({
  semester: optionalText,
  name: displayText,
  short: optionalText,
  position: optionalText,
  url: urlString,
  location: optionalText,
});
const teachingSchema = list(teachingItem);
export const teachingSection: SectionSpec<TeachingSection, typeof teachingSchema> = {
  type: 'teaching',
  description: 'Teaching: semester, name, short (course code), position.',
  schema: teachingSchema,
  resolve: (items, ctx) => ({
    type: 'teaching',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((t, i) => ({
      semester: ctx.rich(t.semester, [i, 'semester']),
      name: ctx.rich(t.name, [i, 'name']),
      short: ctx.rich(t.location ? `${t.short ?? ''}${t.short ? ', ' : ''}${t.location}` : t.short, [
        i,
        'short',
      ]),
      position: ctx.rich(t.position, [i, 'position']),
      url: ctx.url(t.url, [i, 'url']),
    })),
  }),
};

// ------------------------------------------------------------------ coursework
const courseworkSchema = z.union([z.record(z.string(), z.array(displayText)), z.array(displayText)]);
export const courseworkSection: SectionSpec<CourseworkSection, typeof courseworkSchema> = {
  type: 'coursework',
  description: 'Coursework: a list of courses, or named groups of them (Graduate: [...]).',
  schema: courseworkSchema,
  resolve: (value, ctx) => ({
    type: 'coursework',
    key: ctx.key,
    position: ctx.position([]),
    groups: Array.isArray(value)
      ? [{ title: [], courses: lines(value, [], ctx) }]
      : Object.entries(value).map(([title, courses]) => ({
          title: ctx.rich(title, [title]),
          courses: lines(courses, [title], ctx),
        })),
  }),
};

// ------------------------------------------------------------------ talks
const talkItem = z.strictObject({
  title: optionalText,
  url: urlString,
  location: optionalText,
  location_url: urlString,
  year: optionalText,
  date: optionalText,
});
const talksSchema = list(talkItem);
export const talksSection: SectionSpec<TalksSection, typeof talksSchema> = {
  type: 'talks',
  description: 'Talks: title, url, location, location_url, year.',
  schema: talksSchema,
  resolve: (items, ctx) => ({
    type: 'talks',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((t, i) => ({
      title: ctx.rich(t.title, [i, 'title']),
      url: ctx.url(t.url, [i, 'url']),
      location: ctx.rich(t.location, [i, 'location']),
      locationUrl: ctx.url(t.location_url, [i, 'location_url']),
      year: ctx.rich(t.year ?? t.date, [i, t.year != null ? 'year' : 'date']),
    })),
  }),
};

// ------------------------------------------------------------------ advising
const adviseeItem = z.strictObject({
  name: displayText,
  url: urlString,
  details: optionalText,
  year: optionalText,
});
const advisingSchema = list(adviseeItem);
export const advisingSection: SectionSpec<AdvisingSection, typeof advisingSchema> = {
  type: 'advising',
  description: 'Students and interns: name, url, details, year.',
  schema: advisingSchema,
  resolve: (items, ctx) => ({
    type: 'advising',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((a, i) => ({
      name: ctx.rich(a.name, [i, 'name']),
      url: ctx.url(a.url, [i, 'url']),
      details: ctx.rich(a.details, [i, 'details']),
      year: ctx.rich(a.year, [i, 'year']),
    })),
  }),
};
