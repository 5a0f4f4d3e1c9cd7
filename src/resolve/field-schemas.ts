/** Schema pieces shared by the section schemas. */
import { z } from 'zod';

/**
 * A value shown as text. PyYAML-era files write years and numbers bare (`year: 2019`, `True`), so numbers
 * and booleans are accepted and shown as the original printed them.
 */
export const displayText = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((v) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v)))
  .meta({
    description: 'Text (a LaTeX subset: \\textbf{}, \\href{url}{text}, --, ~, ...). Numbers are accepted.',
  });

/** Optional text; an empty YAML value (`dates:`) counts as absent. */
export const optionalText = displayText.nullish();

/** One line or a list of lines. */
export const textList = z
  .union([displayText, z.array(displayText)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .nullish();

/** One value or a list of them, shown on one line joined by commas (`[Python, C++]` -> `Python, C++`). */
export const commaJoined = z
  .union([displayText, z.array(displayText)])
  .transform((v) => (Array.isArray(v) ? v.join(', ') : v))
  .nullish();

export const urlString = z.string().meta({ description: 'A URL: http(s), mailto, or relative.' }).nullish();

export const yesNo = z.boolean().nullish();

export type DisplayText = z.output<typeof displayText>;
