/** Semantic Scholar (Graph API): the owner's citation total and h-index, and their papers' counts. */
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
import { normalizeArxivId, normalizeDoi, type WorkCitations } from './paper-match.js';

export function semanticScholarAuthorStats(
  client: HttpClient,
  options: ResolvedEnrichOptions,
  authorId: string,
): Lookup<AuthorStatsValue> {
  return {
    source: 'Semantic Scholar',
    key: `semantic-scholar:author:${authorId}`,
    label: `Semantic Scholar author ${authorId}`,
    hints: ['Check social.semantic_scholar in the YAML.'],
    fetch: async () => {
      const url = joinUrl(
        options.semanticScholarUrl,
        `graph/v1/author/${authorId}?fields=citationCount,hIndex`,
      );
      const body = jsonBody(await client.request({ url }));
      if ('kind' in body) return body;
      const { json } = body;
      if (!isRecord(json)) return unexpected('not an object');
      const { citationCount, hIndex } = json;
      if (!isCount(citationCount) && !isCount(hIndex)) return unexpected('no citationCount or hIndex');
      return {
        kind: 'ok',
        value: {
          kind: 'author',
          ...(isCount(citationCount) ? { citations: citationCount } : {}),
          ...(isCount(hIndex) ? { hIndex } : {}),
        },
      };
    },
  };
}

function semanticScholarWork(paper: unknown): WorkCitations | undefined {
  if (!isRecord(paper) || !isCount(paper.citationCount)) return undefined;
  const ids = isRecord(paper.externalIds) ? paper.externalIds : {};
  const doi = normalizeDoi(typeof ids.DOI === 'string' ? ids.DOI : undefined);
  const arxivId = normalizeArxivId(typeof ids.ArXiv === 'string' ? ids.ArXiv : undefined);
  return {
    title: typeof paper.title === 'string' ? paper.title : '',
    ...(doi !== undefined ? { doi } : {}),
    ...(arxivId !== undefined ? { arxivId } : {}),
    citations: paper.citationCount,
  };
}

export function semanticScholarWorks(
  client: HttpClient,
  options: ResolvedEnrichOptions,
  authorId: string,
): Lookup<WorksValue> {
  return {
    source: 'Semantic Scholar',
    key: `semantic-scholar:papers:${authorId}`,
    label: `Semantic Scholar papers of ${authorId}`,
    hints: ['Check social.semantic_scholar in the YAML.'],
    fetch: async () => {
      const works: WorkCitations[] = [];
      let offset = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const url = joinUrl(
          options.semanticScholarUrl,
          `graph/v1/author/${authorId}/papers?fields=title,externalIds,citationCount&limit=1000` +
            (offset > 0 ? `&offset=${offset}` : ''),
        );
        const body = jsonBody(await client.request({ url }));
        if ('kind' in body) return body;
        const { json } = body;
        if (!isRecord(json) || !Array.isArray(json.data)) return unexpected('no data list');
        for (const item of json.data) {
          const work = semanticScholarWork(item);
          if (work) works.push(work);
        }
        if (typeof json.next !== 'number' || json.next <= offset || json.data.length === 0) break;
        offset = json.next;
      }
      return { kind: 'ok', value: { kind: 'works', works } };
    },
  };
}
