/** OpenAlex: the owner's citation total and h-index, and the citation count of each of their works. */
import {
  type AuthorStatsValue,
  isCount,
  jsonBody,
  type Lookup,
  MAX_PAGES,
  unexpected,
  type WorksValue,
} from './citation-sources.js';
import { type HttpClient, isRecord } from './http.js';
import { joinUrl, type ResolvedEnrichOptions } from './options.js';
import { arxivIdFromDoi, normalizeArxivId, normalizeDoi, type WorkCitations } from './paper-match.js';

/** `{ openAlexId }` or `{ orcid }`: how the owner is identified on OpenAlex. */
export type OpenAlexAuthor = { readonly openAlexId: string } | { readonly orcid: string };

function openAlexAuthorPath(author: OpenAlexAuthor): string {
  return 'openAlexId' in author ? author.openAlexId : `orcid:${author.orcid}`;
}

export function openAlexAuthorStats(
  client: HttpClient,
  options: ResolvedEnrichOptions,
  author: OpenAlexAuthor,
): Lookup<AuthorStatsValue> {
  const id = openAlexAuthorPath(author);
  return {
    source: 'OpenAlex',
    key: `openalex:author:${id}`,
    label: `OpenAlex author ${id}`,
    hints: ['Check social.openalex / social.orcid in the YAML.'],
    fetch: async () => {
      const outcome = await client.request({ url: joinUrl(options.openAlexUrl, `authors/${id}`) });
      const body = jsonBody(outcome);
      if ('kind' in body) return body;
      const { json } = body;
      if (!isRecord(json)) return unexpected('not an object');
      const citations = json.cited_by_count;
      const hIndex = isRecord(json.summary_stats) ? json.summary_stats.h_index : undefined;
      if (!isCount(citations) && !isCount(hIndex))
        return unexpected('no cited_by_count or summary_stats.h_index');
      return {
        kind: 'ok',
        value: {
          kind: 'author',
          ...(isCount(citations) ? { citations } : {}),
          ...(isCount(hIndex) ? { hIndex } : {}),
        },
      };
    },
  };
}

function openAlexWork(work: unknown): WorkCitations | undefined {
  if (!isRecord(work) || !isCount(work.cited_by_count)) return undefined;
  const title =
    typeof work.display_name === 'string'
      ? work.display_name
      : typeof work.title === 'string'
        ? work.title
        : '';
  const doi = normalizeDoi(typeof work.doi === 'string' ? work.doi : undefined);
  let arxivId = arxivIdFromDoi(doi);
  if (arxivId === undefined && Array.isArray(work.locations)) {
    for (const location of work.locations) {
      if (!isRecord(location)) continue;
      for (const url of [location.landing_page_url, location.pdf_url]) {
        if (typeof url === 'string' && /arxiv\.org\/(abs|pdf)\//i.test(url)) {
          arxivId ??= normalizeArxivId(url.replace(/^.*arxiv\.org\/(abs|pdf)\//i, ''));
        }
      }
    }
  }
  return {
    title,
    ...(doi !== undefined ? { doi } : {}),
    ...(arxivId !== undefined ? { arxivId } : {}),
    citations: work.cited_by_count,
  };
}

export function openAlexWorks(
  client: HttpClient,
  options: ResolvedEnrichOptions,
  author: OpenAlexAuthor,
): Lookup<WorksValue> {
  const filter = 'openAlexId' in author ? `author.id:${author.openAlexId}` : `author.orcid:${author.orcid}`;
  const id = openAlexAuthorPath(author);
  return {
    source: 'OpenAlex',
    key: `openalex:works:${id}`,
    label: `OpenAlex works of ${id}`,
    hints: ['Check social.openalex / social.orcid in the YAML.'],
    fetch: async () => {
      const works: WorkCitations[] = [];
      const seen = new Set<string>();
      let cursor = '*';
      for (let page = 0; page < MAX_PAGES; page++) {
        seen.add(cursor);
        const url = joinUrl(
          options.openAlexUrl,
          `works?filter=${encodeURIComponent(filter)}&per-page=200&cursor=${encodeURIComponent(cursor)}` +
            '&select=id,doi,display_name,cited_by_count,locations',
        );
        const body = jsonBody(await client.request({ url }));
        if ('kind' in body) return body;
        const { json } = body;
        if (!isRecord(json) || !Array.isArray(json.results)) return unexpected('no results list');
        for (const item of json.results) {
          const work = openAlexWork(item);
          if (work) works.push(work);
        }
        const next = isRecord(json.meta) ? json.meta.next_cursor : undefined;
        if (typeof next !== 'string' || next === '' || seen.has(next) || json.results.length === 0) break;
        cursor = next;
      }
      return { kind: 'ok', value: { kind: 'works', works } };
    },
  };
}
