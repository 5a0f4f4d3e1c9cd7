/**
 * The YAML config of a publications section (`all_publications:` in the original's cv.yaml). Strict:
 * an unknown key is an error. Defaults are the original's behaviour where it had one.
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

/** One name or a list of names; a list means "any of these" (name variants, maiden names). */
const oneOrMany = (description: string) =>
  z.union([nonEmpty, z.array(nonEmpty).min(1)]).meta({ description });

export const publicationCategorySchema = z.strictObject({
  heading: z.string().meta({ description: 'Heading of this list, e.g. "Conference Papers" (LaTeX subset).' }),
  prefix: z
    .string()
    .default('')
    .meta({ description: 'Prefix of the numbers of this list: `C` gives [C1], [C2], ...' }),
  file: oneOrMany(
    'The .bib file(s) of this list: `publications/<file>` beside the YAML, else relative to it.',
  ),
});

export const publicationsSectionSchema = z
  .strictObject({
    type: z.literal('publications').optional(),
    name: oneOrMany(
      'The owner, shown in bold: a string found in "First Last" (e.g. `Amos`), or a list of variants.',
    ).optional(),
    file: oneOrMany(
      'The .bib file(s): `publications/<file>` beside the YAML, else relative to it.',
    ).optional(),
    categories: z
      .array(publicationCategorySchema)
      .min(1)
      .optional()
      .meta({ description: 'Several lists, each with its own heading, number prefix and .bib file(s).' }),
    sort_bib: z.boolean().default(false).meta({ description: 'Sort by year, newest first (stable).' }),
    group_by_year: z
      .boolean()
      .default(false)
      .meta({ description: 'One heading per year; old years are folded.' }),
    group_cutoff_year: z
      .number()
      .int()
      .default(2015)
      .meta({ description: 'With group_by_year: this year and older are one group, "2015 and earlier".' }),
    numbering: z.enum(['descending', 'ascending']).default('descending').meta({
      description: '`descending`: the newest paper has the highest number; `ascending`: it is [1].',
    }),
    include_image: z
      .boolean()
      .default(false)
      .meta({ description: 'Show `<image_dir>/<key>.png|.jpg|.svg` when it exists.' }),
    image_dir: z.string().trim().min(1).default('images/publications'),
    error_without_author_url: z
      .boolean()
      .default(false)
      .meta({ description: 'Fail when a co-author has no entry in author_urls.' }),
    author_urls: z
      .record(z.string(), z.string())
      .default({})
      .meta({ description: 'Co-author links: a key matches an author whose "First Last" contains it.' }),
    venue_summary: z
      .union([z.boolean(), z.number().int().min(1)])
      .default(false)
      .meta({ description: '`true` or a number N: list the venues with at least N papers (default 3).' }),
    show_citations: z
      .boolean()
      .default(false)
      .meta({ description: 'Show citation counts (when enrichment found them).' }),
    show_bib_link: z
      .boolean()
      .optional()
      .meta({ description: 'Link the heading to the .bib source (default: on).' }),
    bib_url: z
      .string()
      .optional()
      .meta({ description: 'URL of the .bib source; default: <src>/blob/master/<path>.' }),
    title: z.string().optional().meta({ description: 'Heading text when the layout gives none.' }),
    legend: z.string().optional().meta({ description: 'Text shown under the heading.' }),
  })
  .superRefine((config, ctx) => {
    if (config.file === undefined && config.categories === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['file'],
        message: 'a publications section needs `file:` (a .bib file) or `categories:`',
      });
    } else if (config.file !== undefined && config.categories !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: 'give either `file:` or `categories:`, not both',
      });
    }
  });

export type PublicationsConfigInput = z.input<typeof publicationsSectionSchema>;
export type PublicationsConfig = z.output<typeof publicationsSectionSchema>;
export type PublicationCategoryConfig = z.output<typeof publicationCategorySchema>;
