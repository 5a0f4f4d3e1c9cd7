/** Open-source repositories: `repo_url`, `year`, `desc`, `www`, `name`, `stars` (filled in by enrichment). */
import { z } from 'zod';
import type { ReposSection } from '../../model/cv.js';
import { type SectionSpec, unknownLines, withExtras } from '../context.js';
import { optionalText, urlString } from '../field-schemas.js';

const repoItem = z.strictObject({
  repo_url: z.string(),
  year: optionalText,
  desc: optionalText,
  www: urlString,
  name: optionalText,
  stars: z.number().int().nonnegative().nullish(),
});
const reposSchema = z.array(repoItem);

/** `https://github.com/owner/name(.git)(/)` -> `owner/name`; other hosts keep their path. */
export function repoShortName(url: string): string {
  const m = /^(?:https?:\/\/)?(?:www\.)?[^/]+\/([^/]+\/[^/#?]+?)(?:\.git)?\/?(?:[#?].*)?$/.exec(url.trim());
  return m?.[1] ?? url;
}

export const reposSection: SectionSpec<ReposSection, typeof reposSchema> = {
  type: 'repos',
  description:
    'Repositories: repo_url, year, desc, www; stars come from the GitHub API (cached) or `stars:`.',
  schema: reposSchema,
  showsUnknownKeys: true,
  resolve: (items, ctx) => ({
    type: 'repos',
    key: ctx.key,
    position: ctx.position([]),
    items: items.flatMap((r, i) => {
      const url = ctx.url(r.repo_url, [i, 'repo_url']);
      if (url === undefined) return [];
      return [
        {
          url,
          name: r.name ?? repoShortName(url),
          description: withExtras(ctx.rich(r.desc, [i, 'desc']), unknownLines([i], ctx)),
          stars: r.stars ?? undefined,
          homepage: ctx.url(r.www, [i, 'www']),
          year: ctx.rich(r.year, [i, 'year']),
          position: ctx.position([i, 'repo_url']),
        },
      ];
    }),
  }),
};
