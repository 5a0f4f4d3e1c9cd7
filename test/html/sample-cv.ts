/**
 * Hand-built `Cv` models for the HTML target's tests: a realistic sample with every section type, and a
 * hostile variant with injection attempts in every field that reaches the page.
 */
import { type Inline, text } from '../../src/inline/ast.js';
import type {
  Author,
  Cv,
  LayoutEntry,
  Publication,
  PublicationsSection,
  RichText,
  Section,
} from '../../src/model/cv.js';
import type { RenderOptions } from '../../src/render/target.js';
import { printOptions } from '../helpers/print-options.js';

// ------------------------------------------------------------------------------------ inline helpers

export const t = (value: string): RichText => [text(value)];
const strong = (...children: Inline[]): Inline => ({ type: 'strong', children });
const emph = (...children: Inline[]): Inline => ({ type: 'emph', children });
const link = (url: string, label: string): Inline => ({ type: 'link', url, children: [text(label)] });
const en: Inline = { type: 'dash', kind: 'en' };
const years = (from: string, to = ''): RichText =>
  to === '' ? [text(from), en] : [text(from), en, text(to)];
const none: RichText = [];

const section = (key: string, title: string | null): LayoutEntry => ({
  kind: 'section',
  key,
  title: title === null ? null : t(title),
});

function author(name: string, url?: string, owner = false, marks: RichText = none): Author {
  return { name: t(name), plain: name, url, isOwner: owner, marks };
}
const me = author('Elena Marsh', undefined, true);
const equal: RichText = [{ type: 'superscript', children: [text('*')] }];

function publication(
  fields: Partial<Publication> & Pick<Publication, 'key' | 'title' | 'label' | 'year'>,
): Publication {
  return {
    entryType: 'inproceedings',
    authors: [me],
    othersTruncated: false,
    venue: none,
    yearNumber: Number.parseInt(fields.year, 10),
    note: none,
    abstract: none,
    links: [],
    selected: false,
    bibtex: '',
    ...fields,
  };
}

function bib(key: string, title: string, venue: string, year: string): string {
  return `@inproceedings{${key},
  title     = {${title}},
  author    = {Elena Marsh and others},
  booktitle = {${venue}},
  year      = {${year}}
}`;
}

// ------------------------------------------------------------------------------------------ the sample

const publications: Publication[] = [
  publication({
    key: 'marsh2024flows',
    label: '5',
    year: '2024',
    title: t('Meta Flow Matching: Integrating Vector Fields on the Wasserstein Manifold'),
    url: 'https://arxiv.org/abs/2408.00001',
    authors: [
      author('Lena Park', 'https://lenapark.example.org', false, equal),
      me,
      author('Tomás Ruiz', 'https://ruiz.example.org'),
      author('Priya Natarajan'),
    ],
    venue: t('ICML'),
    abstract: [
      text(
        'Numerous biological and physical processes can be modeled as systems of interacting entities evolving ' +
          'continuously over time. We propose ',
      ),
      emph(text('Meta Flow Matching')),
      text(
        ', a practical approach to integrating along vector fields on the Wasserstein manifold of probability ' +
          'densities, and show it generalises to previously unseen initial populations.',
      ),
    ],
    links: [
      { label: 'code', url: 'https://github.com/example/meta-flow-matching' },
      { label: 'slides', url: 'https://elenamarsh.example.org/slides/2024.mfm.pdf' },
      { label: 'talk', url: 'https://video.example.org/watch?v=mfm&t=42' },
    ],
    selected: true,
    image: 'images/marsh2024flows.svg',
    citations: 128,
    bibtex: bib('marsh2024flows', 'Meta Flow Matching', 'ICML', '2024'),
  }),
  publication({
    key: 'marsh2024:amortized',
    label: '4',
    year: '2024',
    title: t('Tutorial on Amortized Optimization'),
    url: 'https://arxiv.org/abs/2202.00002',
    venue: [emph(text('Foundations and Trends in Machine Learning'))],
    note: t('Invited survey, 120 pages'),
    abstract: t(
      'Optimization is a ubiquitous modeling tool; this tutorial covers amortized methods that learn to solve it.',
    ),
    links: [{ label: 'code', url: 'https://github.com/example/amortized-tutorial' }],
    citations: 87,
    bibtex: bib('marsh2024:amortized', 'Tutorial on Amortized Optimization', 'FnT ML', '2024'),
  }),
  publication({
    key: 'chen2023control',
    label: '3',
    year: '2023',
    title: t('Differentiable Model-Predictive Control for Legged Robots'),
    url: 'https://arxiv.org/abs/2310.00003',
    authors: [
      author('Wei Chen', 'https://weichen.example.org'),
      author('Sofia Alvarez', 'https://alvarez.example.org'),
      me,
      author('Kwame Mensah', 'https://mensah.example.org'),
      author('Hanna Berg'),
    ],
    othersTruncated: true,
    venue: t('NeurIPS'),
    abstract: t(
      'We embed a differentiable MPC layer in a learned locomotion policy and train it end to end.',
    ),
    links: [
      { label: 'code', url: 'https://github.com/example/diff-mpc-legged' },
      { label: 'pdf', url: 'papers/chen2023control.pdf' },
    ],
    selected: true,
    bibtex: bib(
      'chen2023control',
      'Differentiable Model-Predictive Control for Legged Robots',
      'NeurIPS',
      '2023',
    ),
  }),
  publication({
    key: 'marsh2023convex',
    label: '2',
    year: '2023',
    title: t('Input-Convex Networks for Fast Certified Inference'),
    authors: [me, author('Jonas Weber', 'https://weber.example.org')],
    venue: t('AISTATS 2023'),
    citations: 14,
    bibtex: bib('marsh2023convex', 'Input-Convex Networks for Fast Certified Inference', 'AISTATS', '2023'),
  }),
  publication({
    key: 'marsh2019thesis',
    entryType: 'phdthesis',
    label: '1',
    year: '2019',
    title: t('Structured Prediction with Differentiable Optimization'),
    url: 'https://elenamarsh.example.org/thesis.pdf',
    venue: t('Ph.D. Thesis, Carnegie Mellon University'),
    abstract: t('This thesis studies optimization problems as layers inside machine learning models.'),
    bibtex: bib('marsh2019thesis', 'Structured Prediction with Differentiable Optimization', 'CMU', '2019'),
  }),
];

const byYear = (year: string) => publications.filter((p) => p.year === year);

const allPublications: PublicationsSection = {
  type: 'publications',
  key: 'all_publications',
  lists: [
    {
      heading: null,
      prefix: '',
      file: 'all.bib',
      groups: [
        { heading: '2024', publications: byYear('2024') },
        { heading: '2023', publications: byYear('2023') },
        { heading: '2019 and earlier', publications: byYear('2019') },
      ],
    },
  ],
  venueSummary: [
    { venue: 'ICML', count: 1 },
    { venue: 'NeurIPS', count: 1 },
    { venue: 'AISTATS', count: 1 },
  ],
  showCitations: true,
  total: 5,
};

const workshopPublications: PublicationsSection = {
  type: 'publications',
  key: 'workshop_publications',
  lists: [
    {
      heading: t('Workshop Papers'),
      prefix: 'W',
      file: 'workshops.bib',
      groups: [
        {
          heading: null,
          publications: [
            publication({
              key: 'marsh2022tokens',
              label: 'W1',
              year: '2022',
              title: t('Fixing Broken Tokens in Language Model Fine-Tuning'),
              authors: [me, author('Ravi Kumar', 'https://kumar.example.org')],
              venue: t('NeurIPS OPT Workshop'),
              links: [{ label: 'poster', url: 'posters/tokens.pdf' }],
              bibtex: bib('marsh2022tokens', 'Fixing Broken Tokens', 'NeurIPS OPT Workshop', '2022'),
            }),
          ],
        },
      ],
    },
    {
      heading: t('Preprints'),
      prefix: 'P',
      file: 'preprints.bib',
      groups: [
        {
          heading: null,
          publications: [
            publication({
              key: 'marsh2025agents',
              entryType: 'misc',
              label: 'P1',
              year: '2025',
              title: t('Coding Agents as Optimizers'),
              url: 'https://arxiv.org/abs/2507.00004',
              authors: [author('Oren Press', 'https://press.example.org'), me],
              venue: t('arXiv'),
              bibtex: bib('marsh2025agents', 'Coding Agents as Optimizers', 'arXiv', '2025'),
            }),
          ],
        },
      ],
    },
  ],
  venueSummary: [],
  showCitations: false,
  total: 2,
};

const sections: Section[] = [
  {
    type: 'about',
    key: 'about',
    html:
      '<p style="text-align: justify;">I am a research scientist studying <b>machine learning</b> and ' +
      '<b>optimization</b>, with a focus on control, optimal transport and structured prediction. I publish my ' +
      'research code on <a href="https://github.com/example" target="_blank" rel="noopener">GitHub</a>.</p>\n' +
      '<p>Before that I received my Ph.D. from <a href="https://www.cmu.edu/">Carnegie Mellon University</a> &amp; ' +
      'my B.S. from <a href="https://www.vt.edu/">Virginia Tech</a>.</p>',
    text: t('I am a research scientist studying machine learning and optimization.'),
  },
  {
    type: 'news',
    key: 'news',
    items: [
      {
        date: t('Jun 2025'),
        text: [
          text('Our paper on meta flow matching received a '),
          strong(text('spotlight')),
          text(' at ICML.'),
        ],
      },
      {
        date: t('Jan 2025'),
        text: [
          text('Started as a visiting lecturer at '),
          link('https://tech.example.edu', 'Example Tech'),
          text('.'),
        ],
      },
    ],
  },
  {
    type: 'education',
    key: 'education',
    items: [
      {
        degree: t('Ph.D. in Computer Science'),
        school: t('Carnegie Mellon University'),
        location: t('Pittsburgh, PA'),
        dates: years('2014', '2019'),
        gpa: none,
        majorGpa: none,
        details: [
          [
            text('Thesis: '),
            {
              type: 'link',
              url: 'https://github.com/example/thesis',
              children: [emph(text('Structured Prediction with Differentiable Optimization'))],
            },
          ],
          [text('Advisor: '), link('https://advisor.example.org', 'J. Zico Kolter')],
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
    items: [
      {
        title: t('Research Scientist'),
        place: t('Example AI Lab'),
        location: t('New York City'),
        dates: years('2019'),
        inlineDetail: none,
        details: [],
      },
      {
        title: t('Research Intern'),
        place: t('Intel Labs'),
        location: t('Santa Clara, CA'),
        dates: t('2018'),
        inlineDetail: [
          text('with '),
          link('https://host.example.org', 'Vladlen Koltun'),
          text(' on computer vision'),
        ],
        details: [t('Built a differentiable renderer for indoor scenes.')],
      },
    ],
  },
  {
    type: 'honors',
    key: 'honors',
    items: [
      {
        title: t('Outstanding Paper Award, ICML Workshop'),
        year: t('2024'),
        url: 'https://icml.example.org/awards',
        description: none,
      },
      { title: t('NSF Graduate Research Fellowship'), year: years('2016', '2019'), description: none },
      {
        title: t('Nine undergraduate scholarships'),
        year: years('2011', '2014'),
        description: [
          text('Roanoke County Public Schools Engineering, Salem'),
          en,
          text('Roanoke County Chamber of Commerce, VT Benjamin F.'),
          { type: 'nbsp' },
          text('Bock'),
        ],
      },
    ],
  },
  allPublications,
  workshopPublications,
  {
    type: 'repos',
    key: 'repos',
    items: [
      {
        url: 'https://github.com/example/mbrl-lib',
        name: 'example/mbrl-lib',
        description: t('Model-based reinforcement learning library'),
        stars: 377,
        year: t('2021'),
      },
      {
        url: 'https://github.com/example/higher',
        name: 'example/higher',
        description: t('PyTorch higher-order gradient and optimization library'),
        stars: 1187,
        year: t('2019'),
      },
      {
        url: 'https://github.com/example/openface',
        name: 'example/openface',
        description: t('Face recognition with deep neural networks'),
        stars: 13_987,
        homepage: 'https://openface.example.org',
        year: t('2015'),
      },
      {
        url: 'https://github.com/example/dotfiles',
        name: 'example/dotfiles',
        description: [text('♥ Linux, xmonad, emacs, vim, zsh, tmux')],
        year: t('2012'),
      },
    ],
  },
  {
    type: 'talks',
    key: 'talks',
    items: [
      {
        title: t('On transport, flows, and physics'),
        url: 'https://elenamarsh.example.org/talks/2025.transport.html',
        location: t('Workshop on the Physics of Learning, Princeton University'),
        locationUrl: 'https://pcts.example.edu/events/2025',
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
    items: [
      {
        name: t('Samuel Cohen'),
        url: 'https://cohen.example.org',
        details: t('visiting from UCL, now CEO at FairGen'),
        year: years('2021', '2022'),
      },
      { name: t('Ricky Chen'), details: t('visiting from Toronto'), year: t('2020') },
    ],
  },
  {
    type: 'teaching',
    key: 'teaching',
    items: [
      {
        semester: t('F2024'),
        name: t('Applied Machine Learning'),
        short: t('Example Tech CS5785'),
        position: t('Co-instructor'),
        url: 'https://course.example.edu',
      },
      { semester: t('S2017'), name: t('Graduate AI'), short: t('CMU 15-780'), position: t('TA') },
    ],
  },
  {
    type: 'service',
    key: 'service',
    groups: [
      {
        key: 'main',
        title: null,
        items: [
          {
            details: t('NeurIPS Learning Meets Combinatorial Optimization Workshop Organizer'),
            subDetails: none,
            year: t('2020'),
            url: 'https://lmca.example.org',
          },
          {
            details: t('CMU CSD MS Admissions'),
            subDetails: t('Graduate admissions committee'),
            year: years('2014', '2015'),
          },
        ],
      },
      {
        key: 'area_chair',
        title: t('Area chair'),
        items: [
          { details: t('International Conference on Machine Learning (ICML)'), subDetails: none, year: none },
          { details: t('Neural Information Processing Systems (NeurIPS)'), subDetails: none, year: none },
        ],
      },
    ],
  },
  {
    type: 'research',
    key: 'research',
    items: [
      {
        title: t('Research Assistant'),
        place: t('Virginia Tech'),
        dates: years('2013', '2014'),
        advisor: t('Layne Watson'),
        area: t('Scientific computing and stochastic optimization'),
        details: [
          [
            text('Quasi-Newton methods for '),
            strong(text('parameter estimation')),
            text(' in Fortran 95 and OpenMP.'),
          ],
        ],
      },
    ],
  },
  {
    type: 'coursework',
    key: 'coursework',
    groups: [
      {
        title: t('Graduate'),
        courses: [
          t('Convex Optimization'),
          t('Probabilistic Graphical Models'),
          t('Deep Reinforcement Learning'),
        ],
      },
      { title: t('Undergraduate'), courses: [t('Numerical Analysis'), t('Operating Systems')] },
    ],
  },
  {
    type: 'skills',
    key: 'skills',
    items: [
      { title: t('Programming'), details: t('C, C++, Fortran, Haskell, Java, Python, Scala') },
      { title: t('Frameworks'), details: t('JAX, NumPy, PyTorch, SciPy, TensorFlow') },
    ],
  },
  {
    type: 'items',
    key: 'activities',
    items: [
      { text: t('Pittsburgh Marathon finisher'), fields: [] },
      {
        text: none,
        fields: [
          { key: 'role', value: t('Trumpet section leader') },
          { key: 'years', value: years('2010', '2011') },
        ],
      },
    ],
  },
  {
    type: 'generic',
    key: 'projects',
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

export function sampleCv(): Cv {
  return {
    person: {
      name: 'Elena Marsh',
      firstName: 'Elena',
      lastName: 'Marsh',
      email: 'elena.marsh@example.org',
      url: 'elenamarsh.example.org',
      pdfUrl: 'cv.pdf',
      sourceUrl: 'https://github.com/example/cv',
      social: {
        github: 'example',
        google_scholar: 'AbCdEfGhIjKL',
        twitter: '@elenamarsh',
        linkedin: 'elena-marsh',
        orcid: '0000-0002-1825-0097',
      },
    },
    print: printOptions({ color: 'black' }),
    layouts: {
      web: [
        section('about', null),
        section('news', 'News'),
        section('all_publications', 'Publications'),
        section('workshop_publications', 'Other Publications'),
        section('repos', 'Open Source Repositories'),
        section('education', 'Education'),
        section('positions', 'Positions'),
        section('honors', 'Honors & Awards'),
        section('talks', 'Invited Talks'),
        section('advising', 'Interns and Students'),
        section('teaching', 'Teaching'),
        { kind: 'newpage' },
        section('service', 'Professional Activities'),
        section('research', 'Research Experience'),
        section('coursework', 'Coursework'),
        section('skills', 'Skills'),
        section('activities', 'Activities'),
        section('projects', 'Projects'),
      ],
      print: [section('education', 'Education'), section('all_publications', 'Publications')],
    },
    sections: new Map(sections.map((s) => [s.key, s])),
    baseDir: '/home/elena/cv',
    citations: { totalCitations: 4210, hIndex: 21, source: 'OpenAlex' },
  };
}

export const sampleOptions: RenderOptions = {
  now: new Date('2025-11-25T12:00:00Z'),
  outDir: '/tmp/vita-out',
  pdfEngine: 'typst',
  htmlFileName: 'index.html',
};

/** A small image for the sample's `images/marsh2024flows.svg`, written beside the page by the browser test. */
export const SAMPLE_IMAGE_PATH = 'images/marsh2024flows.svg';
export const SAMPLE_IMAGE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 100" width="160" height="100">' +
  '<rect width="160" height="100" fill="#eef3fb"/>' +
  '<path d="M10 80 C 50 10, 90 10, 150 70" fill="none" stroke="#1f4e8c" stroke-width="4"/>' +
  '<path d="M10 60 C 60 90, 100 30, 150 40" fill="none" stroke="#d6b83b" stroke-width="4"/>' +
  '<circle cx="10" cy="80" r="5" fill="#1f4e8c"/><circle cx="150" cy="70" r="5" fill="#1f4e8c"/></svg>\n';

// -------------------------------------------------------------------------------------- hostile input

export const SCRIPT = '<script>alert(1)</script>';
export const ATTRIBUTE_BREAK = '" onmouseover="alert(1)';
export const JS_URL = 'javascript:alert(1)';
export const IMG_ONERROR = '<img src=x onerror=alert(1)>';

/** The sample with injection attempts in names, URLs, keys, raw HTML, BibTeX and JSON-LD fields. */
export function hostileCv(): Cv {
  const cv = sampleCv();
  const hostilePublication = publication({
    key: `evil${ATTRIBUTE_BREAK}`,
    label: `6${SCRIPT}`,
    year: '2025',
    title: [text(`Title ${SCRIPT}`), link(JS_URL, 'click me'), link('JaVaScRiPt:alert(1)', 'and me')],
    url: JS_URL,
    authors: [
      author(`Mallory ${IMG_ONERROR}`, JS_URL),
      author(`Trent ${ATTRIBUTE_BREAK}`, `https://x.example.org/${ATTRIBUTE_BREAK}`),
    ],
    venue: t(`</script><script>alert(1)</script>`),
    abstract: t(`Abstract ${IMG_ONERROR} ${SCRIPT}`),
    links: [
      { label: `code${ATTRIBUTE_BREAK}`, url: JS_URL },
      { label: 'data', url: 'data:text/html,<script>alert(1)</script>' },
      { label: 'vbs', url: 'vbscript:msgbox(1)' },
      { label: 'tab', url: 'java\tscript:alert(1)' },
    ],
    selected: true,
    bibtex: `@misc{evil, title={</pre>${SCRIPT}${IMG_ONERROR}}}`,
    doi: `10.1/${SCRIPT}`,
  });
  const sections = new Map(cv.sections);
  sections.set('about', {
    type: 'about',
    key: 'about',
    html:
      `<p>Hello ${IMG_ONERROR} ${SCRIPT}` +
      '<a href="javascript:alert(1)">a</a> <a href="jav&#x09;ascript:alert(1)">b</a> ' +
      '<a href="&#106;avascript:alert(1)">c</a> <a href="javascript&colon;alert(1)">d</a> ' +
      '<a href="java&NewLine;script:alert(1)">e</a> <a href="https://ok.example.org" onclick="alert(1)">ok</a>' +
      '<iframe src="javascript:alert(1)"></iframe><style>body { display: none }</style>' +
      '<svg><script>alert(1)</script></svg><math><mtext><img src=x onerror=alert(1)></mtext></math>' +
      '<span title="x&quot; onmouseover=&quot;alert(1)">t</span><div onmouseover="alert(1)">div</div>' +
      '<!-- <script>alert(1)</script> --><p>unclosed <b>bold <a href="https://ok.example.org">',
    text: t('hostile'),
  });
  sections.set('all_publications', {
    type: 'publications',
    key: 'all_publications',
    lists: [
      {
        heading: t(SCRIPT),
        prefix: '',
        file: `all.bib${ATTRIBUTE_BREAK}`,
        groups: [{ heading: SCRIPT, publications: [hostilePublication] }],
      },
    ],
    venueSummary: [{ venue: SCRIPT, count: 1 }],
    showCitations: true,
    total: 1,
  });
  sections.set('repos', {
    type: 'repos',
    key: 'repos',
    items: [
      {
        url: JS_URL,
        name: `<b>${SCRIPT}</b>`,
        description: t(IMG_ONERROR),
        stars: 5,
        homepage: 'data:text/html,x',
        year: t(SCRIPT),
      },
    ],
  });
  sections.set('talks', {
    type: 'talks',
    key: 'talks',
    items: [
      {
        title: [link(JS_URL, 'talk')],
        url: JS_URL,
        location: t(ATTRIBUTE_BREAK),
        locationUrl: ` ${JS_URL}`,
        year: t('2020'),
      },
    ],
  });
  sections.set(`x${ATTRIBUTE_BREAK}`, {
    type: 'items',
    key: `x${ATTRIBUTE_BREAK}`,
    items: [
      { text: [{ type: 'html', value: IMG_ONERROR }], fields: [{ key: IMG_ONERROR, value: t(SCRIPT) }] },
    ],
  });
  return {
    ...cv,
    person: {
      ...cv.person,
      name: `Eve ${SCRIPT}</title>`,
      firstName: `Eve${ATTRIBUTE_BREAK}`,
      email: `eve@example.org${ATTRIBUTE_BREAK}`,
      url: JS_URL,
      pdfUrl: JS_URL,
      sourceUrl: JS_URL,
      social: {
        github: `"><img src=x onerror=alert(1)>`,
        google_scholar: ATTRIBUTE_BREAK,
        evil: JS_URL,
        mastodon: 'https://mastodon.example/@eve',
      },
    },
    layouts: {
      web: [
        { kind: 'section', key: 'about', title: null },
        { kind: 'section', key: 'all_publications', title: t(SCRIPT) },
        { kind: 'section', key: 'repos', title: [link(JS_URL, 'Repos')] },
        { kind: 'section', key: 'talks', title: t(ATTRIBUTE_BREAK) },
        { kind: 'section', key: `x${ATTRIBUTE_BREAK}`, title: t(IMG_ONERROR) },
        { kind: 'section', key: 'missing', title: t('Missing') },
      ],
      print: cv.layouts.print,
    },
    sections,
  };
}

export const hostileOptions: RenderOptions = { ...sampleOptions, baseUrl: JS_URL };
