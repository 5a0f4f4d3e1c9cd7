/**
 * Section types and how a YAML key finds its type. A section's type comes from an explicit `type:` where
 * given, else from its key; an unknown key (or a value no schema accepts) falls back to the `generic` section with a warning.
 */
import type { Section, SectionType } from '../model/cv.js';
import type { SectionSpec } from './context.js';
import { aboutSection } from './sections/about.js';
import { advisingSection } from './sections/advising.js';
import { courseworkSection } from './sections/coursework.js';
import { educationSection } from './sections/education.js';
import { genericSection } from './sections/generic.js';
import { honorsSection } from './sections/honors.js';
import { itemsSection } from './sections/items.js';
import { newsSection } from './sections/news.js';
import { positionsSection } from './sections/positions.js';
import { publicationsSection } from './sections/publications.js';
import { reposSection } from './sections/repos.js';
import { researchSection } from './sections/research.js';
import { serviceSection } from './sections/service.js';
import { skillsSection } from './sections/skills.js';
import { talksSection } from './sections/talks.js';
import { teachingSection } from './sections/teaching.js';

// biome-ignore lint/suspicious/noExplicitAny: each spec has its own schema type; the table is keyed by type
type AnySpec<T extends SectionType> = SectionSpec<Extract<Section, { type: T }>, any>;

/** One spec per section type; the mapped type makes a missing type a compile error. */
export const SECTION_SPECS: { readonly [T in SectionType]: AnySpec<T> } = {
  about: aboutSection,
  news: newsSection,
  education: educationSection,
  positions: positionsSection,
  honors: honorsSection,
  research: researchSection,
  skills: skillsSection,
  service: serviceSection,
  teaching: teachingSection,
  coursework: courseworkSection,
  talks: talksSection,
  advising: advisingSection,
  repos: reposSection,
  publications: publicationsSection,
  items: itemsSection,
  generic: genericSection,
};

/** Keys the original recognised, and common names other people's files use for the same sections. */
const KEY_TYPES: Readonly<Record<string, SectionType>> = {
  about: 'about',
  bio: 'about',
  summary: 'about',
  news: 'news',
  education: 'education',
  positions: 'positions',
  current_position: 'positions',
  industry: 'positions',
  experience: 'positions',
  employment: 'positions',
  internships: 'positions',
  research_internships: 'positions',
  work: 'positions',
  volunteer: 'positions',
  volunteering: 'positions',
  projects: 'positions',
  honors: 'honors',
  awards: 'honors',
  certifications: 'honors',
  certificates: 'honors',
  research: 'research',
  skills: 'skills',
  languages: 'skills',
  interests: 'skills',
  service: 'service',
  reviewing: 'service',
  teaching: 'teaching',
  coursework: 'coursework',
  talks: 'talks',
  invited_talks: 'talks',
  presentations: 'talks',
  advising: 'advising',
  students: 'advising',
  mentoring: 'advising',
  references: 'advising',
  repos: 'repos',
  repositories: 'repos',
  open_source: 'repos',
  items: 'items',
};

export const SECTION_TYPE_NAMES = Object.keys(SECTION_SPECS) as SectionType[];

export function isSectionType(name: string): name is SectionType {
  return Object.hasOwn(SECTION_SPECS, name);
}

/** The type a key implies, or undefined when neither the key nor a `type:` names one. */
export function sectionTypeForKey(key: string): SectionType | undefined {
  if (Object.hasOwn(KEY_TYPES, key)) return KEY_TYPES[key];
  if (key.includes('publications')) return 'publications';
  return undefined;
}
