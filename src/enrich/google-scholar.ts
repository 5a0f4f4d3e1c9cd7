/**
 * Google Scholar, best-effort: it has no API, so the profile page's statistics table is read. Any failure
 * (a CAPTCHA page, 429, a changed page) is a warning.
 */
import type { AuthorStatsValue, Lookup } from './citation-sources.js';
import type { HttpClient } from './http.js';
import { joinUrl, type ResolvedEnrichOptions } from './options.js';

/** The first `gsc_rsb_std` cell after a row label ("Citations", "h-index"): the "All" column. */
function scholarCell(html: string, label: string): number | undefined {
  const labelAt = html.search(new RegExp(`>\\s*${label}\\s*<`, 'i'));
  if (labelAt < 0) return undefined;
  const cell = /class="gsc_rsb_std"[^>]*>\s*([\d,.\s]+?)\s*</.exec(html.slice(labelAt));
  if (!cell?.[1]) return undefined;
  const value = Number(cell[1].replace(/[,.\s]/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** Citations and h-index from a Scholar profile page (`hl=en`); undefined without the statistics table. */
export function parseScholarProfile(html: string): { citations: number; hIndex: number } | undefined {
  const table = html.indexOf('gsc_rsb_st');
  if (table < 0) return undefined;
  const section = html.slice(table);
  const citations = scholarCell(section, 'Citations');
  const hIndex = scholarCell(section, 'h-index');
  return citations !== undefined && hIndex !== undefined ? { citations, hIndex } : undefined;
}

export function googleScholarStats(
  client: HttpClient,
  options: ResolvedEnrichOptions,
  profileId: string,
): Lookup<AuthorStatsValue> {
  return {
    source: 'Google Scholar',
    key: `google-scholar:author:${profileId}`,
    label: `Google Scholar profile ${profileId}`,
    hints: [
      'Google Scholar has no API and often refuses automated requests; set social.openalex or social.orcid ' +
        '(OpenAlex) or social.semantic_scholar for dependable numbers.',
    ],
    fetch: async () => {
      const url = joinUrl(options.scholarUrl, `citations?user=${encodeURIComponent(profileId)}&hl=en`);
      const outcome = await client.request({ url });
      if (outcome.kind === 'failed') return { kind: 'failed', reason: outcome.reason };
      if (outcome.kind === 'rate-limited')
        return { kind: 'failed', reason: 'Google Scholar refused (rate limit)' };
      if (outcome.status === 404) return { kind: 'not-found', reason: 'HTTP 404' };
      if (outcome.status !== 200) return { kind: 'failed', reason: `HTTP ${outcome.status}` };
      const stats = parseScholarProfile(outcome.body);
      if (!stats) {
        return {
          kind: 'failed',
          reason: 'the page has no citation table (Scholar may have answered with a CAPTCHA)',
        };
      }
      return { kind: 'ok', value: { kind: 'author', citations: stats.citations, hIndex: stats.hIndex } };
    },
  };
}
