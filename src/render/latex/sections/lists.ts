/** Sections of labelled lines or free text: skills, coursework, about, and the generic items section. */
import type { AboutSection, CourseworkSection, ItemsSection, SkillsSection } from '../../../model/cv.js';
import type { LatexContext } from '../context.js';
import { detailList, isPresent, joinPresent } from './shared.js';

export function renderSkills(section: SkillsSection, context: LatexContext): string {
  return section.items
    .map((item) => `\\vitapair{${context.rich(item.title)}}{${context.rich(item.details)}}`)
    .join('\n');
}

export function renderCoursework(section: CourseworkSection, context: LatexContext): string {
  return section.groups
    .map(
      (group) =>
        `\\vitapair{${context.rich(group.title)}}{${group.courses.map((course) => context.rich(course)).join(', ')}}`,
    )
    .join('\n');
}

/** The text content of the about block (raw HTML is shown as its text). */
export function renderAbout(section: AboutSection, context: LatexContext): string {
  const text = context.rich(section.text);
  return text === '' ? '' : `\\vitaline{${text}}`;
}

/** Any other section: one bullet per item, its text or its fields as `key: value`. */
export function renderItems(section: ItemsSection, context: LatexContext): string {
  return detailList(
    section.items.map((item) => {
      const fields = item.fields
        .filter((field) => isPresent(field.value))
        .map((field) => `\\textbf{${context.text(field.key)}:} ${context.rich(field.value)}`);
      return joinPresent([context.rich(item.text), ...fields], '; ');
    }),
  );
}
