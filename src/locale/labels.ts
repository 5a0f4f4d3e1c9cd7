/**
 * The words vita itself prints, for one language. Placeholders in braces (`{date}`, `{n}`) are filled in
 * by `fill`; counted words give a form per plural category (`Intl.PluralRules`: `one`, `few`, `many`,
 * `other`), `other` being required. Adding a language: docs/formats.md, "Languages".
 */
export interface Plural {
  readonly zero?: string | undefined;
  readonly one?: string | undefined;
  readonly two?: string | undefined;
  readonly few?: string | undefined;
  readonly many?: string | undefined;
  readonly other: string;
}

/**
 * The links a publication can have (BibTeX `arxiv`, `codeurl`, `slidesurl`, ..., `html`, `supp`, `blog`), by
 * their English label. (`doi` is the identifier's name in every language.)
 */
export const LINK_LABELS = [
  'arxiv',
  'code',
  'slides',
  'talk',
  'pdf',
  'video',
  'poster',
  'html',
  'supp',
  'blog',
] as const;
export type LinkLabel = (typeof LINK_LABELS)[number];

/** The words of the links in a table: keyed as the labels, but `code` is `sourceCode` there. */
export type LinkWords = Readonly<Record<Exclude<LinkLabel, 'code'> | 'sourceCode', string>>;

/** The word of a publication link in the language of `labels`. */
export function linkWord(labels: Labels, label: LinkLabel): string {
  return label === 'code' ? labels.links.sourceCode : labels.links[label];
}

/** The words of the page's publications filter. */
export interface FilterWords {
  /** The name of the filter (a group of menus) for screen readers. */
  readonly name: string;
  readonly year: string;
  readonly type: string;
  readonly allYears: string;
  readonly allTypes: string;
  /** The year menu's entry for papers without a year. */
  readonly undated: string;
  readonly selectedOnly: string;
  readonly clear: string;
  /** The count when every paper is shown: `{n}` papers. */
  readonly count: Plural;
  /** The count when the filter hides some: `{shown}` of `{n}` papers (the form chosen by `{n}`). */
  readonly shown: Plural;
}

/** The words of the page's search box, which every section of the page obeys. */
export interface PageSearchWords {
  /** The box's label, and the name of its search landmark. */
  readonly label: string;
  /** The box's hint: what it looks at. */
  readonly placeholder: string;
  /** The button that empties the box. */
  readonly clear: string;
  /** The count while something is hidden: `{shown}` of `{n}` entries of the page (the form chosen by `{n}`). */
  readonly shown: Plural;
  /** After the count: in how many sections, `{n}`, the shown entries are. */
  readonly sections: Plural;
  /** When nothing on the page matches: `{query}` is the text typed. */
  readonly none: string;
}

/** The kinds of paper the type filter offers. */
export interface PublicationTypeWords {
  readonly article: string;
  readonly conferencePaper: string;
  readonly chapter: string;
  readonly book: string;
  readonly thesis: string;
  readonly report: string;
  readonly other: string;
}

export interface Labels {
  /** The footer line: `{date}` is the build date in the locale's long form. */
  readonly lastUpdated: string;
  /** Ends a sentence vita writes (after "last updated" on the page). */
  readonly fullStop: string;
  /** The PDF footer: `{page}` and `{total}`. */
  readonly page: string;
  /** An open end of a period (`2019 - present`). */
  readonly present: string;
  /** The year group of publications without a year. */
  readonly undated: string;
  /** The year group that gathers the older years: `{year}`. */
  readonly andEarlier: string;
  /** A list cut short: `{n}` more entries not shown. */
  readonly andMore: string;
  /** The end of a truncated author list. */
  readonly etAl: string;
  /** Read out by screen readers before a selected publication. */
  readonly selectedPublication: string;
  /** The note above a publication list with selected papers: text, then the highlighted word(s). */
  readonly selectedHighlighted: readonly [string, string];
  /** `{n}` citations of one paper. */
  readonly citations: Plural;
  /** A paper's citations on the page (`cited by {n}`). */
  readonly citedBy: string;
  /** The label of the venue summary in print and Markdown. */
  readonly venues: string;
  /** The total citations label (`Citations: 4210`). */
  readonly citationsTotal: string;
  readonly hIndex: string;
  /** `{n}` papers at one venue (the venue summary). */
  readonly papers: Plural;
  readonly advisor: string;
  readonly area: string;
  readonly majorGpa: string;
  /** A degree's grades on the page, in parentheses after it: `{gpa}` overall, and in the major. */
  readonly gpaValue: string;
  readonly majorGpaValue: string;
  readonly email: string;
  readonly homePage: string;
  readonly skipToContent: string;
  /** The name of the page's table of contents (for screen readers). */
  readonly sectionsNav: string;
  readonly githubStars: string;
  /** After the name in the page's title. */
  readonly curriculumVitae: string;
  readonly builtWith: string;
  /** A paper's award (`award` in the .bib), named where the PDF shows its icon (the icon's alternative text). */
  readonly award: string;
  /** The publication's buttons on the page: show the abstract, show the BibTeX entry, copy it. */
  readonly abstract: string;
  readonly bib: string;
  readonly copy: string;
  /** Copy the publication as a formatted reference. */
  readonly copyCitation: string;
  /** Folds a long author list back after "and {n} more" opened it. */
  readonly showFewer: string;
  /** The link back to the top of the page. */
  readonly backToTop: string;
  /** The link to the .bib file of a publications section. */
  readonly bibSource: string;
  /** The venue summary on the page: `{n}` publications, `{venues}` the joined list. */
  readonly publicationsIncluding: string;
  /** A repository's home page. */
  readonly website: string;
  readonly links: LinkWords;
  /** The search box of the page (shown by its script). */
  readonly search: PageSearchWords;
  /** The publications filter of the page (shown by its script): the menus that narrow the publications. */
  readonly filter: FilterWords;
  /** The kind of a paper in the page's type filter (BibTeX types grouped), when its list has no heading. */
  readonly publicationTypes: PublicationTypeWords;
  /** The name of the page's links to the year headings of a publication list (for screen readers). */
  readonly publicationYears: string;
  /** The page's legend: what the highlight means, and the default meanings of the `*` and `†` marks. */
  readonly legendSelected: string;
  readonly equalContribution: string;
  readonly equalAdvising: string;
  /** After "abstract" / "BibTeX" on a paper's button, for screen readers only: `{title}` is the paper's. */
  readonly ofPaper: string;
  /** The copy buttons' names for screen readers: `{title}` is the paper's. */
  readonly copyBibtexOf: string;
  readonly copyCitationOf: string;
  /** What a copy button says for two seconds after a click (written by the page's script). */
  readonly copied: string;
  readonly copyFailed: string;
  /**
   * Default headings of sections the order names without a title, by YAML key. A key not listed keeps
   * its readable form (`open_source` -> "Open source").
   */
  readonly sections: Readonly<Record<string, string>>;
}

/** `template` with each `{name}` replaced by `values[name]` (unknown names stay as written). */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  const pieces = templatePieces(template);
  let out = pieces[0] as string;
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i] as string;
    out += (Object.hasOwn(values, name) ? String(values[name]) : `{${name}}`) + (pieces[i + 1] as string);
  }
  return out;
}

/**
 * A template split at its `{name}` placeholders: text, name, text, ..., text. Kept per template: a page
 * fills the same few labels once per paper.
 */
function templatePieces(template: string): readonly string[] {
  let pieces = TEMPLATE_PIECES.get(template);
  if (pieces === undefined) {
    pieces = template.split(/\{(\w+)\}/);
    // Labels are few; a long watch session whose labels keep changing must not grow this without end.
    if (TEMPLATE_PIECES.size >= 512) TEMPLATE_PIECES.clear();
    TEMPLATE_PIECES.set(template, pieces);
  }
  return pieces;
}
const TEMPLATE_PIECES = new Map<string, readonly string[]>();
