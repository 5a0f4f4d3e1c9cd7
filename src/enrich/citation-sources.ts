/**
 * What the citation sources share: cached value types, owner ids, HTTP clients and response checks. The
 * sources themselves: `openalex.ts`, `semantic-scholar.ts` (official JSON APIs; author statistics and
 * per-paper counts) and `google-scholar.ts` (an HTML profile page, best-effort; author statistics only).
 */
import { HttpClient, type HttpOutcome, isRecord, parseJson } from './http.js';
import type { ResolvedEnrichOptions } from './options.js';
import type { WorkCitations } from './paper-match.js';

export interface AuthorStatsValue {
  readonly kind: 'author';
  readonly citations?: number;
  readonly hIndex?: number;
}

export interface WorksValue {
  readonly kind: 'works';
  readonly works: readonly WorkCitations[];
}

export type CitationCacheValue = AuthorStatsValue | WorksValue;

export type SourceResult<V> =
  | { readonly kind: 'ok'; readonly value: V }
  | { readonly kind: 'not-found'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

export type SourceName = 'OpenAlex' | 'Semantic Scholar' | 'Google Scholar';

/** One thing to look up: its cache key, how to name it in warnings, how to fetch it. */
export interface Lookup<V extends CitationCacheValue> {
  readonly source: SourceName;
  readonly key: string;
  /** "OpenAlex author A5023888391". */
  readonly label: string;
  readonly hints: readonly string[];
  readonly fetch: () => Promise<SourceResult<V>>;
}

/** Upper bound on pages followed for one author's works (200 per page on OpenAlex, 1000 on S2). */
export const MAX_PAGES = 50;

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isWork(value: unknown): value is WorkCitations {
  return (
    isRecord(value) &&
    typeof value.title === 'string' &&
    isCount(value.citations) &&
    (value.doi === undefined || typeof value.doi === 'string') &&
    (value.arxivId === undefined || typeof value.arxivId === 'string')
  );
}

export function isCitationCacheValue(value: unknown): value is CitationCacheValue {
  if (!isRecord(value)) return false;
  if (value.kind === 'author') {
    return (
      (value.citations === undefined || isCount(value.citations)) &&
      (value.hIndex === undefined || isCount(value.hIndex))
    );
  }
  return value.kind === 'works' && Array.isArray(value.works) && value.works.every(isWork);
}

export function isAuthorStatsValue(value: CitationCacheValue): value is AuthorStatsValue {
  return value.kind === 'author';
}

export function isWorksValue(value: CitationCacheValue): value is WorksValue {
  return value.kind === 'works';
}

// ---------------------------------------------------------------- identifiers

/** OpenAlex author: `A5023888391` or `https://openalex.org/A5023888391`. */
export function parseOpenAlexId(value: string): string | undefined {
  const match = /^(?:https?:\/\/(?:api\.)?openalex\.org\/(?:authors\/)?)?(A\d+)\/?$/i.exec(value.trim());
  return match?.[1]?.toUpperCase();
}

/** ORCID iD: `0000-0002-1825-0097` or `https://orcid.org/0000-0002-1825-0097`. */
export function parseOrcid(value: string): string | undefined {
  const match = /^(?:https?:\/\/(?:www\.)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\/?$/i.exec(
    value.trim(),
  );
  return match?.[1]?.toUpperCase();
}

/** Semantic Scholar author: `1741101` or `https://www.semanticscholar.org/author/Name/1741101`. */
export function parseSemanticScholarId(value: string): string | undefined {
  const match = /^(?:https?:\/\/(?:www\.)?semanticscholar\.org\/author\/(?:[^/]+\/)?)?(\d+)\/?$/i.exec(
    value.trim(),
  );
  return match?.[1];
}

/** Google Scholar profile: `d8gdZR4AAAAJ` or a profile URL with `user=`. */
export function parseGoogleScholarId(value: string): string | undefined {
  const trimmed = value.trim();
  const fromUrl = /[?&]user=([\w-]+)/.exec(trimmed)?.[1];
  if (fromUrl) return fromUrl;
  return /^[\w-]+$/.test(trimmed) ? trimmed : undefined;
}

// ---------------------------------------------------------------- clients

export interface CitationClients {
  readonly openAlex: HttpClient;
  readonly semanticScholar: HttpClient;
  readonly googleScholar: HttpClient;
}

export function createCitationClients(options: ResolvedEnrichOptions): CitationClients {
  const base = {
    fetch: options.fetch,
    now: options.now,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryDelayMs: options.retryDelayMs,
    maxWaitMs: options.maxWaitMs,
    concurrency: options.concurrency,
  };
  const json = { 'User-Agent': 'vita-cv', Accept: 'application/json' };
  return {
    openAlex: new HttpClient({ ...base, service: 'OpenAlex', headers: json }),
    semanticScholar: new HttpClient({ ...base, service: 'Semantic Scholar', headers: json }),
    // Best-effort and easily annoyed: one attempt, no retries.
    googleScholar: new HttpClient({
      ...base,
      service: 'Google Scholar',
      retries: 0,
      headers: { 'User-Agent': 'vita-cv', Accept: 'text/html', 'Accept-Language': 'en' },
    }),
  };
}

/** A JSON body from a 200 response, or the result that explains why there is none. */
export function jsonBody(outcome: HttpOutcome): { json: unknown } | SourceResult<never> {
  if (outcome.kind === 'failed') return { kind: 'failed', reason: outcome.reason };
  if (outcome.kind === 'rate-limited') return { kind: 'failed', reason: 'rate limit reached' };
  if (outcome.status === 404) return { kind: 'not-found', reason: 'HTTP 404' };
  if (outcome.status !== 200) {
    return {
      kind: 'failed',
      reason: `HTTP ${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ''}`,
    };
  }
  const json = parseJson(outcome.body);
  return json === undefined ? { kind: 'failed', reason: 'the response is not valid JSON' } : { json };
}

export function unexpected(what: string): SourceResult<never> {
  return { kind: 'failed', reason: `unexpected response (${what})` };
}
