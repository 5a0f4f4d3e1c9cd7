/**
 * The warnings of the enrichment stage, for the error catalogue and its docs page. All are warnings: the
 * network never fails a build. A test checks this list against the codes the modules use.
 */
export const ENRICH_DIAGNOSTIC_CODES = {
  'enrich-repo-url-invalid': 'A repo_url on a GitHub host does not name a repository (OWNER/NAME).',
  'enrich-repo-missing':
    'GitHub answered 404 (REST) or NOT_FOUND (GraphQL) for a repository; its row has no count.',
  'enrich-repo-moved':
    'A repository was renamed or transferred; its new URL is used and should go in the YAML.',
  'enrich-rate-limited':
    'GitHub rate limit reached and the reset is beyond the wait cap; the remaining repositories use the cache.',
  'enrich-fetch-failed':
    'A request failed after its retries (timeout, network error, 5xx, bad JSON); the cached value is used if any.',
  'enrich-author-not-found':
    'OpenAlex, Semantic Scholar or Google Scholar does not know the id from `social`.',
  'enrich-id-invalid':
    'A `social` id (orcid, openalex, semantic_scholar, google_scholar) has the wrong form.',
  'enrich-offline-missing':
    'Offline, and some values have never been cached; they are omitted (one summary).',
  'enrich-cache-corrupt': 'A cache file is not valid JSON or has the wrong shape; it is rebuilt.',
  'enrich-cache-unreadable': 'A cache file exists but cannot be read; values are fetched afresh.',
  'enrich-cache-write-failed': 'The cache folder cannot be written; the next build fetches again.',
} as const;

export type EnrichDiagnosticCode = keyof typeof ENRICH_DIAGNOSTIC_CODES;
