/**
 * Applies enrichment (GitHub stars and descriptions, citation counts) to the model. The network is never
 * allowed to fail a build: the enrich stage returns warnings only, and values it cannot get are omitted.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EnrichOptions } from '../enrich/index.js';
import { inlineToText } from '../inline/to-text.js';
import type { Cv, Publication, PublicationsSection, ReposSection, Section } from '../model/cv.js';

export type EnrichSettings = EnrichOptions;

export interface EnrichCvResult {
  readonly cv: Cv;
  readonly diagnostics: readonly Diagnostic[];
}

const CITATION_PROFILES = ['orcid', 'openalex', 'semantic_scholar', 'google_scholar'];

export async function enrichCv(cv: Cv, settings: EnrichSettings): Promise<EnrichCvResult> {
  const sections = [...cv.sections.values()];
  const repoSections = sections.filter((s): s is ReposSection => s.type === 'repos');
  const pubSections = sections.filter((s): s is PublicationsSection => s.type === 'publications');
  const wantsRepos = repoSections.some((s) =>
    s.items.some((r) => r.stars === undefined || r.description.length === 0),
  );
  const wantsCitations =
    pubSections.some((s) => s.showCitations) &&
    CITATION_PROFILES.some((p) => cv.person.social[p] !== undefined);
  if (!wantsRepos && !wantsCitations) return { cv, diagnostics: [] };

  // Loaded only when needed: a build without repositories never pays for the network code.
  const { enrichRepos, enrichCitations } = await import('../enrich/index.js');
  const diagnostics: Diagnostic[] = [];
  const [repos, citations] = await Promise.all([
    wantsRepos
      ? enrichRepos(
          repoSections.flatMap((s) =>
            s.items.map((r) => ({ url: r.url, ...(r.position ? { position: r.position } : {}) })),
          ),
          settings,
        )
      : undefined,
    wantsCitations
      ? enrichCitations(
          cv.person.social,
          pubSections
            .flatMap((s) => allPublications(s))
            .map((p) => ({
              key: p.key,
              title: p.titleText,
              ...(p.doi ? { doi: p.doi } : {}),
              ...(p.arxivId ? { arxivId: p.arxivId } : {}),
            })),
          settings,
        )
      : undefined,
  ]);
  if (repos) diagnostics.push(...repos.diagnostics);
  if (citations) diagnostics.push(...citations.diagnostics);

  const updated = new Map<string, Section>();
  for (const [key, section] of cv.sections) {
    if (section.type === 'repos' && repos) {
      updated.set(key, {
        ...section,
        items: section.items.map((r) => {
          const info = repos.info.get(r.url);
          if (!info) return r;
          return {
            ...r,
            stars: r.stars ?? info.stars,
            // The YAML's `desc` wins; GitHub's description is plain text, never markup.
            description:
              r.description.length > 0 || !info.description
                ? r.description
                : [{ type: 'text' as const, value: info.description }],
          };
        }),
      });
    } else if (section.type === 'publications' && citations && citations.perPaper.size > 0) {
      const withCount = (p: Publication): Publication => {
        const n = citations.perPaper.get(p.key);
        return n === undefined ? p : { ...p, citations: n };
      };
      updated.set(key, {
        ...section,
        lists: section.lists.map((l) => ({
          ...l,
          groups: l.groups.map((g) => ({ ...g, publications: g.publications.map(withCount) })),
        })),
      });
    } else {
      updated.set(key, section);
    }
  }
  return { cv: { ...cv, sections: updated, citations: citations?.author ?? cv.citations }, diagnostics };
}

function allPublications(section: PublicationsSection): (Publication & { titleText: string })[] {
  return section.lists
    .flatMap((l) => l.groups.flatMap((g) => g.publications))
    .map((p) => ({ ...p, titleText: inlineToText(p.title) }));
}
