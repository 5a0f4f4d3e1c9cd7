/**
 * The resolved, format-neutral CV model. Every renderer reads only this: sections are ordered per layout,
 * inline markup is parsed into `RichText`, publications are formatted, numbered and grouped.
 */
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { Inline } from '../inline/ast.js';

/** Inline markup parsed from a LaTeX-subset string. An empty array means "absent". */
export type RichText = readonly Inline[];

export interface Cv {
  readonly person: Person;
  readonly print: PrintOptions;
  /** Section order for web targets (`order_md`, else `order`) and print targets (`order_latex`, else `order`). */
  readonly layouts: { readonly web: readonly LayoutEntry[]; readonly print: readonly LayoutEntry[] };
  /** Every section referenced by a layout, by its YAML key. */
  readonly sections: ReadonlyMap<string, Section>;
  /** The folder of the first YAML file: relative paths in the data resolve against it. */
  readonly baseDir: string;
  /** Per-paper and per-author citation statistics, when enrichment found any. */
  readonly citations?: CitationStats | undefined;
  /** The CV's language, a canonical BCP 47 tag (`de`, `pt-BR`) vita has labels for; absent: English. */
  readonly locale?: string | undefined;
}

export interface Person {
  /** Full name as plain text, e.g. "Brandon Amos". */
  readonly name: string;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  /** Where the person is (`location:`/`address:` of a `personal:`/`contact:`/`about:` mapping), as plain text. */
  readonly location?: string | undefined;
  /** Home page, as written (`bamos.github.io` or `https://...`). */
  readonly url?: string | undefined;
  /** Link to the PDF of the CV (`pdf:` in the YAML). */
  readonly pdfUrl?: string | undefined;
  /** Link to the CV's source repository (`src:`); used for the "source of this .bib" link. */
  readonly sourceUrl?: string | undefined;
  /** Known networks: github, twitter, linkedin, google_scholar, orcid, openalex, semantic_scholar, ... */
  readonly social: Readonly<Record<string, string>>;
}

/** Red, green and blue in 0..1. */
export type Rgb = readonly [number, number, number];

/** The PDF themes that ship with vita (`themes/<name>.typ`). */
export const BUILTIN_THEMES = ['default', 'compact', 'classic', 'modern', 'sidebar', 'plain'] as const;
export type BuiltinThemeName = (typeof BUILTIN_THEMES)[number];

/** The PDF theme: a built-in one, or the user's own `.typ` file (checked to exist while resolving). */
export type ThemeRef =
  | { readonly kind: 'builtin'; readonly name: BuiltinThemeName }
  | {
      readonly kind: 'file';
      /** The path as written in cv.yaml. */
      readonly name: string;
      /** Absolute path of the file. */
      readonly file: string;
      /** Where `theme:` is in the YAML (for warnings about the theme's folder). */
      readonly position?: SourcePosition | undefined;
    };

export interface PrintOptions {
  /** moderncv style name from the original (`banking`, `classic`, ...). */
  readonly style: string;
  /** `color:` (default: moderncv's blue), read from a name, `r,g,b` in 0..1 or `#rrggbb`. */
  readonly color: Rgb;
  /** `color2:`; absent: each target's own secondary grey. */
  readonly color2?: Rgb | undefined;
  /** `linkcolor:`; absent: links take `color`. */
  readonly linkColor?: Rgb | undefined;
  readonly paper: 'letter' | 'a4';
  readonly theme: ThemeRef;
  /** `fonts:`: absolute paths of the font folders the PDF may use besides vita's own fonts. */
  readonly fontFolders?: readonly string[] | undefined;
  /** `design:`: what the YAML sets of the theme's look; each theme has its own default for the rest. */
  readonly design?: DesignOptions | undefined;
}

/** The fonts a design may name: the bundled Source Sans 3 and the fonts built into the Typst compiler. */
export const DESIGN_FONTS = [
  'Source Sans 3',
  'Libertinus Serif',
  'New Computer Modern',
  'DejaVu Sans Mono',
] as const;
export type DesignFont = (typeof DESIGN_FONTS)[number];

/** The PDF standards the compiler can write (Typst 0.14), as `design: pdf_standard:` names them. */
export const PDF_STANDARDS = ['1.7', '2.0', 'a-1b', 'a-2b', 'a-2u', 'a-3b', 'a-3u', 'a-4', 'ua-1'] as const;
export type PdfStandard = (typeof PDF_STANDARDS)[number];

/** The space between entries: a factor on each theme's own spacing. */
export const DENSITIES = { compact: 0.7, normal: 1, airy: 1.35 } as const;
export type Density = keyof typeof DENSITIES;

export interface DesignOptions {
  readonly font?: DesignFont | undefined;
  /** Body text size, in points. */
  readonly fontSize?: number | undefined;
  /** Page margins, in points. */
  readonly marginPt?: number | undefined;
  readonly density?: Density | undefined;
  /** Where dates go: a left column or the right edge. */
  readonly datePosition?: 'left' | 'right' | undefined;
  /** Keep each year of a publications list on one page. */
  readonly keepYearsTogether?: boolean | undefined;
  /** The background of selected publications. */
  readonly highlight?: Rgb | undefined;
  readonly pdfStandard?: PdfStandard | undefined;
}

export type LayoutEntry =
  | {
      readonly kind: 'section';
      readonly key: string /** null for `NONE`: no heading. */;
      readonly title: RichText | null;
    }
  | { readonly kind: 'newpage' };

export type SectionType = Section['type'];

interface SectionBase {
  readonly key: string;
  readonly position?: SourcePosition | undefined;
}

export type Section =
  | AboutSection
  | NewsSection
  | EducationSection
  | PositionsSection
  | HonorsSection
  | ResearchSection
  | SkillsSection
  | ServiceSection
  | TeachingSection
  | CourseworkSection
  | TalksSection
  | AdvisingSection
  | ReposSection
  | PublicationsSection
  | ItemsSection
  | GenericSection;

/** Free-form HTML/LaTeX-subset text (`about:`). `html` is the raw string; `text` its inline parse. */
export interface AboutSection extends SectionBase {
  readonly type: 'about';
  readonly html: string;
  readonly text: RichText;
}

export interface NewsSection extends SectionBase {
  readonly type: 'news';
  readonly items: readonly { readonly date: RichText; readonly text: RichText }[];
}

export interface EducationItem {
  readonly degree: RichText;
  readonly school: RichText;
  readonly location: RichText;
  readonly dates: RichText;
  /** `overallGPA` */
  readonly gpa: RichText;
  readonly majorGpa: RichText;
  readonly details: readonly RichText[];
}
export interface EducationSection extends SectionBase {
  readonly type: 'education';
  readonly items: readonly EducationItem[];
}

export interface PositionItem {
  readonly title: RichText;
  readonly place: RichText;
  readonly location: RichText;
  readonly dates: RichText;
  readonly inlineDetail: RichText;
  readonly details: readonly RichText[];
}
/** `positions`, `current_position`, `industry`, internships... */
export interface PositionsSection extends SectionBase {
  readonly type: 'positions';
  readonly items: readonly PositionItem[];
}

export interface HonorItem {
  readonly title: RichText;
  readonly year: RichText;
  readonly url?: string | undefined;
  readonly description: RichText;
}
export interface HonorsSection extends SectionBase {
  readonly type: 'honors';
  readonly items: readonly HonorItem[];
}

export interface ResearchItem {
  readonly title: RichText;
  readonly place: RichText;
  readonly dates: RichText;
  readonly advisor: RichText;
  readonly area: RichText;
  readonly details: readonly RichText[];
}
export interface ResearchSection extends SectionBase {
  readonly type: 'research';
  readonly items: readonly ResearchItem[];
}

export interface SkillsSection extends SectionBase {
  readonly type: 'skills';
  readonly items: readonly { readonly title: RichText; readonly details: RichText }[];
}

export interface ServiceItem {
  readonly details: RichText;
  readonly subDetails: RichText;
  readonly year: RichText;
  readonly url?: string | undefined;
}
/** A service section is either one list or named groups (`main:`, `reviewer:`, ...). */
export interface ServiceGroup {
  /** The YAML key of the group (`main`, `area_chair`), or null for a plain list. */
  readonly key: string | null;
  /** Heading shown for the group: `title:` or the key made readable ("Area chair"); null for `main`/plain. */
  readonly title: RichText | null;
  readonly items: readonly ServiceItem[];
}
export interface ServiceSection extends SectionBase {
  readonly type: 'service';
  readonly groups: readonly ServiceGroup[];
}

export interface TeachingItem {
  readonly semester: RichText;
  readonly name: RichText;
  readonly short: RichText;
  readonly position: RichText;
  readonly url?: string | undefined;
}
export interface TeachingSection extends SectionBase {
  readonly type: 'teaching';
  readonly items: readonly TeachingItem[];
}

export interface CourseworkSection extends SectionBase {
  readonly type: 'coursework';
  readonly groups: readonly { readonly title: RichText; readonly courses: readonly RichText[] }[];
}

export interface TalkItem {
  readonly title: RichText;
  readonly url?: string | undefined;
  readonly location: RichText;
  readonly locationUrl?: string | undefined;
  readonly year: RichText;
}
export interface TalksSection extends SectionBase {
  readonly type: 'talks';
  readonly items: readonly TalkItem[];
}

export interface AdviseeItem {
  readonly name: RichText;
  readonly url?: string | undefined;
  readonly details: RichText;
  readonly year: RichText;
}
export interface AdvisingSection extends SectionBase {
  readonly type: 'advising';
  readonly items: readonly AdviseeItem[];
}

export interface RepoItem {
  readonly url: string;
  /** `owner/name` (or `name:` from the YAML). */
  readonly name: string;
  readonly description: RichText;
  /** Star count when known (YAML `stars:` or enrichment); undefined renders no count. */
  readonly stars?: number | undefined;
  readonly homepage?: string | undefined;
  readonly year: RichText;
  readonly position?: SourcePosition | undefined;
}
export interface ReposSection extends SectionBase {
  readonly type: 'repos';
  readonly items: readonly RepoItem[];
}

/** Any other section: a list of strings, or of maps shown field by field. */
export interface GenericItem {
  readonly text: RichText;
  readonly fields: readonly { readonly key: string; readonly value: RichText }[];
}
export interface ItemsSection extends SectionBase {
  readonly type: 'items';
  readonly items: readonly GenericItem[];
}

/**
 * A section of a shape no section type knows (an unknown key, or a known key whose value no resolver
 * accepts), laid out from the YAML's own shape: groups of rows, each row a title, a date and details.
 */
export interface GenericSection extends SectionBase {
  readonly type: 'generic';
  readonly groups: readonly GenericGroup[];
}

/** A run of rows; `label` is the key of a nested mapping (null for the section's own list). */
export interface GenericGroup {
  readonly label: RichText | null;
  readonly rows: readonly GenericRow[];
}

/**
 * One entry: a scalar becomes a row with a title only; a mapping puts its title-like fields (title, name,
 * position, degree, ...) in `title`, its date-like fields (year, date, dates, start, end, ...) in `date` and
 * the rest in `details`, in YAML order.
 */
export interface GenericRow {
  readonly title: RichText;
  /** `url`/`link`/`href`/`website` of the entry, when it has a title to link. */
  readonly url?: string | undefined;
  readonly date: RichText;
  readonly details: readonly GenericDetail[];
}

/** A detail line: `label` is the readable key ("Location", "Advisor › name"), null for plain lines. */
export interface GenericDetail {
  readonly label: string | null;
  readonly text: RichText;
}

// ---------------------------------------------------------------- publications

export interface Author {
  /** The name as shown, e.g. "Brandon Amos" (first names first). */
  readonly name: RichText;
  readonly plain: string;
  readonly url?: string | undefined;
  /** The CV's owner: rendered bold. */
  readonly isOwner: boolean;
  /** Marks after the name (`$^*$` equal contribution), rendered as superscripts. */
  readonly marks: RichText;
}

export interface PublicationLink {
  /**
   * What the link is, in the CV's language: `arxiv`, `code`, `slides`, `talk`, `pdf`, `video`, `poster`,
   * `html`, `supp`, `blog`, then `doi` (the order they are shown in).
   */
  readonly label: string;
  readonly url: string;
}

export interface Publication {
  readonly key: string;
  readonly entryType: string;
  readonly title: RichText;
  /** `url` or `link`: the title links here. */
  readonly url?: string | undefined;
  readonly authors: readonly Author[];
  /** Has "and others" in the author list. */
  readonly othersTruncated: boolean;
  readonly venue: RichText;
  readonly year: string;
  readonly yearNumber: number | undefined;
  readonly note: RichText;
  readonly abstract: RichText;
  /** Each URL checked (only http(s), mailto and relative ones); no arxiv link when the title links to that arXiv page. */
  readonly links: readonly PublicationLink[];
  /** The entry's `award` field (`Best Paper Award`, `Oral`): a badge beside the venue; absent when none. */
  readonly award?: RichText | undefined;
  readonly selected: boolean;
  /** The entry's `tags` field (`tags = {short, industry}`): the variants that select by tag keep it. */
  readonly tags?: readonly string[] | undefined;
  /** Path of the entry's image relative to the output (when `include_image` and the file exists). */
  readonly image?: string | undefined;
  /** Number shown as `[N]` (with the category prefix: `C3`). */
  readonly label: string;
  readonly doi?: string | undefined;
  readonly arxivId?: string | undefined;
  /** The entry's BibTeX source text, for "copy BibTeX". */
  readonly bibtex: string;
  readonly citations?: number | undefined;
  readonly position?: SourcePosition | undefined;
  /**
   * Id-safe form of the key (`[A-Za-z0-9_-]`, plus the list's prefix), unique in the section: for element
   * ids such as `tr-<anchor>` and `abs_<anchor>`. Equal to the key for ordinary keys.
   */
  readonly anchor?: string | undefined;
}

export interface PublicationGroup {
  /** "2021", "2015 and earlier", or null when not grouped by year. */
  readonly heading: string | null;
  readonly publications: readonly Publication[];
}

export interface PublicationList {
  /** Category heading ("Conference Papers"), or null for a single `file:` list. */
  readonly heading: RichText | null;
  readonly prefix: string;
  /** The .bib file as named in the YAML (`all.bib`); the first one when `file:` lists several. */
  readonly file: string;
  /** Every .bib file of the list, as named in the YAML. */
  readonly files?: readonly string[] | undefined;
  /**
   * Where each file was found, relative to the YAML's folder with `/` (`publications/all.bib`): the path
   * for a "source of this .bib" link (`<src>/blob/master/<path>`).
   */
  readonly sourcePaths?: readonly string[] | undefined;
  readonly groups: readonly PublicationGroup[];
}

export interface VenueCount {
  readonly venue: string;
  readonly count: number;
}

export interface PublicationsSection extends SectionBase {
  readonly type: 'publications';
  readonly lists: readonly PublicationList[];
  /** "ICML (15 papers), NeurIPS (12 papers), and ..." data; empty when disabled. */
  readonly venueSummary: readonly VenueCount[];
  readonly showCitations: boolean;
  readonly total: number;
  /** `title:` of the section config (used when the layout gives no title). */
  readonly title?: RichText | undefined;
  /** `legend:`: text under the heading. */
  readonly legend?: RichText | undefined;
  /** `show_bib_link:` (default true): link the heading to the .bib source. */
  readonly showBibLink?: boolean | undefined;
  /** `bib_url:`: the .bib source link, instead of `<src>/blob/master/<path>`. */
  readonly bibUrl?: string | undefined;
}

export interface CitationStats {
  readonly totalCitations?: number | undefined;
  readonly hIndex?: number | undefined;
  readonly source: string;
}
