import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseScholarProfile } from '../../src/enrich/google-scholar.js';
import { enrichCitations, type PaperRef } from '../../src/enrich/index.js';
import {
  matchCitations,
  normalizeArxivId,
  normalizeDoi,
  normalizeTitle,
} from '../../src/enrich/paper-match.js';
import {
  FakeServices,
  type FakeWork,
  makeCacheDir,
  readCacheFile,
  removeCacheDirs,
  scholarProfileHtml,
  testOptions,
} from './fake-services.js';

let services: FakeServices;
beforeAll(async () => {
  services = await FakeServices.start();
});
afterAll(async () => {
  await services.close();
  await removeCacheDirs();
});
beforeEach(() => services.reset());

const ORCID = '0000-0002-1825-0097';
const T0 = Date.parse('2025-03-01T12:00:00Z');
const DAY = 24 * 3600 * 1000;

const works: FakeWork[] = [
  {
    title: 'OptNet: Differentiable Optimization as a Layer in Neural Networks',
    doi: '10.5555/3305381.3305396',
    citations: 900,
  },
  { title: 'Input Convex Neural Networks', arxivId: '1609.07152', citations: 700 },
  { title: 'Differentiable MPC for End-to-end Planning and Control', citations: 500 },
  // The same paper twice (preprint and proceedings): the larger count wins.
  { title: 'Differentiable  mpc for end-to-end planning and control.', citations: 520 },
  { title: 'Some Paper Not In The CV', citations: 3 },
];

const papers: PaperRef[] = [
  { key: 'amos2017optnet', doi: 'https://doi.org/10.5555/3305381.3305396', title: 'OptNet (title differs)' },
  { key: 'amos2017icnn', arxivId: 'arXiv:1609.07152v3', title: 'ICNN' },
  { key: 'amos2018mpc', title: 'Differentiable {MPC} for End-to-end Planning and Control' },
  { key: 'unknown2020', doi: '10.1/none', title: 'Nobody Cites This' },
];

function serveOpenAlex(pageSize = 2): void {
  services.openAlexAuthors.set(`orcid:${ORCID}`, { citations: 12345, hIndex: 33 });
  services.openAlexAuthors.set('A5000000001', { citations: 12345, hIndex: 33 });
  services.openAlexWorks.set(`author.orcid:${ORCID}`, works);
  services.openAlexWorks.set('author.id:A5000000001', works);
  services.openAlexPageSize = pageSize;
}

describe('matching papers', () => {
  it('normalizes DOIs, arXiv ids and titles', () => {
    expect(normalizeDoi('https://doi.org/10.1000/ABC')).toBe('10.1000/abc');
    expect(normalizeDoi('doi:10.1000/x')).toBe('10.1000/x');
    expect(normalizeDoi('not a doi')).toBeUndefined();
    expect(normalizeArxivId('arXiv:2101.00001v2')).toBe('2101.00001');
    expect(normalizeArxivId('https://arxiv.org/abs/cs/0112017')).toBe('cs/0112017');
    expect(normalizeTitle('  {OptNet}:  Differentiable\nOptimization. ')).toBe(
      normalizeTitle('optnet: differentiable optimization'),
    );
    expect(normalizeTitle('OptNet')).not.toBe(normalizeTitle('OptNets'));
  });

  it('matches by DOI, then arXiv id (also an arXiv DOI), then exact title', () => {
    const counts = matchCitations(
      [...papers, { key: 'arxivdoi', doi: '10.48550/arXiv.2202.00001', title: 'x' }],
      [...works, { title: 'y', arxivId: '2202.00001', citations: 8 }],
    );
    expect(Object.fromEntries(counts)).toEqual({
      amos2017optnet: 900,
      amos2017icnn: 700,
      amos2018mpc: 520,
      arxivdoi: 8,
    });
  });
});

describe('OpenAlex', () => {
  it('author statistics from an ORCID URL, per-paper counts following the cursor, all cached', async () => {
    serveOpenAlex(2);
    const dir = await makeCacheDir();
    const result = await enrichCitations(
      { orcid: `https://orcid.org/${ORCID}` },
      papers,
      testOptions(services, dir, { now: () => T0 }),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.author).toEqual({ totalCitations: 12345, hIndex: 33, source: 'OpenAlex' });
    expect(Object.fromEntries(result.perPaper)).toEqual({
      amos2017optnet: 900,
      amos2017icnn: 700,
      amos2018mpc: 520,
    });
    expect(services.requestsTo('/openalex/authors/')).toHaveLength(1);
    expect(services.requestsTo('/openalex/authors/')[0]?.path).toBe(`/openalex/authors/orcid:${ORCID}`);
    const pages = services.requestsTo('/openalex/works');
    expect(pages).toHaveLength(3);
    const first = new URL(pages[0]?.path ?? '', services.url);
    expect(first.searchParams.get('filter')).toBe(`author.orcid:${ORCID}`);
    expect(first.searchParams.get('per-page')).toBe('200');
    expect(first.searchParams.get('cursor')).toBe('*');
    expect(new URL(pages[1]?.path ?? '', services.url).searchParams.get('cursor')).toBe('page-2');
    for (const request of services.requests) expect(request.headers['user-agent']).toBe('vita-cv');

    const cache = await readCacheFile(dir, 'citations.json');
    expect(cache.entries[`openalex:author:orcid:${ORCID}`]).toEqual({
      fetchedAt: '2025-03-01T12:00:00.000Z',
      value: { kind: 'author', citations: 12345, hIndex: 33 },
    });
    expect(cache.entries[`openalex:works:orcid:${ORCID}`]?.value.works).toHaveLength(5);

    services.requests.length = 0;
    const again = await enrichCitations(
      { orcid: ORCID },
      papers,
      testOptions(services, dir, { now: () => T0 + DAY }),
    );
    expect(services.requests).toHaveLength(0);
    expect(again.author).toEqual(result.author);
    expect(again.perPaper).toEqual(result.perPaper);
  });

  it('uses an OpenAlex author id (bare or as a URL) before an ORCID', async () => {
    serveOpenAlex();
    const result = await enrichCitations(
      { openalex: 'https://openalex.org/A5000000001', orcid: ORCID },
      papers,
      testOptions(services, await makeCacheDir()),
    );
    expect(result.author?.source).toBe('OpenAlex');
    expect(services.requestsTo('/openalex/authors/')[0]?.path).toBe('/openalex/authors/A5000000001');
    expect(
      new URL(services.requestsTo('/works')[0]?.path ?? '', services.url).searchParams.get('filter'),
    ).toBe('author.id:A5000000001');
  });

  it('an unknown author is a warning, not an error', async () => {
    const { author, perPaper, diagnostics } = await enrichCitations(
      { openalex: 'A999' },
      [],
      testOptions(services, await makeCacheDir()),
    );
    expect(author).toBeUndefined();
    expect(perPaper.size).toBe(0);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'enrich-author-not-found' });
    expect(diagnostics[0]?.message).toContain('OpenAlex author A999');
  });

  it('a persistent 500 falls back to Semantic Scholar, with a warning naming OpenAlex', async () => {
    services.addFault('/openalex/', { kind: 'status', status: 500 });
    services.semanticScholarAuthors.set('1741101', { citations: 11000, hIndex: 30 });
    services.semanticScholarPapers.set('1741101', works);
    const { author, perPaper, diagnostics } = await enrichCitations(
      { orcid: ORCID, semantic_scholar: '1741101' },
      papers,
      testOptions(services, await makeCacheDir(), { retries: 1 }),
    );
    expect(author).toEqual({ totalCitations: 11000, hIndex: 30, source: 'Semantic Scholar' });
    expect(perPaper.get('amos2017optnet')).toBe(900);
    expect(diagnostics.map((d) => d.code)).toEqual(['enrich-fetch-failed', 'enrich-fetch-failed']);
    expect(diagnostics[0]?.message).toContain(`OpenAlex author orcid:${ORCID}`);
    expect(diagnostics[0]?.message).toContain('HTTP 500');
    expect(diagnostics[1]?.message).toContain('OpenAlex works');
  });

  it('a timeout or malformed JSON falls back to the stale cached value', async () => {
    serveOpenAlex();
    const dir = await makeCacheDir();
    await enrichCitations({ orcid: ORCID }, papers, testOptions(services, dir, { now: () => T0 }));
    services.reset();
    services.addFault('/openalex/authors/', { kind: 'hang' });
    services.addFault('/openalex/works', { kind: 'malformed' });
    const started = Date.now();
    const { author, perPaper, diagnostics } = await enrichCitations(
      { orcid: ORCID },
      papers,
      testOptions(services, dir, { now: () => T0 + 30 * DAY, timeoutMs: 100, retries: 0 }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(author?.totalCitations).toBe(12345);
    expect(perPaper.get('amos2018mpc')).toBe(520);
    expect(diagnostics.map((d) => d.message)).toEqual([
      `could not fetch OpenAlex author orcid:${ORCID}: no answer within 100 ms (timeout); using the cached value from 2025-03-01`,
      `could not fetch OpenAlex works of orcid:${ORCID}: the response is not valid JSON; using the cached value from 2025-03-01`,
    ]);
    const cache = await readCacheFile(dir, 'citations.json');
    expect(cache.entries[`openalex:author:orcid:${ORCID}`]?.fetchedAt).toBe('2025-03-01T12:00:00.000Z');
  });
});

describe('Semantic Scholar', () => {
  it('author statistics and papers, following the offset', async () => {
    services.semanticScholarAuthors.set('1741101', { citations: 11000, hIndex: 30 });
    services.semanticScholarPapers.set('1741101', works);
    services.semanticScholarPageSize = 3;
    const { author, perPaper, diagnostics } = await enrichCitations(
      { semantic_scholar: 'https://www.semanticscholar.org/author/Brandon-Amos/1741101' },
      papers,
      testOptions(services, await makeCacheDir()),
    );
    expect(diagnostics).toEqual([]);
    expect(author).toEqual({ totalCitations: 11000, hIndex: 30, source: 'Semantic Scholar' });
    expect(Object.fromEntries(perPaper)).toEqual({
      amos2017optnet: 900,
      amos2017icnn: 700,
      amos2018mpc: 520,
    });
    expect(services.requestsTo('/s2/graph/v1/author/1741101?')[0]?.path).toBe(
      '/s2/graph/v1/author/1741101?fields=citationCount,hIndex',
    );
    expect(services.requestsTo('/papers').map((r) => r.path)).toEqual([
      '/s2/graph/v1/author/1741101/papers?fields=title,externalIds,citationCount&limit=1000',
      '/s2/graph/v1/author/1741101/papers?fields=title,externalIds,citationCount&limit=1000&offset=3',
    ]);
  });
});

describe('Google Scholar (best-effort)', () => {
  it('reads Citations and h-index from the profile table', async () => {
    services.scholarPages.set('d8gdZR4AAAAJ', scholarProfileHtml({ citations: 23456, hIndex: 45 }));
    const dir = await makeCacheDir();
    const { author, diagnostics } = await enrichCitations(
      { google_scholar: 'd8gdZR4AAAAJ' },
      papers,
      testOptions(services, dir),
    );
    expect(diagnostics).toEqual([]);
    expect(author).toEqual({ totalCitations: 23456, hIndex: 45, source: 'Google Scholar' });
    expect(services.requests.map((r) => r.path)).toEqual(['/scholar/citations?user=d8gdZR4AAAAJ&hl=en']);
    expect(
      (await readCacheFile(dir, 'citations.json')).entries['google-scholar:author:d8gdZR4AAAAJ']?.value,
    ).toEqual({
      kind: 'author',
      citations: 23456,
      hIndex: 45,
    });
  });

  it('parses thousands separators and ignores the "Since" column', () => {
    const html = scholarProfileHtml({ citations: 0, hIndex: 0 })
      .replace(
        '<td class="gsc_rsb_std">0</td><td class="gsc_rsb_std">-1</td>',
        '<td class="gsc_rsb_std">12,345</td><td class="gsc_rsb_std">9</td>',
      )
      .replace(/(h-index<\/a><\/td><td class="gsc_rsb_std">)0/, '$1 41 ');
    expect(parseScholarProfile(html)).toEqual({ citations: 12345, hIndex: 41 });
    expect(parseScholarProfile('<html><form id="captcha-form"></form></html>')).toBeUndefined();
  });

  it('a CAPTCHA page, a 429 or a network failure is a warning, never an error, with one request', async () => {
    services.scholarPages.set(
      'captcha',
      '<html><body><form id="gs_captcha_f">Please show you are not a robot</form></body></html>',
    );
    services.addFault('/scholar/citations?user=limited', { kind: 'status', status: 429 });
    services.addFault('/scholar/citations?user=down', { kind: 'status', status: 503 });
    for (const [id, expected] of [
      ['captcha', 'no citation table'],
      ['limited', 'rate limit'],
      ['down', 'HTTP 503'],
    ] as const) {
      services.requests.length = 0;
      const { author, diagnostics } = await enrichCitations(
        { google_scholar: id },
        [],
        testOptions(services, await makeCacheDir()),
      );
      expect(author).toBeUndefined();
      expect(services.requests).toHaveLength(1);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'enrich-fetch-failed' });
      expect(diagnostics[0]?.message).toContain(`Google Scholar profile ${id}`);
      expect(diagnostics[0]?.message).toContain(expected);
      expect(diagnostics[0]?.hints[0]).toContain('social.orcid');
    }
  });

  it('is only asked when the official sources give nothing', async () => {
    serveOpenAlex();
    services.scholarPages.set('d8gdZR4AAAAJ', scholarProfileHtml({ citations: 1, hIndex: 1 }));
    const { author } = await enrichCitations(
      { orcid: ORCID, google_scholar: 'd8gdZR4AAAAJ' },
      [],
      testOptions(services, await makeCacheDir()),
    );
    expect(author?.source).toBe('OpenAlex');
    expect(services.requestsTo('/scholar/')).toHaveLength(0);
  });
});

describe('citation cache and ids', () => {
  it('offline: zero requests, one summary warning for what is missing', async () => {
    const { author, perPaper, diagnostics } = await enrichCitations(
      { orcid: ORCID, google_scholar: 'x' },
      papers,
      testOptions(services, await makeCacheDir(), { offline: true }),
    );
    expect(services.requests).toHaveLength(0);
    expect(author).toBeUndefined();
    expect(perPaper.size).toBe(0);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'offline: no cached citation data for the author statistics and the per-paper counts; omitted',
    ]);
  });

  it('stale values are refetched; refresh refetches fresh ones', async () => {
    serveOpenAlex(200);
    const dir = await makeCacheDir();
    await enrichCitations({ orcid: ORCID }, papers, testOptions(services, dir, { now: () => T0 }));
    expect(services.requests).toHaveLength(2);
    await enrichCitations({ orcid: ORCID }, papers, testOptions(services, dir, { now: () => T0 + 8 * DAY }));
    expect(services.requests).toHaveLength(4);
    await enrichCitations(
      { orcid: ORCID },
      papers,
      testOptions(services, dir, { now: () => T0 + 9 * DAY, refresh: true }),
    );
    expect(services.requests).toHaveLength(6);
  });

  it('a corrupt citations.json is reported, moved aside and rebuilt', async () => {
    serveOpenAlex();
    const dir = await makeCacheDir();
    const truncated = '{"version":1,"entries":{"openalex:author:x":{"fetchedAt":';
    await writeFile(join(dir, 'citations.json'), truncated);
    const { author, diagnostics } = await enrichCitations({ orcid: ORCID }, [], testOptions(services, dir));
    expect(author?.totalCitations).toBe(12345);
    expect(diagnostics.map((d) => d.code)).toEqual(['enrich-cache-corrupt', 'enrich-cache-moved-aside']);
    const aside = (await readdir(dir)).filter((f) => f.startsWith('citations.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0] as string), 'utf8')).toBe(truncated);
    expect(Object.keys((await readCacheFile(dir, 'citations.json')).entries)).toEqual([
      `openalex:author:orcid:${ORCID}`,
    ]);
  });

  it('invalid ids are warnings; no social ids means no requests and no warnings', async () => {
    const bad = await enrichCitations(
      { orcid: 'not-an-orcid', openalex: 'W123', semantic_scholar: 'abc' },
      papers,
      testOptions(services, await makeCacheDir()),
    );
    expect(bad.diagnostics.map((d) => d.code)).toEqual([
      'enrich-id-invalid',
      'enrich-id-invalid',
      'enrich-id-invalid',
    ]);
    expect(bad.diagnostics[0]?.message).toContain('social.openalex "W123"');
    const none = await enrichCitations(
      { github: 'bamos' },
      papers,
      testOptions(services, await makeCacheDir()),
    );
    expect(none).toEqual({ perPaper: new Map(), diagnostics: [] });
    expect(services.requests).toHaveLength(0);
  });
});
