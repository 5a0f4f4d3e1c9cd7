/**
 * GitHub stars and descriptions for `repo_url`s: the GraphQL API (100 repositories per request) when a
 * token is set, else the REST API (one request each); cached, and never failing the build. This module
 * decides what to fetch, applies the cache and words the warnings; `github-api.ts` talks to GitHub.
 */
import { type Diagnostic, type SourcePosition, warning } from '../diagnostics/diagnostic.js';
import { type CacheEntry, JsonCache } from './cache.js';
import {
  fetchRepoRest,
  fetchReposGraphql,
  GRAPHQL_BATCH_SIZE,
  githubWebHosts,
  isRepoCacheValue,
  parseRepoUrl,
  type RepoCacheValue,
  type RepoCoordinates,
  type RepoFetchResult,
} from './github-api.js';
import { HttpClient } from './http.js';
import { type EnrichOptions, type ResolvedEnrichOptions, resolveOptions } from './options.js';
import { createProgress } from './progress.js';

export interface RepoRef {
  /** The `repo_url` as written in the YAML, e.g. `https://github.com/locuslab/qpth`. */
  url: string;
  /** Where the entry is in the YAML; named in warnings. */
  position?: SourcePosition;
}

export interface RepoInfo {
  stars?: number;
  /** GitHub's description; a `desc` in the YAML wins (the caller's business). */
  description?: string;
  /** The repository's URL as GitHub gives it (the new one when it moved). */
  canonicalUrl?: string;
}

export const GITHUB_CACHE_FILE = 'github.json';
/** Failures sharing one reason are reported in one warning beyond this many. */
const MAX_SEPARATE_FAILURE_WARNINGS = 3;

interface Target {
  readonly repo: RepoCoordinates;
  readonly refs: RepoRef[];
}

interface Failure {
  readonly target: Target;
  readonly reason: string;
  readonly cached: CacheEntry<RepoCacheValue> | undefined;
}

export function formatClock(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function listNames(targets: readonly Target[], max = 5): string {
  const names = targets.slice(0, max).map((t) => `${t.repo.owner}/${t.repo.name}`);
  const more = targets.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

function fallbackSummary(failures: readonly Failure[]): string {
  const cached = failures.filter((f) => f.cached?.value.status === 'found').length;
  const none = failures.length - cached;
  return `${cached} ${cached === 1 ? 'uses its' : 'use their'} cached value; ${none} ${none === 1 ? 'has' : 'have'} no star count.`;
}

function reportFailures(failures: readonly Failure[], diagnostics: Diagnostic[]): void {
  const byReason = new Map<string, Failure[]>();
  for (const failure of failures) {
    const group = byReason.get(failure.reason) ?? [];
    group.push(failure);
    byReason.set(failure.reason, group);
  }
  for (const [reason, group] of byReason) {
    if (group.length <= MAX_SEPARATE_FAILURE_WARNINGS) {
      for (const { target, cached } of group) {
        const first = target.refs[0];
        const fallback =
          cached?.value.status === 'found'
            ? `using the cached value from ${cached.fetchedAt.slice(0, 10)}`
            : 'no star count is shown';
        diagnostics.push(
          warning({
            code: 'enrich-fetch-failed',
            message: `could not fetch GitHub data for ${target.repo.owner}/${target.repo.name} (${first?.url}): ${reason}; ${fallback}`,
            position: first?.position,
          }),
        );
      }
      continue;
    }
    diagnostics.push(
      warning({
        code: 'enrich-fetch-failed',
        message: `could not fetch GitHub data for ${group.length} repositories (${listNames(group.map((f) => f.target))}): ${reason}`,
        position: group[0]?.target.refs[0]?.position,
        hints: [fallbackSummary(group)],
      }),
    );
  }
}

function reportRateLimit(
  skipped: readonly Failure[],
  resetAt: number | undefined,
  total: number,
  options: ResolvedEnrichOptions,
  diagnostics: Diagnostic[],
): void {
  const when = resetAt !== undefined ? ` (resets at ${formatClock(resetAt)})` : '';
  const message =
    options.githubToken === undefined
      ? `GitHub rate limit reached${when}; set GITHUB_TOKEN to raise the limit (https://github.com/settings/tokens).`
      : `GitHub rate limit reached${when} for the token in GITHUB_TOKEN; cached values are used until then.`;
  diagnostics.push(
    warning({
      code: 'enrich-rate-limited',
      message,
      hints: [
        `${skipped.length} of ${total} repositories were not fetched (${listNames(skipped.map((f) => f.target))}): ${fallbackSummary(skipped)}`,
      ],
    }),
  );
}

async function fetchTargets(
  targets: readonly Target[],
  options: ResolvedEnrichOptions,
): Promise<Map<string, RepoFetchResult>> {
  const token = options.githubToken;
  const client = new HttpClient({
    service: 'GitHub',
    fetch: options.fetch,
    now: options.now,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryDelayMs: options.retryDelayMs,
    maxWaitMs: options.maxWaitMs,
    concurrency: options.concurrency,
    headers: {
      'User-Agent': 'vita-cv',
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
  const progress = createProgress('Fetching GitHub data', targets.length, {
    stream: options.progressStream,
    quiet: options.quiet,
  });
  const results = new Map<string, RepoFetchResult>();
  try {
    if (token !== undefined) {
      const batches: RepoCoordinates[][] = [];
      for (let i = 0; i < targets.length; i += GRAPHQL_BATCH_SIZE) {
        batches.push(targets.slice(i, i + GRAPHQL_BATCH_SIZE).map((t) => t.repo));
      }
      await Promise.all(
        batches.map(async (batch) => {
          const batchResults = await fetchReposGraphql(client, options.githubGraphqlUrl, batch);
          for (const [key, result] of batchResults) results.set(key, result);
          progress.advance(batch.length);
        }),
      );
    } else {
      await Promise.all(
        targets.map(async ({ repo }) => {
          results.set(repo.key, await fetchRepoRest(client, options.githubApiUrl, repo));
          progress.advance();
        }),
      );
    }
  } finally {
    progress.finish();
  }
  return results;
}

/**
 * Stars, description and canonical URL for each GitHub `repo_url`. Results are keyed by the URL as given;
 * URLs of other hosts are skipped silently. Network problems become warnings, never exceptions.
 */
export async function enrichRepos(
  repos: readonly RepoRef[],
  options: EnrichOptions,
): Promise<{ info: Map<string, RepoInfo>; diagnostics: Diagnostic[] }> {
  const resolved = resolveOptions(options);
  const diagnostics: Diagnostic[] = [];
  const info = new Map<string, RepoInfo>();
  const hosts = githubWebHosts(resolved.githubApiUrl);
  const targets = new Map<string, Target>();
  for (const ref of repos) {
    const repo = parseRepoUrl(ref.url, hosts);
    if (repo === 'not-github') continue;
    if (repo === 'invalid') {
      diagnostics.push(
        warning({
          code: 'enrich-repo-url-invalid',
          message: `"${ref.url}" does not name a GitHub repository (expected https://github.com/OWNER/NAME); no star count is fetched for it`,
          position: ref.position,
        }),
      );
      continue;
    }
    const target = targets.get(repo.key);
    if (target) target.refs.push(ref);
    else targets.set(repo.key, { repo, refs: [ref] });
  }
  if (targets.size === 0) return { info, diagnostics };

  const cache = await JsonCache.open(resolved.cacheDir, GITHUB_CACHE_FILE, isRepoCacheValue, diagnostics);
  const now = resolved.now();
  const toFetch = resolved.offline
    ? []
    : [...targets.values()].filter((target) => {
        const entry = cache.get(target.repo.key);
        return resolved.refresh || !entry || !JsonCache.isFresh(entry, now, resolved.ttlMs);
      });
  const results =
    toFetch.length > 0 ? await fetchTargets(toFetch, resolved) : new Map<string, RepoFetchResult>();

  const failures: Failure[] = [];
  const rateLimited: Failure[] = [];
  let resetAt: number | undefined;
  let missingOffline = 0;
  const fetchedAt = resolved.now();
  for (const target of targets.values()) {
    const { repo } = target;
    const result = results.get(repo.key);
    if (result?.kind === 'found') cache.set(repo.key, result.value, fetchedAt);
    else if (result?.kind === 'missing') cache.set(repo.key, { status: 'missing' }, fetchedAt);
    const cached = cache.get(repo.key);
    if (result?.kind === 'failed') failures.push({ target, reason: result.reason, cached });
    else if (result?.kind === 'rate-limited') {
      rateLimited.push({ target, reason: 'rate limited', cached });
      resetAt ??= result.resetAt;
    }
    const value = cached?.value;
    if (!value) {
      if (resolved.offline) missingOffline++;
      continue;
    }
    for (const ref of target.refs) {
      if (value.status === 'missing') {
        diagnostics.push(
          warning({
            code: 'enrich-repo-missing',
            message: `GitHub repository ${repo.owner}/${repo.name} was not found (${ref.url}); no star count is shown`,
            position: ref.position,
            hints: [
              'It may have been deleted, made private, or renamed long ago: check repo_url in the YAML.',
            ],
          }),
        );
        continue;
      }
      if (value.nameWithOwner.toLowerCase() !== `${repo.owner}/${repo.name}`.toLowerCase()) {
        diagnostics.push(
          warning({
            code: 'enrich-repo-moved',
            message: `GitHub repository ${repo.owner}/${repo.name} has moved to ${value.nameWithOwner}; using ${value.url}`,
            position: ref.position,
            hints: [`Update repo_url to ${value.url}.`],
          }),
        );
      }
      info.set(ref.url, {
        stars: value.stars,
        ...(value.description !== null ? { description: value.description } : {}),
        canonicalUrl: value.url,
      });
    }
  }
  reportFailures(failures, diagnostics);
  if (rateLimited.length > 0) reportRateLimit(rateLimited, resetAt, targets.size, resolved, diagnostics);
  if (missingOffline > 0) {
    diagnostics.push(
      warning({
        code: 'enrich-offline-missing',
        message: `offline: ${missingOffline} of ${targets.size} GitHub repositories have no cached data; their star counts are omitted`,
        hints: ['Run once without --offline to fill the cache.'],
      }),
    );
  }
  await cache.save(diagnostics);
  return { info, diagnostics };
}
