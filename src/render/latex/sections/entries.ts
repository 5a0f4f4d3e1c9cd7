/** Sections made of dated entries: education, positions, research, honors, teaching, advising, service, news. */
import type {
  AdvisingSection,
  EducationSection,
  HonorsSection,
  NewsSection,
  PositionsSection,
  ResearchSection,
  ServiceSection,
  TeachingSection,
} from '../../../model/cv.js';
import type { LatexContext } from '../context.js';
import { aside, detailList, entry, isPresent, joinPresent, lines } from './shared.js';

/** Degree (GPA) and dates; school and location below; then the details, as the original's education.tex. */
export function renderEducation(section: EducationSection, context: LatexContext): string {
  return section.items
    .map((item) => {
      const gpa = isPresent(item.majorGpa)
        ? `${context.rich(item.gpa)}${isPresent(item.gpa) ? ' overall, ' : ''}${context.rich(item.majorGpa)} major`
        : context.rich(item.gpa);
      const where = joinPresent([context.rich(item.school), context.rich(item.location)], ', ');
      const details = item.details.map((detail) => context.rich(detail));
      if (!isPresent(item.degree)) return lines(entry(where, context.rich(item.dates)), detailList(details));
      return lines(
        entry(
          joinPresent([`\\textbf{${context.rich(item.degree)}}`, aside(gpa)], ' '),
          context.rich(item.dates),
        ),
        where === '' ? '' : `\\vitaline{${where}}`,
        detailList(details),
      );
    })
    .join('\n');
}

/** **Title**, *Place*, Location (inline detail), dates at the right; details below. */
export function renderPositions(section: PositionsSection, context: LatexContext): string {
  return section.items
    .map((item) => {
      const head = isPresent(item.title)
        ? joinPresent(
            [
              `\\textbf{${context.rich(item.title)}}`,
              isPresent(item.place) ? `\\emph{${context.rich(item.place)}}` : '',
            ],
            ', ',
          )
        : `\\textbf{${context.rich(item.place)}}`;
      const left = joinPresent(
        [
          joinPresent([head, context.rich(item.location)], ', '),
          isPresent(item.inlineDetail) ? `{\\footnotesize${aside(context.rich(item.inlineDetail))}}` : '',
        ],
        ' ',
      );
      return lines(
        entry(left, context.rich(item.dates)),
        detailList(item.details.map((d) => context.rich(d))),
      );
    })
    .join('\n');
}

export function renderResearch(section: ResearchSection, context: LatexContext): string {
  return section.items
    .map((item) => {
      const left = joinPresent(
        [
          `\\textbf{${context.rich(item.title)}}`,
          isPresent(item.place) ? `\\emph{${context.rich(item.place)}}` : '',
        ],
        ', ',
      );
      return lines(
        entry(left, context.rich(item.dates)),
        isPresent(item.advisor) ? `\\vitaline{Advisor: ${context.rich(item.advisor)}}` : '',
        isPresent(item.area) ? `\\vitaline{Area: ${context.rich(item.area)}}` : '',
        detailList(item.details.map((d) => context.rich(d))),
      );
    })
    .join('\n');
}

/** Title (linked when it has a URL) and year; the description as a note below. */
export function renderHonors(section: HonorsSection, context: LatexContext): string {
  return section.items
    .map((item) =>
      lines(
        entry(context.link(item.url, context.rich(item.title)), context.rich(item.year)),
        isPresent(item.description) ? `\\vitanote{${context.rich(item.description)}}` : '',
      ),
    )
    .join('\n');
}

/** Course (short name), position, and the semester, as the original's teaching.tex. */
export function renderTeaching(section: TeachingSection, context: LatexContext): string {
  return section.items
    .map((item) => {
      const course = context.link(item.url, context.rich(item.name));
      const left = joinPresent(
        [
          joinPresent([course, isPresent(item.short) ? `(${context.rich(item.short)})` : ''], ' '),
          context.rich(item.position),
        ],
        ', ',
      );
      return entry(left, context.rich(item.semester));
    })
    .join('\n');
}

/** Student (linked), what they did, and the years. */
export function renderAdvising(section: AdvisingSection, context: LatexContext): string {
  return section.items
    .map((item) => {
      const name = context.link(item.url, context.rich(item.name));
      return entry(joinPresent([name, aside(context.rich(item.details))], ' '), context.rich(item.year));
    })
    .join('\n');
}

/** The main list first, then each named group (`reviewer:`, `area_chair:`) under its own heading. */
export function renderService(section: ServiceSection, context: LatexContext): string {
  return section.groups
    .map((group) =>
      lines(
        group.title === null ? '' : `\\subsection{${context.rich(group.title)}}`,
        ...group.items.map((item) =>
          lines(
            entry(context.link(item.url, context.rich(item.details)), context.rich(item.year)),
            isPresent(item.subDetails) ? `\\vitanote{${context.rich(item.subDetails)}}` : '',
          ),
        ),
      ),
    )
    .join('\n');
}

export function renderNews(section: NewsSection, context: LatexContext): string {
  return section.items.map((item) => entry(context.rich(item.text), context.rich(item.date))).join('\n');
}
