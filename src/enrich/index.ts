/**
 * Enrichment: GitHub stars and descriptions, citation statistics; fetched politely, cached on disk, and
 * never failing a build (problems are warnings). See docs/enrichment.md.
 */

export { enrichCitations, type PaperRef } from './citations.js';
export { enrichRepos, type RepoInfo, type RepoRef } from './github.js';
export type { EnrichOptions } from './options.js';
