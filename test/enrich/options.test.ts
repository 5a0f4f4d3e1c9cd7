import { describe, expect, it } from 'vitest';
import { joinUrl, resolveOptions } from '../../src/enrich/options.js';

describe('resolveOptions', () => {
  it('has the documented defaults', () => {
    const options = resolveOptions({ cacheDir: '.vita-cache' });
    expect(options).toMatchObject({
      offline: false,
      refresh: false,
      ttlMs: 7 * 24 * 3600 * 1000,
      githubToken: undefined,
      githubApiUrl: 'https://api.github.com',
      githubGraphqlUrl: 'https://api.github.com/graphql',
      openAlexUrl: 'https://api.openalex.org',
      semanticScholarUrl: 'https://api.semanticscholar.org',
      scholarUrl: 'https://scholar.google.com',
      concurrency: 4,
      timeoutMs: 10_000,
      retries: 2,
      maxWaitMs: 10_000,
      quiet: false,
    });
  });

  it('derives the GraphQL URL of GitHub Enterprise Server from its REST URL', () => {
    expect(
      resolveOptions({ cacheDir: 'c', githubApiUrl: 'https://ghe.example.com/api/v3/' }).githubGraphqlUrl,
    ).toBe('https://ghe.example.com/api/graphql');
    expect(
      resolveOptions({ cacheDir: 'c', githubApiUrl: 'https://x/api/v3', githubGraphqlUrl: 'https://y/gql' })
        .githubGraphqlUrl,
    ).toBe('https://y/gql');
  });

  it('takes undefined as "not set" (so environment variables can be passed as they are)', () => {
    const env: Record<string, string | undefined> = {};
    const options = resolveOptions({
      cacheDir: 'c',
      githubToken: env.GITHUB_TOKEN,
      githubApiUrl: env.VITA_GITHUB_API_URL,
    });
    expect(options.githubToken).toBeUndefined();
    expect(options.githubApiUrl).toBe('https://api.github.com');
  });

  it('treats an empty token as no token, and clamps nonsense numbers to defaults', () => {
    const options = resolveOptions({
      cacheDir: 'c',
      githubToken: '  ',
      concurrency: 0,
      retries: -1,
      timeoutMs: Number.NaN,
    });
    expect(options.githubToken).toBeUndefined();
    expect(options.concurrency).toBe(1);
    expect(options.retries).toBe(2);
    expect(options.timeoutMs).toBe(10_000);
  });

  it('joins base URLs with paths', () => {
    expect(joinUrl('https://ghe.example.com/api/v3/', '/repos/a/b')).toBe(
      'https://ghe.example.com/api/v3/repos/a/b',
    );
  });
});
