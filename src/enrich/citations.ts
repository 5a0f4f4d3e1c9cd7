/**
 * Citation statistics for the CV's owner (total citations, h-index) and per-paper citation counts, from
 * OpenAlex or Semantic Scholar, with Google Scholar as a best-effort fallback for the totals.
 */
import { type Diagnostic, warning } from '../diagnostics/diagnostic.js';
import type { CitationStats } from '../model/cv.js';
import { JsonCache } from './cache.js';
import {
  type AuthorStatsValue,
  type CitationCacheValue,
  createCitationClients,
  isAuthorStatsValue,
  isCitationCacheValue,
  isWorksValue,
  type Lookup,
  parseGoogleScholarId,
  parseOpenAlexId,
  parseOrcid,
  parseSemanticScholarId,
  type WorksValue,
} from './citation-sources.js';
import { googleScholarStats } from './google-scholar.js';
import { type OpenAlexAuthor, openAlexAuthorStats, openAlexWorks } from './openalex.js';
import { type EnrichOptions, type ResolvedEnrichOptions, resolveOptions } from './options.js';
import { matchCitations, type PaperRef } from './paper-match.js';
import { semanticScholarAuthorStats, semanticScholarWorks } from './semantic-scholar.js';

export type { PaperRef } from './paper-match.js';

export const CITATIONS_CACHE_FILE = 'citations.json';

interface OwnerIds {
  readonly openAlex?: OpenAlexAuthor;
  readonly semanticScholar?: string;
  readonly googleScholar?: string;
}

/** Reads the owner's ids from `social`; a value that is not a valid id is a warning. */
function readOwnerIds(social: Readonly<Record<string, string>>, diagnostics: Diagnostic[]): OwnerIds {
  const read = (
    key: string,
    parse: (value: string) => string | undefined,
    example: string,
  ): string | undefined => {
    const raw = social[key];
    if (raw === undefined || raw.trim() === '') return undefined;
    const id = parse(raw);
    if (id === undefined) {
      diagnostics.push(
        warning({
          code: 'enrich-id-invalid',
          message: `social.${key} "${raw}" is not a valid id (expected e.g. ${example}); it is not used for citation statistics`,
        }),
      );
    }
    return id;
  };
  const openAlexId = read('openalex', parseOpenAlexId, 'A5023888391');
  const orcid = read('orcid', parseOrcid, '0000-0002-1825-0097');
  const semanticScholar = read('semantic_scholar', parseSemanticScholarId, '1741101');
  const googleScholar = read('google_scholar', parseGoogleScholarId, 'd8gdZR4AAAAJ');
  const openAlex: OpenAlexAuthor | undefined =
    openAlexId !== undefined ? { openAlexId } : orcid !== undefined ? { orcid } : undefined;
  return {
    ...(openAlex !== undefined ? { openAlex } : {}),
    ...(semanticScholar !== undefined ? { semanticScholar } : {}),
    ...(googleScholar !== undefined ? { googleScholar } : {}),
  };
}

interface LookupContext {
  readonly cache: JsonCache<CitationCacheValue>;
  readonly options: ResolvedEnrichOptions;
}

/**
 * Tries each lookup in order and returns the first value found: fresh from the cache, fetched, or (after
 * a failed fetch) stale from the cache. Failures are warnings in `diagnostics`.
 */
async function firstAvailable<V extends CitationCacheValue>(
  lookups: readonly Lookup<V>[],
  isValue: (value: CitationCacheValue) => value is V,
  context: LookupContext,
  diagnostics: Diagnostic[],
): Promise<{ value: V; source: Lookup<V>['source'] } | undefined> {
  const { cache, options } = context;
  for (const lookup of lookups) {
    const stored = cache.get(lookup.key);
    const entry =
      stored && isValue(stored.value) ? { fetchedAt: stored.fetchedAt, value: stored.value } : undefined;
    if (options.offline) {
      if (entry) return { value: entry.value, source: lookup.source };
      continue;
    }
    if (entry && !options.refresh && JsonCache.isFresh(entry, options.now(), options.ttlMs)) {
      return { value: entry.value, source: lookup.source };
    }
    const result = await lookup.fetch();
    if (result.kind === 'ok') {
      cache.set(lookup.key, result.value, options.now());
      return { value: result.value, source: lookup.source };
    }
    if (result.kind === 'not-found') {
      diagnostics.push(
        warning({
          code: 'enrich-author-not-found',
          message: `${lookup.label} was not found (${result.reason}); no citation statistics from ${lookup.source}`,
          hints: lookup.hints,
        }),
      );
      continue;
    }
    diagnostics.push(
      warning({
        code: 'enrich-fetch-failed',
        message: `could not fetch ${lookup.label}: ${result.reason}; ${
          entry ? `using the cached value from ${entry.fetchedAt.slice(0, 10)}` : 'nothing cached'
        }`,
        hints: lookup.hints,
      }),
    );
    if (entry) return { value: entry.value, source: lookup.source };
  }
  return undefined;
}

/**
 * The owner's citation statistics and each paper's citation count (keyed by `PaperRef.key`; papers not
 * matched are absent). Sources are tried in order OpenAlex (`social.openalex`, else `social.orcid`),
 * Semantic Scholar (`social.semantic_scholar`), then Google Scholar (`social.google_scholar`, totals only).
 */
export async function enrichCitations(
  social: Readonly<Record<string, string>>,
  papers: readonly PaperRef[],
  options: EnrichOptions,
): Promise<{ author?: CitationStats; perPaper: Map<string, number>; diagnostics: Diagnostic[] }> {
  const resolved = resolveOptions(options);
  const diagnostics: Diagnostic[] = [];
  const perPaper = new Map<string, number>();
  const ids = readOwnerIds(social, diagnostics);
  const clients = createCitationClients(resolved);

  const authorLookups: Lookup<AuthorStatsValue>[] = [];
  const worksLookups: Lookup<WorksValue>[] = [];
  if (ids.openAlex) {
    authorLookups.push(openAlexAuthorStats(clients.openAlex, resolved, ids.openAlex));
    worksLookups.push(openAlexWorks(clients.openAlex, resolved, ids.openAlex));
  }
  if (ids.semanticScholar !== undefined) {
    authorLookups.push(semanticScholarAuthorStats(clients.semanticScholar, resolved, ids.semanticScholar));
    worksLookups.push(semanticScholarWorks(clients.semanticScholar, resolved, ids.semanticScholar));
  }
  if (ids.googleScholar !== undefined) {
    authorLookups.push(googleScholarStats(clients.googleScholar, resolved, ids.googleScholar));
  }
  const wantWorks = papers.length > 0 && worksLookups.length > 0;
  if (authorLookups.length === 0 && !wantWorks) return { perPaper, diagnostics };

  const cache = await JsonCache.open(
    resolved.cacheDir,
    CITATIONS_CACHE_FILE,
    isCitationCacheValue,
    diagnostics,
  );
  const context: LookupContext = { cache, options: resolved };
  const authorDiagnostics: Diagnostic[] = [];
  const worksDiagnostics: Diagnostic[] = [];
  const [author, works] = await Promise.all([
    authorLookups.length > 0
      ? firstAvailable(authorLookups, isAuthorStatsValue, context, authorDiagnostics)
      : undefined,
    wantWorks ? firstAvailable(worksLookups, isWorksValue, context, worksDiagnostics) : undefined,
  ]);
  diagnostics.push(...authorDiagnostics, ...worksDiagnostics);

  if (works) for (const [key, count] of matchCitations(papers, works.value.works)) perPaper.set(key, count);
  if (resolved.offline) {
    const missing = [
      ...(authorLookups.length > 0 && !author ? ['the author statistics'] : []),
      ...(wantWorks && !works ? ['the per-paper counts'] : []),
    ];
    if (missing.length > 0) {
      diagnostics.push(
        warning({
          code: 'enrich-offline-missing',
          message: `offline: no cached citation data for ${missing.join(' and ')}; omitted`,
          hints: ['Run once without --offline to fill the cache.'],
        }),
      );
    }
  }
  await cache.save(diagnostics);
  const stats: CitationStats | undefined = author
    ? { totalCitations: author.value.citations, hIndex: author.value.hIndex, source: author.source }
    : undefined;
  return stats ? { author: stats, perPaper, diagnostics } : { perPaper, diagnostics };
}
