/**
 * Hand-built `Cv` models for the Typst tests: a realistic CV with every section type (`sampleCv`), and a
 * 10-12 page one for timing (`largeSampleCv`), generated deterministically from the same material.
 */

import type { Inline } from '../../src/inline/ast.js';
import type {
  Author,
  Cv,
  LayoutEntry,
  Publication,
  PublicationGroup,
  RepoItem,
  RichText,
  Section,
  TalkItem,
} from '../../src/model/cv.js';
import { printOptions } from '../helpers/print-options.js';

// ---------------------------------------------------------------- inline helpers

export const t = (value: string): Inline => ({ type: 'text', value });
/** Plain text as rich text; '' is absent. */
export const r = (value: string): RichText => (value === '' ? [] : [t(value)]);
const strong = (...children: Inline[]): Inline => ({ type: 'strong', children });
const emph = (...children: Inline[]): Inline => ({ type: 'emph', children });
const link = (url: string, ...children: Inline[]): Inline => ({ type: 'link', url, children });
const en: Inline = { type: 'dash', kind: 'en' };
const nbsp: Inline = { type: 'nbsp' };
const star: Inline = { type: 'superscript', children: [t('*')] };

export const OWNER = 'Elena Marković';

const COAUTHOR_URLS: Readonly<Record<string, string>> = {
  'Jonas Lindqvist': 'https://jlindqvist.example.org/',
  'Priya Raman': 'https://priyaraman.example.com/',
  'Tomás Oliveira': 'https://scholar.google.com/citations?user=TOMAS0001',
  'Hannah Weber': 'https://hweber.example.net/',
  'Kwame Mensah': 'https://kmensah.example.edu/',
  'Yuki Tanaka': 'https://ytanaka.example.jp/',
};

function author(name: string, marks: RichText = []): Author {
  const url = COAUTHOR_URLS[name];
  return { name: r(name), plain: name, url, isOwner: name === OWNER, marks };
}

interface PubSpec {
  readonly key: string;
  readonly title: string;
  readonly authors: readonly (string | [string, RichText])[];
  readonly venue: string;
  readonly year: number;
  readonly selected?: boolean;
  readonly url?: string;
  readonly links?: readonly [string, string][];
  readonly note?: string;
  readonly others?: boolean;
}

function publication(spec: PubSpec, label: string): Publication {
  return {
    key: spec.key,
    entryType: 'inproceedings',
    title: r(spec.title),
    url: spec.url,
    authors: spec.authors.map((a) => (typeof a === 'string' ? author(a) : author(a[0], a[1]))),
    othersTruncated: spec.others ?? false,
    venue: r(spec.venue),
    year: String(spec.year),
    yearNumber: spec.year,
    note: r(spec.note ?? ''),
    abstract: r(`We study ${spec.title.toLowerCase()}.`),
    links: (spec.links ?? []).map(([label, url]) => ({ label, url })),
    selected: spec.selected ?? false,
    label,
    bibtex: `@inproceedings{${spec.key}, title={${spec.title}}}`,
  };
}

/** Numbers newest first (`[N]` counts down as in the original), grouped by year. */
function groupByYear(specs: readonly PubSpec[], prefix: string): PublicationGroup[] {
  const sorted = [...specs].sort((a, b) => b.year - a.year);
  const groups: PublicationGroup[] = [];
  sorted.forEach((spec, index) => {
    const pub = publication(spec, `${prefix}${sorted.length - index}`);
    const heading = String(spec.year);
    const last = groups.at(-1);
    if (last && last.heading === heading) (last.publications as Publication[]).push(pub);
    else groups.push({ heading, publications: [pub] });
  });
  return groups;
}

// ---------------------------------------------------------------- content

export const PUBLICATIONS: readonly PubSpec[] = [
  {
    key: 'markovic2024amortized',
    title: 'Amortized Optimal Transport for Single-Cell Trajectories',
    authors: [['Priya Raman', [star]], ['Elena Marković', [star]], 'Jonas Lindqvist'],
    venue: 'NeurIPS',
    year: 2024,
    selected: true,
    url: 'https://arxiv.org/abs/2401.00001',
    links: [
      ['code', 'https://github.com/emarkovic/amortized-ot'],
      ['slides', 'https://emarkovic.example.org/slides/2024-ot.pdf'],
    ],
  },
  {
    key: 'markovic2024robust',
    title: 'Robust Control with Differentiable Convex Programs',
    authors: ['Elena Marković', 'Kwame Mensah'],
    venue: 'ICML',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.00002',
    links: [['code', 'https://github.com/emarkovic/robust-dcp']],
  },
  {
    key: 'weber2023flows',
    title: 'Riemannian Flows on Product Manifolds',
    authors: ['Hannah Weber', 'Yuki Tanaka', 'Elena Marković'],
    venue: 'ICLR',
    year: 2023,
    url: 'https://openreview.net/forum?id=flows2023',
    links: [['talk', 'https://www.youtube.com/watch?v=flows2023']],
  },
  {
    key: 'markovic2023meta',
    title: 'Meta-Learning Warm Starts for Quadratic Programs',
    authors: ['Elena Marković', 'Tomás Oliveira', 'Priya Raman', 'Jonas Lindqvist'],
    venue: 'AISTATS',
    year: 2023,
    selected: true,
    url: 'https://arxiv.org/abs/2303.00003',
    links: [
      ['code', 'https://github.com/emarkovic/qp-warmstart'],
      ['pdf', 'https://emarkovic.example.org/papers/qp-warmstart.pdf'],
    ],
    note: 'Oral presentation',
  },
  {
    key: 'oliveira2022scalable',
    title: 'Scalable Bilevel Optimization for Hyperparameter Search',
    authors: ['Tomás Oliveira', 'Elena Marković', 'Hannah Weber', 'Kwame Mensah', 'Yuki Tanaka'],
    venue: 'JMLR',
    year: 2022,
    others: true,
  },
  {
    key: 'markovic2021thesis',
    title: 'Structured Prediction with Implicit Layers',
    authors: ['Elena Marković'],
    venue: 'Ph.D. Thesis, ETH Zürich',
    year: 2021,
    url: 'https://emarkovic.example.org/thesis.pdf',
    links: [['slides', 'https://emarkovic.example.org/slides/defense.pdf']],
  },
];

export const JOURNAL_PUBLICATIONS: readonly PubSpec[] = [
  {
    key: 'markovic2022survey',
    title: 'A Survey of Differentiable Optimization in Control',
    authors: ['Elena Marković', 'Jonas Lindqvist'],
    venue: 'Annual Reviews in Control',
    year: 2022,
    url: 'https://doi.org/10.1016/j.arcontrol.2022.00001',
  },
];

const sectionBase = (key: string) => ({ key });

export const SECTIONS: readonly Section[] = [
  {
    ...sectionBase('about'),
    type: 'about',
    html: '<p>I build <b>learning systems</b> that reason with optimization.</p>',
    text: [
      {
        type: 'html',
        value:
          '<p style="text-align: justify;">I build <b>learning systems</b> that reason with optimization &amp; control.</p>\n<p>Previously at <a href="https://ethz.ch">ETH Zürich</a>.<script>alert(1)</script></p>',
      },
    ],
  },
  {
    ...sectionBase('news'),
    type: 'news',
    items: [
      {
        date: r('Mar 2024'),
        text: [t('Our paper on amortized transport was accepted at '), strong(t('NeurIPS')), t('.')],
      },
      { date: r('Jan 2024'), text: r('Started as an assistant professor at the University of Edinburgh.') },
    ],
  },
  {
    ...sectionBase('education'),
    type: 'education',
    items: [
      {
        degree: r('Ph.D. in Computer Science'),
        school: r('ETH Zürich'),
        location: r('Zürich, Switzerland'),
        dates: [t('2016'), en, t('2021')],
        gpa: [],
        majorGpa: [],
        details: [
          [
            t('Thesis: '),
            link(
              'https://emarkovic.example.org/thesis.pdf',
              emph(t('Structured Prediction with Implicit Layers')),
            ),
          ],
          [t('Advisor: '), link('https://jlindqvist.example.org/', t('Jonas Lindqvist'))],
        ],
      },
      {
        degree: r('B.S. in Mathematics'),
        school: r('University of Belgrade'),
        location: r('Belgrade, Serbia'),
        dates: [t('2012'), en, t('2016')],
        gpa: r('3.97/4.00'),
        majorGpa: r('4.00/4.00'),
        details: [],
      },
    ],
  },
  {
    ...sectionBase('positions'),
    type: 'positions',
    items: [
      {
        title: r('Assistant Professor of Informatics'),
        place: r('University of Edinburgh'),
        location: r('Edinburgh, UK'),
        dates: [t('2024'), en],
        inlineDetail: [],
        details: [],
      },
      {
        title: r('Research Scientist'),
        place: r('Northlake AI Research'),
        location: r('London, UK'),
        dates: [t('2021'), en, t('2023')],
        inlineDetail: [
          t('with '),
          link('https://priyaraman.example.com/', t('Priya Raman')),
          t(' on optimal transport'),
        ],
        details: [
          [t('Led the '), strong(t('transport')), t(' library used by four product teams.')],
          r('Mentored six research interns.'),
        ],
      },
      {
        title: r('Research Intern'),
        place: r('Kestrel Labs'),
        location: r('Toronto, Canada'),
        dates: r('2019'),
        inlineDetail: [
          t('with '),
          link('https://hweber.example.net/', t('Hannah Weber')),
          t(' on manifold learning'),
        ],
        details: [],
      },
    ],
  },
  {
    ...sectionBase('honors'),
    type: 'honors',
    items: [
      {
        title: r('Outstanding Paper Award at AISTATS'),
        year: r('2023'),
        url: 'https://aistats.org/awards',
        description: [],
      },
      { title: r('ETH Medal for Outstanding Doctoral Thesis'), year: r('2022'), description: [] },
      {
        title: r('Undergraduate scholarships'),
        year: [t('2012'), en, t('2016')],
        description: [
          t('Dositeja Fund, City of Belgrade Talent Award, Mathematical Grammar School Alumni'),
          nbsp,
          t('Prize'),
        ],
      },
    ],
  },
  {
    ...sectionBase('research'),
    type: 'research',
    items: [
      {
        title: r('Visiting Researcher'),
        place: r('Institute for Advanced Study'),
        dates: r('2020'),
        advisor: r('Kwame Mensah'),
        area: r('Implicit differentiation and fixed-point solvers'),
        details: [r('Derived stable adjoints for monotone operator networks.')],
      },
    ],
  },
  {
    ...sectionBase('all_publications'),
    type: 'publications',
    lists: [{ heading: null, prefix: '', file: 'all.bib', groups: groupByYear(PUBLICATIONS, '') }],
    venueSummary: [],
    showCitations: false,
    total: PUBLICATIONS.length,
  },
  {
    ...sectionBase('journal_publications'),
    type: 'publications',
    lists: [
      {
        heading: r('Journal Articles'),
        prefix: 'J',
        file: 'journal.bib',
        groups: groupByYear(JOURNAL_PUBLICATIONS, 'J'),
      },
    ],
    venueSummary: [{ venue: 'Annual Reviews in Control', count: 1 }],
    showCitations: false,
    total: JOURNAL_PUBLICATIONS.length,
  },
  {
    ...sectionBase('repos'),
    type: 'repos',
    items: [
      {
        url: 'https://github.com/emarkovic/amortized-ot',
        name: 'emarkovic/amortized-ot',
        description: r('Amortized optimal transport in JAX'),
        stars: 1843,
        year: r('2024'),
      },
      {
        url: 'https://github.com/emarkovic/robust-dcp',
        name: 'emarkovic/robust-dcp',
        description: r('Differentiable convex programs for robust control'),
        stars: 412,
        homepage: 'https://emarkovic.github.io/robust-dcp/',
        year: r('2023'),
      },
      {
        url: 'https://github.com/emarkovic/dotfiles',
        name: 'emarkovic/dotfiles',
        description: [{ type: 'superscript', children: [t('\u2665')] }, t(' Linux, vim, zsh, tmux')],
        year: r('2015'),
      },
    ],
  },
  {
    ...sectionBase('talks'),
    type: 'talks',
    items: [
      {
        title: r('Transport between distributions of distributions'),
        url: 'https://emarkovic.example.org/talks/2024-transport.html',
        location: r('Gatsby Unit, UCL'),
        locationUrl: 'https://www.gatsby.ucl.ac.uk/',
        year: r('2024'),
      },
      {
        title: r('Differentiable optimization for control'),
        url: 'https://emarkovic.example.org/talks/2023-control.html',
        location: r('Max Planck Institute for Intelligent Systems'),
        year: r('2023'),
      },
    ],
  },
  {
    ...sectionBase('advising'),
    type: 'advising',
    items: [
      {
        name: r('Lukas Brandt'),
        url: 'https://lbrandt.example.org/',
        details: r('Ph.D. student, Edinburgh'),
        year: [t('2024'), en],
      },
      {
        name: r('Amara Nwosu'),
        details: [t('M.Sc. thesis, now at '), link('https://deepmind.google/', t('Google DeepMind'))],
        year: r('2022'),
      },
    ],
  },
  {
    ...sectionBase('service'),
    type: 'service',
    groups: [
      {
        key: 'main',
        title: null,
        items: [
          {
            details: r('NeurIPS Workshop on Optimization for Learning, Organizer'),
            subDetails: r('co-organized with four colleagues'),
            year: r('2023'),
            url: 'https://opt-learning.example.org/',
          },
          {
            details: r('ETH Computer Science Admissions Committee'),
            subDetails: [],
            year: [t('2018'), en, t('2019')],
          },
        ],
      },
      {
        key: 'area_chair',
        title: r('Area chair'),
        items: [
          { details: r('International Conference on Machine Learning (ICML)'), subDetails: [], year: [] },
          { details: r('Neural Information Processing Systems (NeurIPS)'), subDetails: [], year: [] },
        ],
      },
      {
        key: 'reviewer',
        title: r('Reviewer'),
        items: [
          { details: r('Artificial Intelligence and Statistics (AISTATS)'), subDetails: [], year: [] },
          { details: r('IEEE Conference on Decision and Control (CDC)'), subDetails: [], year: [] },
          { details: r('Journal of Machine Learning Research (JMLR)'), subDetails: [], year: [] },
          { details: r('Transactions on Machine Learning Research (TMLR)'), subDetails: [], year: [] },
          { details: r('Learning for Dynamics and Control (L4DC)'), subDetails: [], year: [] },
        ],
      },
    ],
  },
  {
    ...sectionBase('teaching'),
    type: 'teaching',
    items: [
      {
        semester: r('F2024'),
        name: r('Machine Learning and Optimization'),
        short: r('INFR11210'),
        position: r('Instructor'),
        url: 'https://www.inf.ed.ac.uk/teaching/',
      },
      {
        semester: r('S2018'),
        name: r('Convex Optimization'),
        short: r('ETH 401-3905'),
        position: r('Teaching Assistant'),
      },
    ],
  },
  {
    ...sectionBase('coursework'),
    type: 'coursework',
    groups: [
      {
        title: r('Graduate'),
        courses: [r('Convex Analysis'), r('Stochastic Control'), r('Optimal Transport')],
      },
      { title: r('Undergraduate'), courses: [r('Functional Analysis'), r('Numerical Methods')] },
    ],
  },
  {
    ...sectionBase('skills'),
    type: 'skills',
    items: [
      { title: r('Programming'), details: r('Python, C++, Julia, Rust, Haskell') },
      { title: r('Frameworks'), details: r('JAX, PyTorch, NumPy, CVXPY') },
    ],
  },
  {
    ...sectionBase('activities'),
    type: 'items',
    items: [
      { text: r('Mentor, Women in Machine Learning (WiML)'), fields: [] },
      { text: [], fields: [{ key: 'Languages', value: r('Serbian, English, German') }] },
    ],
  },
  {
    ...sectionBase('projects'),
    type: 'generic',
    groups: [
      {
        label: null,
        rows: [
          {
            title: r('vita'),
            url: 'https://github.com/example/vita',
            date: [t('2023'), en, t('2024')],
            details: [
              { label: null, text: r('A CV builder') },
              { label: 'Language', text: r('TypeScript') },
            ],
          },
        ],
      },
      {
        label: r('Hobbies'),
        rows: [
          { title: r('Chess'), date: [], details: [] },
          { title: r('Running'), date: [], details: [] },
        ],
      },
    ],
  },
];

export const PRINT_LAYOUT: readonly LayoutEntry[] = [
  { kind: 'section', key: 'about', title: null },
  { kind: 'section', key: 'education', title: r('Education') },
  { kind: 'section', key: 'positions', title: r('Positions') },
  { kind: 'section', key: 'honors', title: [t('Honors '), t('&'), t(' Awards')] },
  { kind: 'section', key: 'all_publications', title: r('Publications') },
  { kind: 'section', key: 'journal_publications', title: r('Journal Publications') },
  { kind: 'section', key: 'repos', title: r('Open Source Repositories') },
  { kind: 'newpage' },
  { kind: 'section', key: 'talks', title: r('Invited Talks') },
  { kind: 'section', key: 'advising', title: r('Students Advised') },
  { kind: 'section', key: 'research', title: r('Research Experience') },
  { kind: 'section', key: 'service', title: r('Professional Activities') },
  { kind: 'section', key: 'teaching', title: r('Teaching') },
  { kind: 'section', key: 'coursework', title: r('Coursework') },
  { kind: 'section', key: 'skills', title: r('Skills') },
  { kind: 'section', key: 'news', title: r('News') },
  { kind: 'section', key: 'activities', title: r('Activities') },
  { kind: 'section', key: 'projects', title: r('Projects') },
];

export interface SampleOptions {
  readonly paper?: 'letter' | 'a4';
  readonly theme?: string;
  readonly color?: string;
  readonly linkColor?: string;
  readonly baseDir?: string;
}

function buildCv(sections: readonly Section[], layout: readonly LayoutEntry[], options: SampleOptions): Cv {
  return {
    person: {
      name: OWNER,
      firstName: 'Elena',
      lastName: 'Marković',
      email: 'elena.markovic@example.org',
      url: 'emarkovic.example.org',
      social: { github: 'emarkovic', google_scholar: 'EMARKOV1234', orcid: '0000-0002-1825-0097' },
    },
    print: printOptions({
      color: options.color ?? 'blue',
      color2: '0.25,0.25,0.25',
      linkColor: options.linkColor ?? '0.17,0.44,0.51',
      paper: options.paper ?? 'letter',
      theme: options.theme ?? 'default',
      baseDir: options.baseDir ?? '/tmp',
    }),
    layouts: { web: layout, print: layout },
    sections: new Map(sections.map((section) => [section.key, section])),
    baseDir: options.baseDir ?? '/nonexistent/cv',
  };
}

export function sampleCv(options: SampleOptions = {}): Cv {
  return buildCv(SECTIONS, PRINT_LAYOUT, options);
}

/** Section titles of the sample's print layout, as plain text. */
export const SECTION_TITLES: readonly string[] = [
  'Education',
  'Positions',
  'Honors & Awards',
  'Publications',
  'Journal Publications',
  'Open Source Repositories',
  'Invited Talks',
  'Students Advised',
  'Research Experience',
  'Professional Activities',
  'Teaching',
  'Coursework',
  'Skills',
  'News',
  'Activities',
];

// ---------------------------------------------------------------- a long CV (10-12 pages), for timing

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
const VERBS = [
  'Learning',
  'Amortizing',
  'Differentiating',
  'Scaling',
  'Regularizing',
  'Accelerating',
  'Certifying',
];
const VENUES = ['NeurIPS', 'ICML', 'ICLR', 'AISTATS', 'CVPR', 'L4DC', 'TMLR', 'arXiv'];
const PEOPLE = Object.keys(COAUTHOR_URLS).concat([
  'Sofia Rossi',
  'Liam O\u2019Connor',
  'Mei Chen',
  'Daniel Novak',
]);

/** ~10-12 pages: the sample plus 80 generated papers, 60 talks and 45 repositories (as the corpus has). */
export function largeSampleCv(options: SampleOptions = {}): Cv {
  const pubs: PubSpec[] = [...PUBLICATIONS];
  for (let i = 0; i < 80; i++) {
    const topic = TOPICS[i % TOPICS.length] ?? '';
    const verb = VERBS[(i * 5) % VERBS.length] ?? '';
    const names = [0, 1, 2, 3].slice(0, 2 + (i % 4)).map((k) => PEOPLE[(i + k * 3) % PEOPLE.length] ?? '');
    names.splice(i % names.length, 0, OWNER);
    pubs.push({
      key: `gen${i}`,
      title: `${verb} ${topic} with Structured Priors, Part ${i + 1}`,
      authors: names,
      venue: VENUES[i % VENUES.length] ?? '',
      year: 2024 - Math.floor(i / 8),
      selected: i % 9 === 0,
      url: `https://arxiv.org/abs/23${String(i).padStart(2, '0')}.0${i}`,
      links: i % 3 === 0 ? [['code', `https://github.com/emarkovic/gen${i}`]] : [],
    });
  }
  const talks: TalkItem[] = Array.from({ length: 60 }, (_, i) => ({
    title: r(`${VERBS[i % VERBS.length]} ${TOPICS[(i * 7) % TOPICS.length]?.toLowerCase()}`),
    url: `https://emarkovic.example.org/talks/${i}.html`,
    location: r(['Oxford', 'MIT', 'Stanford', 'EPFL', 'Mila', 'Cambridge', 'CMU'][i % 7] ?? ''),
    year: r(String(2024 - Math.floor(i / 6))),
  }));
  const repos: RepoItem[] = Array.from({ length: 45 }, (_, i) => ({
    url: `https://github.com/emarkovic/project-${i}`,
    name: `emarkovic/project-${i}`,
    description: r(`${VERBS[i % VERBS.length]} ${TOPICS[i % TOPICS.length]?.toLowerCase()} in JAX`),
    stars: (i * 397) % 5000,
    year: r(String(2024 - Math.floor(i / 5))),
  }));
  const sections = SECTIONS.map((section): Section => {
    if (section.key === 'all_publications' && section.type === 'publications') {
      return {
        ...section,
        lists: [{ heading: null, prefix: '', file: 'all.bib', groups: groupByYear(pubs, '') }],
        total: pubs.length,
      };
    }
    if (section.type === 'talks') return { ...section, items: [...section.items, ...talks] };
    if (section.type === 'repos') return { ...section, items: [...section.items, ...repos] };
    return section;
  });
  return buildCv(sections, PRINT_LAYOUT, options);
}
