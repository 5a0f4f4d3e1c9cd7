/** Matching the CV's papers to a citation source's works: by DOI, then arXiv id, then exact title. */

export interface PaperRef {
  /** The BibTeX key; the key of the result map. */
  key: string;
  doi?: string;
  arxivId?: string;
  /** Plain-text title (BibTeX braces are ignored). */
  title: string;
}

/** One work as a citation source lists it, reduced to what matching needs (this is what is cached). */
export interface WorkCitations {
  readonly title: string;
  readonly doi?: string;
  readonly arxivId?: string;
  readonly citations: number;
}

const ARXIV_DOI_PREFIX = '10.48550/arxiv.';

/** `https://doi.org/10.1000/ABC` / `doi:10.1000/abc` -> `10.1000/abc`; undefined when it is no DOI. */
export function normalizeDoi(doi: string | undefined | null): string | undefined {
  if (!doi) return undefined;
  const bare = doi
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//, '')
    .replace(/^doi:\s*/, '');
  return bare.startsWith('10.') ? bare : undefined;
}

/** `arXiv:2101.00001v2` / `https://arxiv.org/abs/2101.00001` -> `2101.00001`; old ids (`cs/0112017`) kept. */
export function normalizeArxivId(id: string | undefined | null): string | undefined {
  if (!id) return undefined;
  const bare = id
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?arxiv\.org\/(abs|pdf)\//, '')
    .replace(/^arxiv:\s*/, '')
    .replace(/\.pdf$/, '')
    .replace(/v\d+$/, '');
  return bare === '' ? undefined : bare;
}

/** Case- and space-insensitive: lower case, braces and all whitespace removed, a final period dropped. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[{}]/g, '').replace(/\s+/g, '').replace(/\.$/, '');
}

/** The arXiv id of an arXiv DOI (`10.48550/arXiv.2101.00001`), which is how OpenAlex records preprints. */
export function arxivIdFromDoi(doi: string | undefined): string | undefined {
  return doi?.startsWith(ARXIV_DOI_PREFIX) ? normalizeArxivId(doi.slice(ARXIV_DOI_PREFIX.length)) : undefined;
}

function keepMax(index: Map<string, number>, key: string | undefined, citations: number): void {
  if (key === undefined || key === '') return;
  index.set(key, Math.max(index.get(key) ?? 0, citations));
}

/**
 * Citation count per paper key. A source often lists a paper twice (preprint and published version):
 * the larger count wins.
 */
export function matchCitations(
  papers: readonly PaperRef[],
  works: readonly WorkCitations[],
): Map<string, number> {
  const byDoi = new Map<string, number>();
  const byArxiv = new Map<string, number>();
  const byTitle = new Map<string, number>();
  for (const work of works) {
    const doi = normalizeDoi(work.doi);
    keepMax(byDoi, doi, work.citations);
    keepMax(byArxiv, normalizeArxivId(work.arxivId) ?? arxivIdFromDoi(doi), work.citations);
    keepMax(byTitle, normalizeTitle(work.title), work.citations);
  }
  const counts = new Map<string, number>();
  for (const paper of papers) {
    const doi = normalizeDoi(paper.doi);
    const arxivId = normalizeArxivId(paper.arxivId) ?? arxivIdFromDoi(doi);
    const count =
      (doi !== undefined ? byDoi.get(doi) : undefined) ??
      (arxivId !== undefined ? byArxiv.get(arxivId) : undefined) ??
      byTitle.get(normalizeTitle(paper.title));
    if (count !== undefined) counts.set(paper.key, count);
  }
  return counts;
}
