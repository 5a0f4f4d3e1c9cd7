/** One LaTeX handler per section type; the mapped type makes a missing handler a compile error. */
import type { Section, SectionType } from '../../../model/cv.js';
import type { LatexContext } from '../context.js';
import {
  renderAdvising,
  renderEducation,
  renderHonors,
  renderNews,
  renderPositions,
  renderResearch,
  renderService,
  renderTeaching,
} from './entries.js';
import { renderGeneric } from './generic.js';
import { renderAbout, renderCoursework, renderItems, renderSkills } from './lists.js';
import { renderRepos, renderTalks } from './numbered.js';
import { renderPublications } from './publications.js';

type SectionHandlers = {
  readonly [T in SectionType]: (section: Extract<Section, { type: T }>, context: LatexContext) => string;
};

export const SECTION_HANDLERS: SectionHandlers = {
  about: renderAbout,
  news: renderNews,
  education: renderEducation,
  positions: renderPositions,
  honors: renderHonors,
  research: renderResearch,
  skills: renderSkills,
  service: renderService,
  teaching: renderTeaching,
  coursework: renderCoursework,
  talks: renderTalks,
  advising: renderAdvising,
  repos: renderRepos,
  publications: renderPublications,
  items: renderItems,
  generic: renderGeneric,
};

/** The body of one section (without its heading). */
export function renderSectionBody(section: Section, context: LatexContext): string {
  const handler = SECTION_HANDLERS[section.type] as (section: Section, context: LatexContext) => string;
  return handler(section, context);
}
