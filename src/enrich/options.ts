/** Options of the enrichment stage, and their defaults. */

/** Every optional field also takes `undefined` ("not set"), so `process.env.X` can be passed as is. */
export interface EnrichOptions {
  /** Folder of the cache files (`github.json`, `citations.json`); usually `.vita-cache/` beside the YAML. */
  cacheDir: string;
  /** Never fetch: use cached values whatever their age; values not in the cache are omitted. */
  offline?: boolean | undefined;
  /** Ignore cache ages and fetch everything again. */
  refresh?: boolean | undefined;
  /** Age after which a cached value is fetched again. Default 7 days. */
  ttlMs?: number | undefined;
  /** GitHub token (`GITHUB_TOKEN`): switches to the GraphQL API (100 repositories per request). */
  githubToken?: string | undefined;
  /** Default `https://api.github.com`; GitHub Enterprise Server: `https://HOST/api/v3`. */
  githubApiUrl?: string | undefined;
  /** Default `${githubApiUrl}/graphql`, or `https://HOST/api/graphql` when the API URL ends in `/api/v3`. */
  githubGraphqlUrl?: string | undefined;
  /** Default `https://api.openalex.org`. */
  openAlexUrl?: string | undefined;
  /** Default `https://api.semanticscholar.org`. */
  semanticScholarUrl?: string | undefined;
  /** Default `https://scholar.google.com`. */
  scholarUrl?: string | undefined;
  /** Requests in flight at once, per service. Default 4. */
  concurrency?: number | undefined;
  /** Time allowed for one request, body included. Default 10 s. */
  timeoutMs?: number | undefined;
  /** Retries after a 5xx, a timeout or a network error. Default 2. */
  retries?: number | undefined;
  /** First backoff delay; doubled on each retry, with jitter. Default 500 ms. */
  retryDelayMs?: number | undefined;
  /** Longest single wait (backoff, `Retry-After`, rate-limit reset) before giving up instead. Default 10 s. */
  maxWaitMs?: number | undefined;
  /** No progress line. */
  quiet?: boolean | undefined;
  /** Where the progress line goes (e.g. `process.stderr`); only written when it is a TTY. */
  progressStream?: (NodeJS.WritableStream & { isTTY?: boolean }) | undefined;
  fetch?: typeof fetch | undefined;
  now?: (() => number) | undefined;
}

export interface ResolvedEnrichOptions {
  readonly cacheDir: string;
  readonly offline: boolean;
  readonly refresh: boolean;
  readonly ttlMs: number;
  readonly githubToken: string | undefined;
  readonly githubApiUrl: string;
  readonly githubGraphqlUrl: string;
  readonly openAlexUrl: string;
  readonly semanticScholarUrl: string;
  readonly scholarUrl: string;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly maxWaitMs: number;
  readonly quiet: boolean;
  readonly progressStream: (NodeJS.WritableStream & { isTTY?: boolean }) | undefined;
  readonly fetch: typeof fetch;
  readonly now: () => number;
}

export const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRIES = 2;
export const DEFAULT_RETRY_DELAY_MS = 500;
export const DEFAULT_MAX_WAIT_MS = 10_000;

/** Joins a base URL (which may carry a path, as GitHub Enterprise's `/api/v3`) and an absolute path. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * `${githubApiUrl}/graphql`, except for GitHub Enterprise Server, whose REST API lives at `/api/v3` and
 * GraphQL at `/api/graphql`.
 */
export function defaultGraphqlUrl(githubApiUrl: string): string {
  return /\/api\/v3$/.test(githubApiUrl)
    ? githubApiUrl.replace(/\/api\/v3$/, '/api/graphql')
    : joinUrl(githubApiUrl, 'graphql');
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function resolveOptions(options: EnrichOptions): ResolvedEnrichOptions {
  const githubApiUrl = (options.githubApiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const token = options.githubToken?.trim();
  return {
    cacheDir: options.cacheDir,
    offline: options.offline ?? false,
    refresh: options.refresh ?? false,
    ttlMs: nonNegative(options.ttlMs, DEFAULT_TTL_MS),
    githubToken: token === '' ? undefined : token,
    githubApiUrl,
    githubGraphqlUrl: options.githubGraphqlUrl ?? defaultGraphqlUrl(githubApiUrl),
    openAlexUrl: options.openAlexUrl ?? 'https://api.openalex.org',
    semanticScholarUrl: options.semanticScholarUrl ?? 'https://api.semanticscholar.org',
    scholarUrl: options.scholarUrl ?? 'https://scholar.google.com',
    concurrency: Math.max(1, Math.floor(nonNegative(options.concurrency, DEFAULT_CONCURRENCY))),
    timeoutMs: Math.max(1, nonNegative(options.timeoutMs, DEFAULT_TIMEOUT_MS)),
    retries: Math.floor(nonNegative(options.retries, DEFAULT_RETRIES)),
    retryDelayMs: nonNegative(options.retryDelayMs, DEFAULT_RETRY_DELAY_MS),
    maxWaitMs: nonNegative(options.maxWaitMs, DEFAULT_MAX_WAIT_MS),
    quiet: options.quiet ?? false,
    progressStream: options.progressStream,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now: options.now ?? Date.now,
  };
}
