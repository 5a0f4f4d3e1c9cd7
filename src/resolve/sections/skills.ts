/**
 * The `skills` section (also `languages`, `interests`): the schema of its YAML value and its resolver.
 * bamos/cv writes `{title, details}` entries; forks write a list of plain lines, a mapping of titles to
 * lists (`Programming: [Python, C++]`), JSON Resume's `{name, level, keywords}` or `{language, fluency}`,
 * and bamos/cv's 2013-2016 `interests:` is one line of text.
 */

import { z } from 'zod';
import type { RichText, SkillsSection } from '../../model/cv.js';
import {
  type RelativePath,
  type ResolveContext,
  type SectionSpec,
  unknownLines,
  withExtras,
} from '../context.js';
import { commaJoined, displayText, optionalText } from '../field-schemas.js';
import { alias, firstOf } from './shapes.js';

const words = commaJoined;
const skillItem = z.strictObject({
  title: optionalText,
  details: words,
  name: alias('title'),
  category: alias('title'),
  language: alias('title'),
  keywords: words.meta({ description: 'Another name for `details`.' }),
  items: words.meta({ description: 'Another name for `details`.' }),
  level: optionalText.meta({ description: 'Shown after the details.' }),
  fluency: alias('level'),
});
const skillsSchema = z.union([
  z.array(z.union([displayText, skillItem])),
  z.record(z.string(), words),
  displayText,
  z.null(),
]);
type SkillInput = z.output<typeof skillItem>;

function resolveSkill(s: SkillInput, path: RelativePath, ctx: ResolveContext) {
  const title = firstOf(s, ['title', 'name', 'category', 'language']);
  const detailsKey = (['details', 'keywords', 'items'] as const).find(
    (k) => s[k] !== null && s[k] !== undefined,
  );
  const level = firstOf(s, ['level', 'fluency']);
  const details: RichText = detailsKey ? ctx.rich(s[detailsKey], [...path, detailsKey]) : [];
  const extras = [
    ...(level ? [ctx.rich(level.value, [...path, level.key])] : []),
    ...unknownLines(path, ctx),
  ];
  return {
    title: ctx.rich(title?.value, [...path, title?.key ?? 'title']),
    details: withExtras(details, extras),
  };
}

export const skillsSection: SectionSpec<SkillsSection, typeof skillsSchema> = {
  type: 'skills',
  description:
    'Skills: title and details (a line or a list); also plain lines, a mapping of titles to lists, or {name, level, keywords}.',
  schema: skillsSchema,
  showsUnknownKeys: true,
  resolve: (value, ctx) => {
    const base = { type: 'skills' as const, key: ctx.key, position: ctx.position([]) };
    if (value === null) return { ...base, items: [] };
    if (typeof value === 'string') return { ...base, items: [{ title: [], details: ctx.rich(value, []) }] };
    if (Array.isArray(value))
      return {
        ...base,
        items: value.map((s, i) =>
          typeof s === 'string' ? { title: [], details: ctx.rich(s, [i]) } : resolveSkill(s, [i], ctx),
        ),
      };
    return {
      ...base,
      items: Object.entries(value).map(([title, details]) => ({
        title: ctx.rich(title, [title]),
        details: ctx.rich(details, [title]),
      })),
    };
  },
};
