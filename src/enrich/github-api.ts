/**
 * The GitHub side of repository enrichment: recognising repository URLs, and asking the REST API (one
 * repository per request) or the GraphQL API (up to 100 per request) for stars and descriptions.
 */
import { type HttpClient, type HttpOutcome, isRecord, parseJson } from './http.js';
import { joinUrl } from './options.js';

export interface RepoCoordinates {
  /** Cache key: `host/owner/name`, lower case. */
  readonly key: string;
  readonly host: string;
  readonly owner: string;
  readonly name: string;
}

/** What the cache holds per repository; a 404 is remembered too, so it is not asked for on every build. */
export type RepoCacheValue =
  | {
      readonly status: 'found';
      readonly nameWithOwner: string;
      readonly url: string;
      readonly stars: number;
      readonly description: string | null;
    }
  | { readonly status: 'missing' };

export type FoundRepo = Extract<RepoCacheValue, { status: 'found' }>;

export type RepoFetchResult =
  | { readonly kind: 'found'; readonly value: FoundRepo }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'rate-limited'; readonly resetAt: number | undefined };

/** GitHub's GraphQL API takes at most 100 `repository` fields per query. */
export const GRAPHQL_BATCH_SIZE = 100;
const OWNER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

export function isRepoCacheValue(value: unknown): value is RepoCacheValue {
  if (!isRecord(value)) return false;
  if (value.status === 'missing') return true;
  return (
    value.status === 'found' &&
    typeof value.nameWithOwner === 'string' &&
    typeof value.url === 'string' &&
    typeof value.stars === 'number' &&
    Number.isFinite(value.stars) &&
    (typeof value.description === 'string' || value.description === null)
  );
}

/** Hosts whose URLs are GitHub repositories: github.com, plus the web host of a GitHub Enterprise API. */
export function githubWebHosts(githubApiUrl: string): Set<string> {
  const hosts = new Set(['github.com']);
  try {
    const host = new URL(githubApiUrl).host.toLowerCase();
    if (host !== 'api.github.com') hosts.add(host.replace(/^api\./, ''));
  } catch {
    // An unparsable API URL fails every request later with a clear reason; no extra host here.
  }
  return hosts;
}

/**
 * `https://github.com/OWNER/NAME` (scheme optional, `www.`, `.git`, a trailing slash or a deeper path such
 * as `/tree/main` allowed) -> coordinates; `not-github` for other hosts; `invalid` for a GitHub URL that
 * names no repository.
 */
export function parseRepoUrl(
  url: string,
  hosts: ReadonlySet<string>,
): RepoCoordinates | 'not-github' | 'invalid' {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return /github/i.test(trimmed) ? 'invalid' : 'not-github';
  }
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  if (!hosts.has(host) || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return 'not-github';
  const [owner, rawName] = parsed.pathname.split('/').filter((segment) => segment !== '');
  const name = rawName?.replace(/\.git$/i, '');
  if (!owner || !name || !OWNER_PATTERN.test(owner) || !NAME_PATTERN.test(name) || /^\.+$/.test(name)) {
    return 'invalid';
  }
  return { key: `${host}/${owner}/${name}`.toLowerCase(), host, owner, name };
}

function failed(reason: string): RepoFetchResult {
  return { kind: 'failed', reason };
}

function fromOutcome(outcome: Exclude<HttpOutcome, { kind: 'response' }>): RepoFetchResult {
  return outcome.kind === 'failed' ? failed(outcome.reason) : outcome;
}

/** "HTTP 401: Bad credentials": the status and, when the body is GitHub's JSON error, its message. */
function describeHttpError(outcome: Extract<HttpOutcome, { kind: 'response' }>): string {
  const json = parseJson(outcome.body);
  const message = isRecord(json) && typeof json.message === 'string' ? json.message.slice(0, 200) : '';
  const base = `HTTP ${outcome.status}${message ? `: ${message}` : outcome.statusText ? ` ${outcome.statusText}` : ''}`;
  return outcome.status === 401 ? `${base} (check GITHUB_TOKEN)` : base;
}

function repoFromRest(json: unknown): FoundRepo | undefined {
  if (!isRecord(json)) return undefined;
  const { full_name, html_url, stargazers_count, description } = json;
  if (typeof full_name !== 'string' || typeof html_url !== 'string' || typeof stargazers_count !== 'number') {
    return undefined;
  }
  return {
    status: 'found',
    nameWithOwner: full_name,
    url: html_url,
    stars: stargazers_count,
    description: typeof description === 'string' ? description : null,
  };
}

function repoFromGraphql(node: unknown): FoundRepo | undefined {
  if (!isRecord(node)) return undefined;
  const { nameWithOwner, url, stargazerCount, description } = node;
  if (typeof nameWithOwner !== 'string' || typeof url !== 'string' || typeof stargazerCount !== 'number') {
    return undefined;
  }
  return {
    status: 'found',
    nameWithOwner,
    url,
    stars: stargazerCount,
    description: typeof description === 'string' ? description : null,
  };
}

/** REST: `GET /repos/OWNER/NAME`. A renamed repository answers 301, which fetch follows. */
export async function fetchRepoRest(
  client: HttpClient,
  apiUrl: string,
  repo: RepoCoordinates,
): Promise<RepoFetchResult> {
  const url = joinUrl(apiUrl, `repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`);
  const outcome = await client.request({ url });
  if (outcome.kind !== 'response') return fromOutcome(outcome);
  if (outcome.status === 404) return { kind: 'missing' };
  if (outcome.status !== 200) return failed(describeHttpError(outcome));
  const json = parseJson(outcome.body);
  if (json === undefined) return failed('the response is not valid JSON');
  const value = repoFromRest(json);
  return value ? { kind: 'found', value } : failed('unexpected response (no stargazers_count)');
}

/** The GraphQL query for one batch: `r0: repository(owner: "..", name: "..") { ... }` per repository. */
export function buildGraphqlQuery(repos: readonly RepoCoordinates[]): string {
  const fields = repos.map(
    (repo, index) =>
      `r${index}: repository(owner: ${JSON.stringify(repo.owner)}, name: ${JSON.stringify(repo.name)}) { nameWithOwner stargazerCount description url }`,
  );
  return `query {\n  ${fields.join('\n  ')}\n}`;
}

function resetFromHeaders(headers: Headers): number | undefined {
  const reset = Number(headers.get('x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined;
}

export async function fetchReposGraphql(
  client: HttpClient,
  graphqlUrl: string,
  repos: readonly RepoCoordinates[],
): Promise<Map<string, RepoFetchResult>> {
  const every = (result: RepoFetchResult) => new Map(repos.map((repo) => [repo.key, result]));
  const outcome = await client.request({
    url: graphqlUrl,
    method: 'POST',
    body: JSON.stringify({ query: buildGraphqlQuery(repos) }),
    headers: { 'Content-Type': 'application/json' },
  });
  if (outcome.kind !== 'response') return every(fromOutcome(outcome));
  if (outcome.status !== 200) return every(failed(describeHttpError(outcome)));
  const json = parseJson(outcome.body);
  if (!isRecord(json)) return every(failed('the response is not valid JSON'));
  const errors = Array.isArray(json.errors) ? json.errors.filter(isRecord) : [];
  if (errors.some((error) => error.type === 'RATE_LIMITED')) {
    const resetAt = resetFromHeaders(outcome.headers);
    client.markRateLimited(resetAt);
    return every({ kind: 'rate-limited', resetAt });
  }
  const firstMessage = errors.find((error) => typeof error.message === 'string')?.message as
    | string
    | undefined;
  if (!isRecord(json.data))
    return every(failed(`GraphQL error: ${firstMessage ?? 'no data in the response'}`));
  const data = json.data;
  const results = new Map<string, RepoFetchResult>();
  repos.forEach((repo, index) => {
    const alias = `r${index}`;
    const value = repoFromGraphql(data[alias]);
    if (value) {
      results.set(repo.key, { kind: 'found', value });
      return;
    }
    const error = errors.find((e) => Array.isArray(e.path) && e.path[0] === alias);
    if (error?.type === 'NOT_FOUND') results.set(repo.key, { kind: 'missing' });
    else {
      const message = typeof error?.message === 'string' ? error.message : 'no data for it in the response';
      results.set(repo.key, failed(`GraphQL error: ${message}`));
    }
  });
  return results;
}
