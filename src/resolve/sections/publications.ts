/** Publications sections: the config schema and resolver live in src/publications; this adapts them. */
import type { PublicationsSection } from '../../model/cv.js';
import type { SectionSpec } from '../context.js';
import { resolvePublications } from '../publications/resolve-publications.js';
import { publicationsSectionSchema } from './publications-schema.js';

export const publicationsSection: SectionSpec<PublicationsSection, typeof publicationsSectionSchema> = {
  type: 'publications',
  description:
    'Publications from BibTeX files: file or categories, name (the owner), author_urls, sort_bib, group_by_year, ...',
  schema: publicationsSectionSchema,
  resolve: (config, ctx) => {
    const { section, diagnostics } = resolvePublications(config, {
      key: ctx.key,
      baseDir: ctx.baseDir,
      yamlFile: ctx.yamlFile,
      positionOf: (path) => ctx.position(path),
      readTextFile: (file, shown, referencedAt) => ctx.readTextFile(file, shown, referencedAt),
      fileExists: (file) => ctx.fileExists(file),
      lenient: ctx.lenient,
      ownerNames: ctx.ownerNames,
    });
    ctx.diagnostics.addAll(diagnostics);
    return section;
  },
};
