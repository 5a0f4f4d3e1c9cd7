/** The schema of the keys of cv.yaml that are not sections: the person, layouts and print options. */
import { z } from 'zod';
import { DENSITIES, DESIGN_FONTS, PDF_STANDARDS } from '../model/cv.js';
import { displayText, optionalText } from './field-schemas.js';

/**
 * One order entry. Every form the original and its forks wrote is accepted here; `layout.ts` reads it and
 * warns about what it cannot use, so an odd entry never fails the build.
 */
export const orderEntrySchema = z
  .union([
    z.array(z.unknown()).meta({
      description:
        '[section_key, "Title"]; Title `NONE` (or null) hides the heading; key `NEWPAGE` breaks the page in print.',
    }),
    z.string().meta({ description: 'A section key: its heading is the key made readable.' }),
    z
      .looseObject({
        tag: z.string().optional(),
        title: z.union([displayText, z.null()]).optional(),
        'display-web': z.unknown().optional(),
        'display-pdf': z.unknown().optional(),
      })
      .meta({
        description:
          '{tag: section_key, title: "Title", display-web: no, display-pdf: yes}: `display-web: no` leaves the section off the web targets, `display-pdf: no` off the print targets.',
      }),
    z.number(),
    z.boolean(),
    z.null(),
  ])
  .meta({ description: 'A section in the order: `[key, Title]`, `key`, or `{tag: key, title: Title}`.' });

export const orderSchema = z
  .union([z.array(orderEntrySchema), z.record(z.string(), z.unknown()), z.string(), z.number(), z.boolean()])
  .nullish();

export const nameSchema = z.union([
  displayText,
  z.strictObject({ first: optionalText, middle: optionalText, last: optionalText }),
]);

export const socialSchema = z
  .record(z.string(), z.union([displayText, z.null()]))
  .meta({
    description:
      'Profiles: github, twitter, linkedin, google_scholar, orcid, openalex, semantic_scholar, ...',
  })
  .nullish();

/** Keys that are not sections. Every other top-level key is a section. */
export const topLevelShape = {
  name: nameSchema.nullish(),
  email: optionalText,
  phone: optionalText,
  url: optionalText,
  pdf: optionalText,
  src: optionalText,
  social: socialSchema,
  order: orderSchema,
  order_md: orderSchema,
  order_latex: orderSchema,
  style: optionalText,
  color: optionalText,
  color2: optionalText,
  linkcolor: optionalText,
  paper: z.enum(['letter', 'a4', 'A4', 'Letter']).nullish(),
  theme: optionalText,
  fonts: z
    .union([z.string(), z.array(z.string())])
    .nullish()
    .meta({
      description:
        "Folders of font files (.ttf, .otf) the PDF may use besides the fonts vita ships, relative to cv.yaml. The machine's installed fonts are never used, so the PDF is the same everywhere.",
    }),
  design: z
    .strictObject({
      font: z.enum(DESIGN_FONTS).nullish().meta({ description: 'The body font, one of the bundled fonts.' }),
      font_size: z
        .number()
        .min(7)
        .max(14)
        .nullish()
        .meta({ description: 'Body text size in points (7 to 14).' }),
      margin: z
        .union([z.string(), z.number()])
        .nullish()
        .meta({ description: 'Page margins: `2cm`, `20mm`, `0.75in` or `54pt` (a bare number is points).' }),
      density: z
        .enum(Object.keys(DENSITIES) as [keyof typeof DENSITIES, ...(keyof typeof DENSITIES)[]])
        .nullish()
        .meta({ description: 'Space between entries: compact, normal or airy.' }),
      date_position: z
        .enum(['left', 'right'])
        .nullish()
        .meta({ description: 'Dates in a left column or at the right edge.' }),
      keep_years_together: z.boolean().nullish().meta({
        description:
          'Keep each year of a publications list on one page (a year longer than a page still breaks).',
      }),
      highlight: optionalText.meta({
        description: 'Background of selected publications: a colour as `color:` takes.',
      }),
      pdf_standard: z.enum(PDF_STANDARDS).nullish().meta({
        description: 'Write the PDF to a standard: PDF/A-2b (`a-2b`) for archiving, `ua-1` for PDF/UA, ...',
      }),
    })
    .nullish()
    .meta({ description: 'The look of the PDF themes (docs/themes.md, "Design options").' }),
  title: optionalText,
  description: optionalText,
  check: z
    .strictObject({
      skip: z.array(z.string()).nullish().meta({
        description:
          'URLs `vita check --links` does not fetch: a prefix (`https://scholar.google.com/`), or a regular expression written `/.../` or starting with `^`.',
      }),
    })
    .nullish()
    .meta({ description: 'Settings of `vita check`.' }),
} as const;

export const TOP_LEVEL_KEYS = new Set(Object.keys(topLevelShape));

export const topLevelSchema = z.object(topLevelShape);
export type TopLevel = z.output<typeof topLevelSchema>;
