/**
 * One real HTTP server on 127.0.0.1 that plays GitHub (REST + GraphQL), OpenAlex, Semantic Scholar and a
 * Google Scholar profile page, each under its own path prefix. Tests switch behaviour per request with
 * `addFault`, and read `requests` (the log) and `maxInFlight`.
 */

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnrichOptions } from '../../src/enrich/index.js';

export interface FakeRepo {
  readonly owner: string;
  readonly name: string;
  readonly stars: number;
  readonly description: string | null;
}

export type Fault =
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: string;
    }
  /** Never answers (until the server closes). */
  | { readonly kind: 'hang' }
  /** 200 with a body cut in half. */
  | { readonly kind: 'malformed' };

export interface LoggedRequest {
  readonly method: string;
  /** Path and query, e.g. `/github/repos/locuslab/qpth`. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeAuthorStats {
  readonly citations: number;
  readonly hIndex: number;
}

export interface FakeWork {
  readonly title: string;
  readonly doi?: string;
  readonly arxivId?: string;
  readonly citations: number;
}

interface FaultRule {
  readonly match: (request: LoggedRequest) => boolean;
  readonly fault: Fault;
  remaining: number;
}

export function repo(
  fullName: string,
  stars: number,
  description: string | null = `About ${fullName}`,
): FakeRepo {
  const [owner = '', name = ''] = fullName.split('/');
  return { owner, name, stars, description };
}

export function scholarProfileHtml(stats: FakeAuthorStats): string {
  const row = (label: string, title: string, all: number, recent: number) =>
    `<tr><td class="gsc_rsb_sc1"><a href="javascript:void(0)" class="gsc_rsb_f gs_ibl" title="${title}">${label}</a></td>` +
    `<td class="gsc_rsb_std">${all}</td><td class="gsc_rsb_std">${recent}</td></tr>`;
  return (
    '<!doctype html><html><head><title>Profile - Google Scholar</title></head><body>' +
    '<div id="gsc_rsb_cit"><table id="gsc_rsb_st"><thead><tr><th class="gsc_rsb_sth"></th>' +
    '<th class="gsc_rsb_sth">All</th><th class="gsc_rsb_sth">Since 2020</th></tr></thead><tbody>' +
    row(
      'Citations',
      'This is the number of citations to all publications.',
      stats.citations,
      stats.citations - 1,
    ) +
    row(
      'h-index',
      'h-index is the largest number h such that h publications have at least h citations.',
      stats.hIndex,
      stats.hIndex - 1,
    ) +
    row(
      'i10-index',
      'i10-index is the number of publications with at least 10 citations.',
      stats.hIndex * 2,
      1,
    ) +
    '</tbody></table></div></body></html>'
  );
}

export class FakeServices {
  readonly url: string;
  readonly requests: LoggedRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Delay before each answer, to make concurrency measurable. */
  delayMs = 0;
  readonly repos = new Map<string, FakeRepo>();
  /** Old `owner/name` (lower case) -> new `owner/name`. */
  readonly moved = new Map<string, string>();
  /** OpenAlex authors by id (`A123`) or `orcid:0000-...`. */
  readonly openAlexAuthors = new Map<string, FakeAuthorStats>();
  /** OpenAlex works by filter (`author.id:A123` or `author.orcid:0000-...`). */
  readonly openAlexWorks = new Map<string, FakeWork[]>();
  openAlexPageSize = 200;
  readonly semanticScholarAuthors = new Map<string, FakeAuthorStats>();
  readonly semanticScholarPapers = new Map<string, FakeWork[]>();
  semanticScholarPageSize = 1000;
  readonly scholarPages = new Map<string, string>();
  private readonly faults: FaultRule[] = [];
  private readonly server;
  /** Bumped by `reset`, so requests left hanging by an earlier test do not count as in flight. */
  private generation = 0;

  private constructor(server: ReturnType<typeof createServer>, url: string) {
    this.server = server;
    this.url = url;
  }

  static async start(): Promise<FakeServices> {
    let services: FakeServices | undefined;
    const server = createServer((req, res) => {
      void services?.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    services = new FakeServices(server, `http://127.0.0.1:${port}`);
    return services;
  }

  get githubApiUrl(): string {
    return `${this.url}/github`;
  }
  get openAlexUrl(): string {
    return `${this.url}/openalex`;
  }
  get semanticScholarUrl(): string {
    return `${this.url}/s2`;
  }
  get scholarUrl(): string {
    return `${this.url}/scholar`;
  }

  addRepos(...repos: FakeRepo[]): void {
    for (const r of repos) this.repos.set(`${r.owner}/${r.name}`.toLowerCase(), r);
  }

  /** Requests whose path contains `match` (or satisfy it) get `fault`, `times` times. */
  addFault(
    match: string | ((request: LoggedRequest) => boolean),
    fault: Fault,
    times = Number.POSITIVE_INFINITY,
  ): void {
    const test = typeof match === 'string' ? (r: LoggedRequest) => r.path.includes(match) : match;
    this.faults.push({ match: test, fault, remaining: times });
  }

  requestsTo(pathPart: string): LoggedRequest[] {
    return this.requests.filter((r) => r.path.includes(pathPart));
  }

  /** Forget requests, faults and data between tests. */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.inFlight = 0;
    this.maxInFlight = 0;
    this.delayMs = 0;
    this.generation++;
    this.openAlexPageSize = 200;
    this.semanticScholarPageSize = 1000;
    for (const map of [
      this.repos,
      this.moved,
      this.openAlexAuthors,
      this.openAlexWorks,
      this.semanticScholarAuthors,
      this.semanticScholarPapers,
      this.scholarPages,
    ]) {
      map.clear();
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const logged: LoggedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(logged);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const generation = this.generation;
    let counted = true;
    const done = () => {
      if (counted && generation === this.generation) this.inFlight--;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));

    const rule = this.faults.find((f) => f.remaining > 0 && f.match(logged));
    if (rule) {
      rule.remaining--;
      const { fault } = rule;
      if (fault.kind === 'hang') return;
      if (fault.kind === 'malformed') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"stargazers_count": 12, "full_na');
        return;
      }
      res
        .writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers })
        .end(fault.body ?? JSON.stringify({ message: `fault ${fault.status}` }));
      return;
    }
    this.route(logged, res);
  }

  private json(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  }

  private findRepo(owner: string, name: string): FakeRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  private restRepo(r: FakeRepo): unknown {
    return {
      id: [...this.repos.values()].indexOf(r) + 1,
      full_name: `${r.owner}/${r.name}`,
      html_url: `https://github.com/${r.owner}/${r.name}`,
      description: r.description,
      stargazers_count: r.stars,
    };
  }

  /** Each route: a path pattern and its handler; the first match answers. */
  private readonly routes: readonly {
    readonly pattern: RegExp;
    readonly handle: (match: RegExpExecArray, url: URL, request: LoggedRequest, res: ServerResponse) => void;
  }[] = [
    {
      pattern: /^\/github\/repos\/([^/]+)\/([^/]+)$/,
      handle: (m, _url, _req, res) => this.restRepoRoute(m, res),
    },
    {
      pattern: /^\/github\/repositories\/(\d+)$/,
      handle: (m, _url, _req, res) => {
        const found = [...this.repos.values()][Number(m[1]) - 1];
        if (found) this.json(res, 200, this.restRepo(found));
        else this.json(res, 404, { message: 'Not Found' });
      },
    },
    { pattern: /^\/github\/graphql$/, handle: (_m, _url, request, res) => this.graphql(request, res) },
    {
      pattern: /^\/openalex\/authors\/(.+)$/,
      handle: (m, _url, _req, res) => {
        const stats = this.openAlexAuthors.get(decodeURIComponent(m[1] ?? ''));
        if (!stats) {
          this.json(res, 404, { error: 'Not Found' });
          return;
        }
        this.json(res, 200, {
          id: 'https://openalex.org/A5000000001',
          cited_by_count: stats.citations,
          summary_stats: { h_index: stats.hIndex, i10_index: 3 },
        });
      },
    },
    { pattern: /^\/openalex\/works$/, handle: (_m, url, _req, res) => this.openAlexWorksRoute(url, res) },
    {
      pattern: /^\/s2\/graph\/v1\/author\/([^/]+)\/papers$/,
      handle: (m, url, _req, res) => this.semanticScholarPapersRoute(m[1] ?? '', url, res),
    },
    {
      pattern: /^\/s2\/graph\/v1\/author\/([^/]+)$/,
      handle: (m, _url, _req, res) => {
        const id = m[1] ?? '';
        const stats = this.semanticScholarAuthors.get(id);
        if (stats)
          this.json(res, 200, { authorId: id, citationCount: stats.citations, hIndex: stats.hIndex });
        else this.json(res, 404, { error: 'Author not found' });
      },
    },
    {
      pattern: /^\/scholar\/citations$/,
      handle: (_m, url, _req, res) => {
        const page = this.scholarPages.get(url.searchParams.get('user') ?? '');
        if (page) res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' }).end(page);
        else res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html>Not found</html>');
      },
    },
  ];

  private route(request: LoggedRequest, res: ServerResponse): void {
    const url = new URL(request.path, this.url);
    for (const route of this.routes) {
      const match = route.pattern.exec(url.pathname);
      if (match) {
        route.handle(match, url, request, res);
        return;
      }
    }
    this.json(res, 404, { message: `no route for ${request.method} ${url.pathname}` });
  }

  private restRepoRoute(match: RegExpExecArray, res: ServerResponse): void {
    const [owner = '', name = ''] = match.slice(1).map(decodeURIComponent);
    const target = this.moved.get(`${owner}/${name}`.toLowerCase());
    if (target) {
      const moved = this.repos.get(target.toLowerCase());
      const id = moved ? [...this.repos.values()].indexOf(moved) + 1 : 0;
      res.writeHead(301, { Location: `${this.url}/github/repositories/${id}` }).end();
      return;
    }
    const found = this.findRepo(owner, name);
    if (found) this.json(res, 200, this.restRepo(found), { 'X-RateLimit-Remaining': '59' });
    else this.json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  private openAlexWorksRoute(url: URL, res: ServerResponse): void {
    const works = this.openAlexWorks.get(url.searchParams.get('filter') ?? '') ?? [];
    const cursor = url.searchParams.get('cursor') ?? '*';
    const start = cursor === '*' ? 0 : Number(cursor.replace('page-', ''));
    const page = works.slice(start, start + this.openAlexPageSize);
    const next =
      start + this.openAlexPageSize < works.length ? `page-${start + this.openAlexPageSize}` : null;
    this.json(res, 200, {
      meta: { count: works.length, next_cursor: next },
      results: page.map((w, i) => ({
        id: `https://openalex.org/W${start + i}`,
        doi: w.doi ? `https://doi.org/${w.doi}` : null,
        display_name: w.title,
        cited_by_count: w.citations,
        locations: w.arxivId
          ? [{ landing_page_url: `https://arxiv.org/abs/${w.arxivId}v2`, pdf_url: null }]
          : [],
      })),
    });
  }

  private semanticScholarPapersRoute(id: string, url: URL, res: ServerResponse): void {
    const papers = this.semanticScholarPapers.get(id);
    if (!papers) {
      this.json(res, 404, { error: 'Author not found' });
      return;
    }
    const offset = Number(url.searchParams.get('offset') ?? '0');
    const size = this.semanticScholarPageSize;
    const next = offset + size < papers.length ? offset + size : undefined;
    this.json(res, 200, {
      offset,
      ...(next !== undefined ? { next } : {}),
      data: papers.slice(offset, offset + size).map((p, i) => ({
        paperId: `p${offset + i}`,
        title: p.title,
        externalIds: { ...(p.doi ? { DOI: p.doi } : {}), ...(p.arxivId ? { ArXiv: p.arxivId } : {}) },
        citationCount: p.citations,
      })),
    });
  }

  private graphql(request: LoggedRequest, res: ServerResponse): void {
    if (request.method !== 'POST') {
      this.json(res, 405, { message: 'POST only' });
      return;
    }
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      this.json(res, 401, { message: 'This endpoint requires you to be authenticated.' });
      return;
    }
    const { query } = JSON.parse(request.body) as { query: string };
    const data: Record<string, unknown> = {};
    const errors: unknown[] = [];
    for (const m of query.matchAll(/(r\d+): repository\(owner: ("[^"]*"), name: ("[^"]*")\)/g)) {
      const alias = m[1] ?? '';
      const owner = JSON.parse(m[2] ?? '""') as string;
      const name = JSON.parse(m[3] ?? '""') as string;
      const target = this.moved.get(`${owner}/${name}`.toLowerCase());
      const found = target ? this.repos.get(target.toLowerCase()) : this.findRepo(owner, name);
      if (found) {
        data[alias] = {
          nameWithOwner: `${found.owner}/${found.name}`,
          stargazerCount: found.stars,
          description: found.description,
          url: `https://github.com/${found.owner}/${found.name}`,
        };
      } else {
        data[alias] = null;
        errors.push({
          type: 'NOT_FOUND',
          path: [alias],
          locations: [{ line: 2, column: 3 }],
          message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        });
      }
    }
    this.json(res, 200, errors.length > 0 ? { data, errors } : { data });
  }
}

// ---------------------------------------------------------------- test options and cache inspection

/** Options pointing every service at the fake server, with small timeouts and backoff. */
export function testOptions(
  services: FakeServices,
  cacheDir: string,
  extra: Partial<EnrichOptions> = {},
): EnrichOptions {
  return {
    cacheDir,
    githubApiUrl: services.githubApiUrl,
    openAlexUrl: services.openAlexUrl,
    semanticScholarUrl: services.semanticScholarUrl,
    scholarUrl: services.scholarUrl,
    timeoutMs: 1000,
    retryDelayMs: 5,
    maxWaitMs: 300,
    quiet: true,
    ...extra,
  };
}

const cacheDirs: string[] = [];

/** A fresh, empty temp folder for a test's cache; `removeCacheDirs` deletes them all. */
export async function makeCacheDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vita-enrich-'));
  cacheDirs.push(dir);
  return dir;
}

export async function removeCacheDirs(): Promise<void> {
  await Promise.all(cacheDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface CacheFileJson {
  version: number;
  entries: Record<string, { fetchedAt: string; value: Record<string, unknown> }>;
}

/** Reads and parses a cache file; throws (failing the test) when it is not valid JSON of the right shape. */
export async function readCacheFile(cacheDir: string, file = 'github.json'): Promise<CacheFileJson> {
  const parsed = JSON.parse(await readFile(join(cacheDir, file), 'utf8')) as CacheFileJson;
  if (parsed.version !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null) {
    throw new Error(`${file} has the wrong shape`);
  }
  for (const [key, entry] of Object.entries(parsed.entries)) {
    if (Number.isNaN(Date.parse(entry.fetchedAt))) throw new Error(`${file}: entry ${key} has no fetchedAt`);
  }
  return parsed;
}

/** Writes a cache file directly, each value stamped `fetchedAt`. */
export async function writeCacheFile(
  cacheDir: string,
  entries: Record<string, unknown>,
  fetchedAt: number,
  file = 'github.json',
): Promise<void> {
  const stamped = Object.fromEntries(
    Object.entries(entries).map(([key, value]) => [
      key,
      { fetchedAt: new Date(fetchedAt).toISOString(), value },
    ]),
  );
  await writeFile(join(cacheDir, file), JSON.stringify({ version: 1, entries: stamped }, null, 2));
}

/** A found-repository cache value, as `github.json` stores it. */
export function cachedRepo(fullName: string, stars: number, description: string | null = null): unknown {
  return {
    status: 'found',
    nameWithOwner: fullName,
    url: `https://github.com/${fullName}`,
    stars,
    description,
  };
}
