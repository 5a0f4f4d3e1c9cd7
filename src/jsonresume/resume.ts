/**
 * The JSON Resume vocabulary (https://jsonresume.org/schema, v1.0.0): the document's types, and the
 * correspondences with cv.yaml that both the export target and `vita import jsonresume` use, so the two
 * directions cannot disagree.
 */

export const JSON_RESUME_SCHEMA_URL =
  'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

export interface ResumeProfile {
  network?: string | undefined;
  username?: string | undefined;
  url?: string | undefined;
}

export interface ResumeBasics {
  name?: string | undefined;
  label?: string | undefined;
  image?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  url?: string | undefined;
  summary?: string | undefined;
  location?: Record<string, string> | undefined;
  profiles?: ResumeProfile[] | undefined;
}

export interface ResumeWork {
  name?: string | undefined;
  location?: string | undefined;
  description?: string | undefined;
  position?: string | undefined;
  url?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  summary?: string | undefined;
  highlights?: string[] | undefined;
}

export interface ResumeVolunteer {
  organization?: string | undefined;
  position?: string | undefined;
  url?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  summary?: string | undefined;
  highlights?: string[] | undefined;
}

export interface ResumeEducation {
  institution?: string | undefined;
  url?: string | undefined;
  area?: string | undefined;
  studyType?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  score?: string | undefined;
  courses?: string[] | undefined;
}

export interface ResumeAward {
  title?: string | undefined;
  date?: string | undefined;
  awarder?: string | undefined;
  summary?: string | undefined;
}

export interface ResumeCertificate {
  name?: string | undefined;
  date?: string | undefined;
  url?: string | undefined;
  issuer?: string | undefined;
}

export interface ResumePublication {
  name?: string | undefined;
  publisher?: string | undefined;
  releaseDate?: string | undefined;
  url?: string | undefined;
  summary?: string | undefined;
}

export interface ResumeSkill {
  name?: string | undefined;
  level?: string | undefined;
  keywords?: string[] | undefined;
}

export interface ResumeLanguage {
  language?: string | undefined;
  fluency?: string | undefined;
}

export interface ResumeInterest {
  name?: string | undefined;
  keywords?: string[] | undefined;
}

export interface ResumeReference {
  name?: string | undefined;
  reference?: string | undefined;
}

export interface ResumeProject {
  name?: string | undefined;
  description?: string | undefined;
  highlights?: string[] | undefined;
  keywords?: string[] | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  url?: string | undefined;
  roles?: string[] | undefined;
  entity?: string | undefined;
  type?: string | undefined;
}

export interface JsonResume {
  $schema?: string | undefined;
  basics?: ResumeBasics | undefined;
  work?: ResumeWork[] | undefined;
  volunteer?: ResumeVolunteer[] | undefined;
  education?: ResumeEducation[] | undefined;
  awards?: ResumeAward[] | undefined;
  certificates?: ResumeCertificate[] | undefined;
  publications?: ResumePublication[] | undefined;
  skills?: ResumeSkill[] | undefined;
  languages?: ResumeLanguage[] | undefined;
  interests?: ResumeInterest[] | undefined;
  references?: ResumeReference[] | undefined;
  projects?: ResumeProject[] | undefined;
  meta?: Record<string, string> | undefined;
}

/** How a field of a generic list is written in cv.yaml and read back. */
export type GenericFieldKind = 'text' | 'list' | 'url' | 'full-date';

/**
 * JSON Resume lists that vita has no section type for: they are kept as generic sections
 * (`languages: {type: items, items: [...]}`) whose entries hold these fields, and exported back from
 * sections of these keys. `list` fields are written as YAML lists and read back by splitting on commas;
 * `full-date` fields must be `YYYY-MM-DD` in JSON Resume.
 */
export const GENERIC_LISTS = {
  languages: { title: 'Languages', fields: { language: 'text', fluency: 'text' } },
  interests: { title: 'Interests', fields: { name: 'text', keywords: 'list' } },
  references: { title: 'References', fields: { name: 'text', reference: 'text' } },
  certificates: {
    title: 'Certificates',
    fields: { name: 'text', date: 'full-date', url: 'url', issuer: 'text' },
  },
} as const satisfies Record<string, { title: string; fields: Readonly<Record<string, GenericFieldKind>> }>;

export type GenericListKey = keyof typeof GENERIC_LISTS;

export const isGenericListKey = (key: string): key is GenericListKey => Object.hasOwn(GENERIC_LISTS, key);

/** Keys of positions sections that are volunteer work rather than employment. */
export const VOLUNTEER_KEYS: ReadonlySet<string> = new Set(['volunteer', 'volunteering']);

/** `degree: "<studyType> in <area>"`: how the two education fields share vita's one. */
export const DEGREE_SEPARATOR = ' in ';
