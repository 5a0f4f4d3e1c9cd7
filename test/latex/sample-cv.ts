/**
 * A realistic `Cv`, built by hand (no loader, no parser), with every section type, accented names, an owner,
 * co-author links, selected papers and year groups. The LaTeX golden file and the compile tests use it.
 */

import type { SourcePosition } from '../../src/diagnostics/diagnostic.js';
import type { Inline } from '../../src/inline/ast.js';
import type {
  Author,
  Cv,
  LayoutEntry,
  Publication,
  PublicationLink,
  RichText,
  Section,
} from '../../src/model/cv.js';
import { printOptions } from '../helpers/print-options.js';

// ------------------------------------------------------------------ inline builders

export const t = (value: string): RichText => [{ type: 'text', value }];
const txt = (value: string): Inline => ({ type: 'text', value });
const strong = (...children: Inline[]): Inline => ({ type: 'strong', children });
const emph = (...children: Inline[]): Inline => ({ type: 'emph', children });
const link = (url: string, ...children: Inline[]): Inline => ({ type: 'link', url, children });
const en: Inline = { type: 'dash', kind: 'en' };
const em: Inline = { type: 'dash', kind: 'em' };
const nbsp: Inline = { type: 'nbsp' };
const sup = (...children: Inline[]): Inline => ({ type: 'superscript', children });
/** `2014--2019` as the parser would give it. */
const years = (from: string, to = ''): RichText => [txt(from), en, ...(to === '' ? [] : [txt(to)])];

export const at = (line: number): SourcePosition => ({ file: 'cv.yaml', line, column: 1 });

// ------------------------------------------------------------------ publications

const OWNER = 'Ada Lindqvist';
const COAUTHOR_URLS: Readonly<Record<string, string>> = {
  'Rémi Munos': 'https://scholar.google.com/citations?user=OvKEnVwAAAAJ',
  'David Pérez-Piñeiro': 'https://davidppineiro.com/',
  'Ali İrfan Mahmutoğulları': 'https://scholar.google.com/citations?user=muyZLrYAAAAJ',
  'J. Zico Kolter': 'https://zicokolter.com/',
  'Mahadev Satyanarayanan': 'https://www.cs.cmu.edu/~satya/',
};

function author(name: string, marks: RichText = []): Author {
  const url = COAUTHOR_URLS[name];
  return {
    name: t(name),
    plain: name,
    isOwner: name === OWNER,
    marks,
    ...(url === undefined ? {} : { url }),
  };
}

interface PaperInput {
  key: string;
  title: RichText;
  authors: Author[];
  venue: string;
  year: number;
  label: string;
  selected?: boolean;
  url?: string;
  links?: PublicationLink[];
  note?: RichText;
  line: number;
}

function paper(input: PaperInput): Publication {
  return {
    key: input.key,
    entryType: 'inproceedings',
    title: input.title,
    ...(input.url === undefined ? {} : { url: input.url }),
    authors: input.authors,
    othersTruncated: false,
    venue: t(input.venue),
    year: String(input.year),
    yearNumber: input.year,
    note: input.note ?? [],
    abstract: t('We study things.'),
    links: input.links ?? [],
    selected: input.selected ?? false,
    label: input.label,
    bibtex: `@inproceedings{${input.key}, year = {${input.year}}}`,
    position: { file: 'publications/all.bib', line: input.line, column: 1 },
  };
}

const paper2021a = paper({
  key: 'lindqvist2021transport',
  title: t('Riemannian Transport Maps for Molecular Conformers'),
  authors: [
    author(OWNER, [sup(txt('*'))]),
    author('David Pérez-Piñeiro', [sup(txt('*'))]),
    author('Rémi Munos'),
  ],
  venue: 'ICML',
  year: 2021,
  label: '1',
  selected: true,
  url: 'https://arxiv.org/abs/2106.10272',
  links: [
    { label: 'code', url: 'https://github.com/example/rcpm' },
    { label: 'slides', url: 'https://example.org/slides/rcpm.pdf' },
  ],
  line: 12,
});

const paper2021b = paper({
  key: 'mahmutogullari2021decision',
  title: t('Decision-Focused Learning with Differentiable Optimization Layers'),
  authors: [author('Ali İrfan Mahmutoğulları'), author(OWNER)],
  venue: 'NeurIPS',
  year: 2021,
  label: '2',
  note: [txt('Spotlight'), en, txt('top 3%')],
  url: 'https://arxiv.org/abs/2110.03684',
  line: 30,
});

const paper2019 = paper({
  key: 'lindqvist2019mpc',
  title: [txt('Differentiable MPC for End-to-End Planning and Control')],
  authors: [
    author(OWNER),
    author('J. Zico Kolter'),
    author('Maria Sánchez'),
    author('Mahadev Satyanarayanan'),
  ],
  venue: 'NeurIPS',
  year: 2019,
  label: '3',
  selected: true,
  links: [{ label: 'code', url: 'https://github.com/example/mpc.pytorch' }],
  line: 48,
});

const paper2014 = paper({
  key: 'lindqvist2014openface',
  title: t('OpenFace: Face Recognition with Deep Neural Networks on Mobile Devices'),
  authors: [author(OWNER), author('Mahadev Satyanarayanan')],
  venue: 'CMU Technical Report',
  year: 2014,
  label: '4',
  links: [{ label: 'talk', url: 'https://example.org/talks/openface?lang=en&t=42#start' }],
  line: 66,
});

// ------------------------------------------------------------------ sections

const sections: Section[] = [
  {
    type: 'about',
    key: 'about',
    position: at(20),
    html: '<p>I build <b>learning systems</b> in T&uuml;bingen &amp; New York.</p>',
    text: [
      { type: 'html', value: '<p>' },
      txt('I build '),
      { type: 'html', value: '<b>' },
      txt('learning systems'),
      { type: 'html', value: '</b>' },
      txt(' in Tübingen & New York.'),
      { type: 'html', value: '</p>' },
    ],
  },
  {
    type: 'news',
    key: 'news',
    position: at(30),
    items: [
      {
        date: t('June 2024'),
        text: [txt('Our paper on '), emph(txt('transport maps')), txt(' won an award.')],
      },
      { date: t('May 2023'), text: t('Started at the Max Planck Institute, Tübingen.') },
    ],
  },
  {
    type: 'education',
    key: 'education',
    position: at(40),
    items: [
      {
        degree: t('Ph.D. in Computer Science'),
        school: t('Carnegie Mellon University'),
        location: t('Pittsburgh, PA'),
        dates: years('2014', '2019'),
        gpa: t('4.00/4.00'),
        majorGpa: [],
        details: [
          [
            txt('Thesis: '),
            link(
              'https://github.com/example/thesis',
              emph(txt('Differentiable Optimization-Based Modeling')),
            ),
          ],
          [txt('Advisor: '), link('https://zicokolter.com', txt('J.'), nbsp, txt('Zico Kolter'))],
        ],
      },
      {
        degree: t('B.S. in Computer Science'),
        school: t('Virginia Tech'),
        location: t('Blacksburg, VA'),
        dates: years('2011', '2014'),
        gpa: t('3.99/4.00'),
        majorGpa: t('4.00/4.00'),
        details: [],
      },
    ],
  },
  {
    type: 'positions',
    key: 'positions',
    position: at(60),
    items: [
      {
        title: t('Research Scientist'),
        place: t('Max Planck Institute for Intelligent Systems'),
        location: t('Tübingen'),
        dates: years('2023'),
        inlineDetail: [],
        details: [],
      },
      {
        title: t('Research Intern'),
        place: t('Google DeepMind'),
        location: t('London'),
        dates: t('2017'),
        inlineDetail: [txt('with '), link('https://mdenil.com/', txt('Misha Denil')), txt(' on RL')],
        details: [
          [txt('Built a '), strong(txt('model-based')), txt(' agent; 2'), nbsp, txt('papers.')],
          t('Mentored one student.'),
        ],
      },
    ],
  },
  {
    type: 'honors',
    key: 'honors',
    position: at(80),
    items: [
      {
        title: t('Outstanding Paper Award, ICML Workshop'),
        year: t('2024'),
        url: 'https://icml.cc/virtual/2024/39245',
        description: [],
      },
      { title: t('NSF Graduate Research Fellowship'), year: years('2016', '2019'), description: [] },
      {
        title: t('Nine undergraduate scholarships'),
        year: years('2011', '2014'),
        description: [
          txt('Salem'),
          en,
          txt('Roanoke County Chamber of Commerce, VT Benjamin F.'),
          nbsp,
          txt('Bock'),
        ],
      },
    ],
  },
  {
    type: 'research',
    key: 'research',
    position: at(95),
    items: [
      {
        title: t('Undergraduate Researcher'),
        place: t('Virginia Tech'),
        dates: years('2012', '2014'),
        advisor: [link('https://people.cs.vt.edu/~ltw/shortvita.html', txt('Layne Watson'))],
        area: t('Global and stochastic optimization'),
        details: [t('Quasi-Newton methods for parameter estimation in Fortran 95.')],
      },
    ],
  },
  {
    type: 'publications',
    key: 'all_publications',
    position: at(110),
    lists: [
      {
        heading: null,
        prefix: '',
        file: 'all.bib',
        groups: [
          { heading: '2021', publications: [paper2021a, paper2021b] },
          { heading: '2019', publications: [paper2019] },
          { heading: '2015 and earlier', publications: [paper2014] },
        ],
      },
    ],
    venueSummary: [],
    showCitations: false,
    total: 4,
  },
  {
    type: 'repos',
    key: 'repos',
    position: at(130),
    items: [
      {
        url: 'https://github.com/cmusatyalab/openface',
        name: 'cmusatyalab/openface',
        description: t('Face recognition with deep neural networks'),
        stars: 15234,
        homepage: 'http://cmusatyalab.github.io/openface/',
        year: t('2015'),
        position: at(131),
      },
      {
        url: 'https://github.com/locuslab/qpth',
        name: 'locuslab/qpth',
        description: t('Differentiable PyTorch QP solver'),
        stars: 708,
        year: t('2017'),
        position: at(135),
      },
      {
        url: 'https://github.com/example/dotfiles',
        name: 'example/dotfiles',
        description: [txt('♥ Linux, xmonad, emacs, vim, zsh, tmux')],
        year: t('2012'),
        position: at(139),
      },
    ],
  },
  {
    type: 'talks',
    key: 'talks',
    position: at(150),
    items: [
      {
        title: t('On transport, flows, and physics'),
        url: 'https://example.org/presentations/2025.transport.html',
        location: t('Princeton University'),
        locationUrl: 'https://pcts.princeton.edu/events/2025/physics-john-hopfield',
        year: t('2025'),
      },
      {
        title: t('Differentiable optimization for control'),
        location: t('Max Planck Institute (Tübingen)'),
        year: t('2020'),
      },
    ],
  },
  {
    type: 'advising',
    key: 'advising',
    position: at(165),
    items: [
      {
        name: t('Anselm Paulus'),
        url: 'https://scholar.google.com/citations?user=njZL5CQAAAAJ',
        details: t('visiting from the Max Planck Institute, Tübingen'),
        year: years('2023', '2024'),
      },
      {
        name: t('Phillip Wang'),
        details: [txt('at CMU, now CEO at '), link('https://gather.town/', txt('Gather'))],
        year: t('2018'),
      },
    ],
  },
  {
    type: 'service',
    key: 'service',
    position: at(175),
    groups: [
      {
        key: 'main',
        title: null,
        items: [
          {
            details: t('NeurIPS Learning Meets Combinatorial Optimization Workshop Organizer'),
            subDetails: [],
            year: t('2020'),
            url: 'https://sites.google.com/view/lmca2020/home',
          },
          {
            details: t('CMU CSD MS Admissions'),
            subDetails: t('Reviewed 300 applications'),
            year: years('2014', '2015'),
          },
        ],
      },
      {
        key: 'reviewer',
        title: t('Reviewer'),
        items: [
          { details: t('International Conference on Machine Learning (ICML)'), subDetails: [], year: [] },
          { details: t('Neural Information Processing Systems (NeurIPS)'), subDetails: [], year: [] },
        ],
      },
    ],
  },
  {
    type: 'teaching',
    key: 'teaching',
    position: at(190),
    items: [
      {
        semester: t('F2024'),
        name: t('Applied Machine Learning'),
        short: t('Cornell Tech CS5785'),
        position: t('Co-instructor'),
        url: 'https://example.org/cs5785',
      },
      { semester: t('S2017'), name: t('Graduate AI'), short: t('CMU 15-780'), position: t('TA') },
    ],
  },
  {
    type: 'coursework',
    key: 'coursework',
    position: at(200),
    groups: [
      { title: t('Graduate'), courses: [t('Convex Optimization'), t('Probabilistic Graphical Models')] },
      { title: t('Undergraduate'), courses: [t('Numerical Analysis')] },
    ],
  },
  {
    type: 'skills',
    key: 'skills',
    position: at(210),
    items: [
      { title: t('Programming'), details: t('C, C++, Fortran, Haskell, Python, R, Scala') },
      { title: t('Frameworks'), details: t('JAX, NumPy, PyTorch, TensorFlow') },
    ],
  },
  {
    type: 'items',
    key: 'activities',
    position: at(220),
    items: [
      { text: t('Linux and Unix Users Group, Virginia Tech, 2011--2012'), fields: [] },
      {
        text: [],
        fields: [
          { key: 'role', value: t('Section leader') },
          { key: 'band', value: t('Marching Band') },
        ],
      },
    ],
  },
  {
    type: 'generic',
    key: 'projects',
    position: at(230),
    groups: [
      {
        label: null,
        rows: [
          {
            title: t('vita'),
            url: 'https://github.com/example/vita',
            date: years('2023', '2024'),
            details: [
              { label: null, text: t('A CV builder') },
              { label: 'Language', text: t('TypeScript') },
            ],
          },
        ],
      },
      {
        label: t('Hobbies'),
        rows: [
          { title: t('Chess'), date: [], details: [] },
          { title: t('Running'), date: [], details: [] },
        ],
      },
    ],
  },
];

const printLayout: LayoutEntry[] = [
  { kind: 'section', key: 'about', title: null },
  { kind: 'section', key: 'news', title: t('News') },
  { kind: 'section', key: 'education', title: t('Education') },
  { kind: 'section', key: 'positions', title: t('Positions') },
  { kind: 'section', key: 'honors', title: [txt('Honors & Awards')] },
  { kind: 'section', key: 'research', title: t('Research Experience') },
  { kind: 'section', key: 'all_publications', title: t('Publications') },
  { kind: 'section', key: 'repos', title: t('Open Source Repositories') },
  { kind: 'newpage' },
  { kind: 'section', key: 'talks', title: t('Invited Talks') },
  { kind: 'section', key: 'advising', title: t('Interns and Students') },
  { kind: 'section', key: 'service', title: t('Professional Activities') },
  { kind: 'section', key: 'teaching', title: t('Teaching') },
  { kind: 'section', key: 'coursework', title: t('Coursework') },
  { kind: 'section', key: 'skills', title: t('Skills') },
  { kind: 'section', key: 'activities', title: [txt('Activities'), em, txt('College')] },
  { kind: 'section', key: 'projects', title: t('Projects') },
];

export const SAMPLE_NOW = new Date('2024-06-05T12:00:00Z');

export function sampleCv(): Cv {
  return {
    person: {
      name: OWNER,
      firstName: 'Ada',
      lastName: 'Lindqvist',
      email: 'ada.lindqvist@example.org',
      url: 'ada.example.org',
      pdfUrl: '/cv.pdf',
      sourceUrl: 'https://github.com/example/cv',
      social: { github: 'adalindqvist', google_scholar: 'd8gdZR4AAAAJ', twitter: 'adalindqvist' },
    },
    print: printOptions({ color: 'blue', color2: '0.25,0.25,0.25', linkColor: '0.17,0.44,0.51' }),
    layouts: { web: printLayout.filter((entry) => entry.kind === 'section'), print: printLayout },
    sections: new Map(sections.map((section) => [section.key, section])),
    baseDir: '/cv',
  };
}

/** The same CV with one text field replaced, for hostile-input tests. */
export function cvWithSections(replace: (section: Section) => Section): Cv {
  const cv = sampleCv();
  return { ...cv, sections: new Map([...cv.sections].map(([key, section]) => [key, replace(section)])) };
}
