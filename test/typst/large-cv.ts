/**
 * A 10-12 page CV for timing the Typst compile: the test CV plus 80 papers, 60 talks and 45 repositories (as
 * many as the corpus has), generated deterministically from the loaded test CV's own entries.
 */
import type { Cv, Publication, PublicationGroup, RepoItem, TalkItem } from '../../src/model/cv.js';
import { publicationsOf, rich, sectionOf, testCv, withSection } from '../helpers/test-cv.js';

const TOPICS = [
  'Optimal Transport',
  'Implicit Layers',
  'Model Predictive Control',
  'Flow Matching',
  'Convex Relaxations',
  'Bilevel Programs',
  'Language Model Alignment',
  'Stochastic Control',
  'Fixed-Point Solvers',
  'Riemannian Manifolds',
  'Combinatorial Solvers',
  'Energy-Based Models',
];
const VERBS = ['Learning', 'Amortizing', 'Differentiating', 'Scaling', 'Regularizing', 'Accelerating'];
const VENUES = ['NeurIPS', 'ICML', 'ICLR', 'AISTATS', 'CVPR', 'L4DC', 'TMLR', 'arXiv'];
const PLACES = ['Oxford', 'MIT', 'Stanford', 'EPFL', 'Mila', 'Cambridge', 'CMU'];

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

export function largeTestCv(): Cv {
  const cv = testCv();
  const models = publicationsOf(cv, 'all_publications');
  const generated: Publication[] = Array.from({ length: 80 }, (_, i) => {
    const year = 2024 - Math.floor(i / 8);
    return {
      ...pick(models, i),
      key: `gen${i}`,
      anchor: `gen${i}`,
      title: rich(`${pick(VERBS, i * 5)} ${pick(TOPICS, i)} with Structured Priors, Part ${i + 1}`),
      venue: rich(pick(VENUES, i)),
      year: String(year),
      yearNumber: year,
      image: undefined,
      selected: i % 9 === 0,
      url: `https://arxiv.org/abs/23${String(i).padStart(2, '0')}.0${i}`,
      links: i % 3 === 0 ? [{ label: 'code', url: `https://github.com/emarkovic/gen${i}` }] : [],
    };
  });
  const all = [...models, ...generated].sort((a, b) => (b.yearNumber ?? 0) - (a.yearNumber ?? 0));
  const groups: PublicationGroup[] = [];
  all.forEach((publication, index) => {
    const numbered = { ...publication, label: String(all.length - index) };
    const last = groups.at(-1);
    if (last?.heading === publication.year) (last.publications as Publication[]).push(numbered);
    else groups.push({ heading: publication.year, publications: [numbered] });
  });
  const publications = sectionOf(cv, 'all_publications', 'publications');
  const [list] = publications.lists;
  if (list === undefined) throw new Error('test CV changed');

  const talks = sectionOf(cv, 'talks', 'talks');
  const moreTalks: TalkItem[] = Array.from({ length: 60 }, (_, i) => ({
    title: rich(`${pick(VERBS, i)} ${pick(TOPICS, i * 7).toLowerCase()}`),
    url: `https://emarkovic.example.org/talks/${i}.html`,
    location: rich(pick(PLACES, i)),
    year: rich(String(2024 - Math.floor(i / 6))),
  }));
  const repos = sectionOf(cv, 'repos', 'repos');
  const moreRepos: RepoItem[] = Array.from({ length: 45 }, (_, i) => ({
    url: `https://github.com/emarkovic/project-${i}`,
    name: `emarkovic/project-${i}`,
    description: rich(`${pick(VERBS, i)} ${pick(TOPICS, i).toLowerCase()} in JAX`),
    stars: (i * 397) % 5000,
    year: rich(String(2024 - Math.floor(i / 5))),
  }));

  let large = withSection(cv, { ...publications, lists: [{ ...list, groups }], total: all.length });
  large = withSection(large, { ...talks, items: [...talks.items, ...moreTalks] });
  return withSection(large, { ...repos, items: [...repos.items, ...moreRepos] });
}
