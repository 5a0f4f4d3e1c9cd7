/**
 * Cv -> the JSON data a Typst theme renders (`cv-data.json`). The shape is the theme contract documented in
 * docs/themes.md; bump `DATA_VERSION` on an incompatible change. Every optional value is present as `null`,
 * rich text is an array of nodes (empty when absent), and every URL has passed `safeUrl`.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { type Locale, lastUpdatedText, listSeparators, localeOf, plural } from '../../locale/locale.js';
import {
  type Author,
  type Cv,
  DENSITIES,
  type DesignOptions,
  type GenericItem,
  type Person,
  type Publication,
  type RichText,
  type Section,
  type SectionType,
} from '../../model/cv.js';
import { formatLongDate } from '../../util/dates.js';
import { absoluteWebUrl, safeUrl } from '../../util/safe-url.js';
import { isWebUrl, profileUrl, socialId, socialNetwork, withoutScheme } from '../shared/social.js';
import { formatStarCount } from '../shared/stars.js';
import { hexColor } from './color.js';
import { compactPlainText } from './compact-text.js';
import { inlineToTypst, type TypstNode } from './inline.js';
import { dropLongUrls } from './long-urls.js';

export const DATA_VERSION = 1;

type Nodes = readonly TypstNode[];

export interface TypstContact {
  /** `email`, `homepage`, `github`, `google_scholar`, `orcid`, `linkedin`, `twitter`, ..., or the social key. */
  readonly kind: string;
  /** Human name of the network ("GitHub"), or the key as written. */
  readonly label: string;
  /** The value as written (user name, id, address). */
  readonly handle: string;
  /** Text to show where there is no icon ("github.com/bamos"). */
  readonly text: string;
  readonly url: string | null;
}

export interface TypstAuthor {
  readonly name: Nodes;
  readonly url: string | null;
  readonly isOwner: boolean;
  readonly marks: Nodes;
}

export interface TypstPublication {
  readonly key: string;
  readonly entryType: string;
  readonly label: string;
  readonly title: Nodes;
  readonly url: string | null;
  readonly authors: readonly TypstAuthor[];
  readonly othersTruncated: boolean;
  readonly venue: Nodes;
  readonly year: string;
  readonly note: Nodes;
  readonly abstract: Nodes;
  /** `arxiv`, `code`, ..., `html`, `supp`, `blog`, `doi` (words in the CV's language), each URL checked. */
  readonly links: readonly { readonly label: string; readonly url: string }[];
  /** The entry's `award` (`Best Paper Award`): a badge beside the venue; null without one. */
  readonly award: Nodes | null;
  readonly selected: boolean;
  readonly doi: string | null;
  readonly arxivId: string | null;
  readonly citations: number | null;
  /** `citations` in the CV's language (`12 citations`, `12 Zitationen`), null without a count. */
  readonly citationsText: string | null;
}

type SectionData = { readonly type: SectionType } & Readonly<Record<string, unknown>>;

export type TypstBlock =
  | {
      readonly kind: 'section';
      readonly key: string;
      readonly title: Nodes | null;
      readonly section: SectionData;
    }
  | { readonly kind: 'newpage' };

export interface TypstData {
  readonly version: number;
  readonly meta: {
    readonly title: string;
    readonly author: string;
    /** The render date (`RenderOptions.now`, UTC). */
    readonly date: { readonly year: number; readonly month: number; readonly day: number };
    /** "March 01, 2024" (the shared `formatLongDate`, as the other targets print it) */
    readonly updated: string;
    /** The CV's language: its BCP 47 tag (`de-CH`) and language subtag (`de`, for Typst's `text(lang:)`). */
    readonly locale: string;
    readonly lang: string;
  };
  /** The words the theme prints, in the CV's language (docs/themes.md). */
  readonly labels: TypstLabels;
  readonly style: {
    /** Typst paper name: `us-letter` or `a4`. */
    readonly paper: 'us-letter' | 'a4';
    /** `#rrggbb` colours: accent (`color`), secondary (`color2`), links (`linkcolor`). */
    readonly color: string;
    readonly color2: string;
    readonly linkColor: string;
    /** moderncv style name from cv.yaml (`banking`), for themes that want to vary by it. */
    readonly moderncvStyle: string;
    /**
     * Families of the script faces loaded for this CV (`Noto Sans Hebrew`, ...; script-fonts.ts), for a
     * theme to put before its other fallbacks; absent when none is.
     */
    readonly scriptFonts?: readonly string[] | undefined;
    /** `design:` of cv.yaml: null where it sets nothing (the theme's default). */
    readonly design: {
      readonly font: string | null;
      /** Points. */
      readonly fontSize: number | null;
      /** Points. */
      readonly marginPt: number | null;
      /** A factor on the theme's spacing: 0.7 compact, 1 normal, 1.35 airy. */
      readonly density: number | null;
      readonly datePosition: 'left' | 'right' | null;
      readonly keepYearsTogether: boolean | null;
      /** `#rrggbb` background of selected publications. */
      readonly highlight: string | null;
    };
  };
  readonly person: {
    readonly name: string;
    readonly firstName: string | null;
    readonly lastName: string | null;
    readonly contacts: readonly TypstContact[];
  };
  readonly citations: {
    readonly totalCitations: number | null;
    readonly hIndex: number | null;
    readonly source: string;
  } | null;
  /** The print layout, in order: sections (title null = no heading) and page breaks. */
  readonly blocks: readonly TypstBlock[];
}

/** The words of the built-in themes, in the CV's language. */
export interface TypstLabels {
  /** The whole footer line, `Last updated on March 5, 2026`. */
  readonly lastUpdated: string;
  /** The page footer around the two numbers: text before, between (`of`) and after. */
  readonly page: readonly [string, string, string];
  readonly present: string;
  readonly etAl: string;
  /** List separators: two items, between items, before the last. */
  readonly list: { readonly pair: string; readonly middle: string; readonly last: string };
  readonly advisor: string;
  readonly area: string;
  readonly majorGpa: string;
  readonly citationsTotal: string;
  readonly hIndex: string;
  /** A paper's citations, `{n}` the count (`cited by {n}`). */
  readonly citedBy: string;
  /** The note over a publication list with selected papers: text, then the highlighted words. */
  readonly selectedHighlighted: readonly [string, string];
  /** A GPA and a major GPA around the value: text before it, text after it (`GPA 3.9`, `Note 1,3`). */
  readonly gpaValue: readonly [string, string];
  readonly majorGpaValue: readonly [string, string];
  /** The default meanings of the author marks `*` and `†` in a publication legend. */
  readonly equalContribution: string;
  readonly equalAdvising: string;
  /** What a paper's award badge is (the alternative text of its icon). */
  readonly award: string;
}

function typstLabels(now: Date, locale: Locale): TypstLabels {
  const { labels } = locale;
  const [before = '', rest = ''] = labels.page.split('{page}');
  const [middle = '', after = ''] = rest.split('{total}');
  return {
    lastUpdated: lastUpdatedText(now, locale),
    page: [before, middle, after],
    present: labels.present,
    etAl: labels.etAl,
    list: listSeparators(locale),
    advisor: labels.advisor,
    area: labels.area,
    majorGpa: labels.majorGpa,
    citationsTotal: labels.citationsTotal,
    hIndex: labels.hIndex,
    citedBy: labels.citedBy,
    selectedHighlighted: labels.selectedHighlighted,
    gpaValue: around(labels.gpaValue, '{gpa}'),
    majorGpaValue: around(labels.majorGpaValue, '{gpa}'),
    equalContribution: labels.equalContribution,
    equalAdvising: labels.equalAdvising,
    award: labels.award,
  };
}

/** The text before and after a placeholder of a label. */
function around(template: string, placeholder: string): [string, string] {
  const at = template.indexOf(placeholder);
  return at < 0 ? [`${template} `, ''] : [template.slice(0, at), template.slice(at + placeholder.length)];
}

const DEFAULT_COLOR2 = '#595959';

const rich = (text: RichText): Nodes => inlineToTypst(text);
const richOrNull = (text: RichText | null): Nodes | null => (text === null ? null : rich(text));
const urlOrNull = (url: string | undefined): string | null =>
  url === undefined ? null : (safeUrl(url) ?? null);

// ---------------------------------------------------------------- contacts

function contactsOf(person: Person): TypstContact[] {
  const contacts: TypstContact[] = [];
  if (person.email) {
    const email = person.email.trim();
    contacts.push({
      kind: 'email',
      label: 'Email',
      handle: email,
      text: email,
      url: urlOrNull(`mailto:${email}`),
    });
  }
  if (person.url) {
    const shown = withoutScheme(person.url);
    contacts.push({
      kind: 'homepage',
      label: 'Home page',
      handle: person.url,
      text: shown,
      url: absoluteWebUrl(person.url) ?? null,
    });
  }
  for (const [key, value] of Object.entries(person.social)) {
    const handle = value.trim();
    if (handle === '') continue;
    const network = socialNetwork(key);
    if (isWebUrl(handle)) {
      // A full URL given instead of a handle: link it as written.
      const text = withoutScheme(handle);
      contacts.push({ kind: key, label: network?.webLabel ?? key, handle, text, url: urlOrNull(handle) });
    } else if (network) {
      contacts.push({
        kind: key,
        label: network.webLabel,
        handle,
        text: network.printLabel(socialId(handle)),
        url: urlOrNull(profileUrl(key, handle)),
      });
    } else {
      contacts.push({ kind: key, label: key, handle, text: `${key}: ${handle}`, url: null });
    }
  }
  return contacts;
}

// ---------------------------------------------------------------- sections

/** What the theme needs beyond the CV: its language, and whether the data carries abstracts. */
interface DataContext {
  readonly locale: Locale;
  readonly abstracts: boolean;
}

type SectionHandlers = {
  readonly [K in SectionType]: (section: Extract<Section, { type: K }>, context: DataContext) => SectionData;
};

const author = (a: Author): TypstAuthor => ({
  name: rich(a.name),
  url: urlOrNull(a.url),
  isOwner: a.isOwner,
  marks: rich(a.marks),
});

const publication = (p: Publication, { locale, abstracts }: DataContext): TypstPublication => ({
  key: p.key,
  entryType: p.entryType,
  label: p.label,
  title: rich(p.title),
  url: urlOrNull(p.url),
  authors: p.authors.map(author),
  othersTruncated: p.othersTruncated,
  venue: rich(p.venue),
  year: p.year,
  note: rich(p.note),
  abstract: abstracts ? rich(p.abstract) : [],
  links: p.links.flatMap((link) => {
    const url = safeUrl(link.url);
    return url === undefined ? [] : [{ label: link.label, url }];
  }),
  award: p.award === undefined || p.award.length === 0 ? null : rich(p.award),
  selected: p.selected,
  doi: p.doi ?? null,
  arxivId: p.arxivId ?? null,
  citations: p.citations ?? null,
  citationsText: p.citations === undefined ? null : plural(locale.labels.citations, p.citations, locale),
});

const genericItem = (item: GenericItem) => ({
  text: rich(item.text),
  fields: item.fields.map((field) => ({ key: field.key, value: rich(field.value) })),
});

/** One handler per section type: a missing one is a compile error. */
const sectionHandlers: SectionHandlers = {
  about: (s) => ({ type: s.type, text: rich(s.text) }),
  news: (s) => ({ type: s.type, items: s.items.map((i) => ({ date: rich(i.date), text: rich(i.text) })) }),
  education: (s) => ({
    type: s.type,
    items: s.items.map((i) => ({
      degree: rich(i.degree),
      school: rich(i.school),
      location: rich(i.location),
      dates: rich(i.dates),
      gpa: rich(i.gpa),
      majorGpa: rich(i.majorGpa),
      details: i.details.map(rich),
    })),
  }),
  positions: (s) => ({
    type: s.type,
    items: s.items.map((i) => ({
      title: rich(i.title),
      place: rich(i.place),
      location: rich(i.location),
      dates: rich(i.dates),
      inlineDetail: rich(i.inlineDetail),
      details: i.details.map(rich),
    })),
  }),
  honors: (s) => ({
    type: s.type,
    items: s.items.map((i) => ({
      title: rich(i.title),
      year: rich(i.year),
      url: urlOrNull(i.url),
      description: rich(i.description),
    })),
  }),
  research: (s) => ({
    type: s.type,
    items: s.items.map((i) => ({
      title: rich(i.title),
      place: rich(i.place),
      dates: rich(i.dates),
      advisor: rich(i.advisor),
      area: rich(i.area),
      details: i.details.map(rich),
    })),
  }),
  skills: (s) => ({
    type: s.type,
    items: s.items.map((i) => ({ title: rich(i.title), details: rich(i.details) })),
  }),
  service: (s) => ({
    type: s.type,
    groups: s.groups.map((g) => ({
      key: g.key,
      title: richOrNull(g.title),
      items: g.items.map((i) => ({
        details: rich(i.details),
        subDetails: rich(i.subDetails),
        year: rich(i.year),
        url: urlOrNull(i.url),
      })),
    })),
  }),
  teaching: (s) => ({
    type: s.type,
    items: s.items.map((i) => ({
      semester: rich(i.semester),
      name: rich(i.name),
      short: rich(i.short),
      position: rich(i.position),
      url: urlOrNull(i.url),
    })),
  }),
  coursework: (s) => ({
    type: s.type,
    groups: s.groups.map((g) => ({ title: rich(g.title), courses: g.courses.map(rich) })),
  }),
  talks: (s) => ({
    type: s.type,
    items: s.items.map((i) => ({
      title: rich(i.title),
      url: urlOrNull(i.url),
      location: rich(i.location),
      locationUrl: urlOrNull(i.locationUrl),
      year: rich(i.year),
    })),
  }),
  advising: (s) => ({
    type: s.type,
    items: s.items.map((i) => ({
      name: rich(i.name),
      url: urlOrNull(i.url),
      details: rich(i.details),
      year: rich(i.year),
    })),
  }),
  repos: (s) => ({
    type: s.type,
    items: s.items.map((i) => ({
      name: i.name,
      url: urlOrNull(i.url),
      description: rich(i.description),
      stars: i.stars ?? null,
      starsText: i.stars === undefined ? null : formatStarCount(i.stars),
      homepage: urlOrNull(i.homepage),
      year: rich(i.year),
    })),
  }),
  publications: (s, context) => ({
    type: s.type,
    total: s.total,
    showCitations: s.showCitations,
    legend: s.legend === undefined ? [] : rich(s.legend),
    venueSummary: s.venueSummary.map((v) => ({
      venue: v.venue,
      count: v.count,
      countText: plural(context.locale.labels.papers, v.count, context.locale),
    })),
    lists: s.lists.map((list) => ({
      heading: richOrNull(list.heading),
      prefix: list.prefix,
      groups: list.groups.map((g) => ({
        heading: g.heading,
        publications: g.publications.map((p) => publication(p, context)),
      })),
    })),
  }),
  items: (s) => ({ type: s.type, items: s.items.map(genericItem) }),
  generic: (s) => ({
    type: s.type,
    groups: s.groups.map((g) => ({
      label: richOrNull(g.label),
      rows: g.rows.map((r) => ({
        title: rich(r.title),
        url: urlOrNull(r.url),
        date: rich(r.date),
        details: r.details.map((d) => ({ label: d.label, text: rich(d.text) })),
      })),
    })),
  }),
};

function sectionToData<K extends SectionType>(
  section: Extract<Section, { type: K }>,
  context: DataContext,
): SectionData {
  return (
    sectionHandlers[section.type as K] as (s: Extract<Section, { type: K }>, c: DataContext) => SectionData
  )(section, context);
}

// ---------------------------------------------------------------- the whole CV

export interface ToDataResult {
  readonly data: TypstData;
  readonly diagnostics: readonly Diagnostic[];
}

function designData(design: DesignOptions | undefined): TypstData['style']['design'] {
  return {
    font: design?.font ?? null,
    fontSize: design?.fontSize ?? null,
    marginPt: design?.marginPt ?? null,
    density: design?.density === undefined ? null : DENSITIES[design.density],
    datePosition: design?.datePosition ?? null,
    keepYearsTogether: design?.keepYearsTogether ?? null,
    highlight: design?.highlight === undefined ? null : hexColor(design.highlight),
  };
}

export interface ToDataOptions {
  /**
   * Publication abstracts in the data (default true). No built-in theme prints one, and on a CV of thousands
   * of papers they are most of the data Typst parses and keeps in memory: the PDF target leaves them out
   * (`abstract` is then empty rich text) for a built-in theme. A user theme always gets them.
   */
  readonly abstracts?: boolean;
  /**
   * Rich text without markup as a string (compact-text.ts), for themes that read rich text through
   * vita-lib's `rich()` (the built-in ones). A user theme gets node arrays, as docs/themes.md describes.
   */
  readonly plainTextAsStrings?: boolean;
}

export function cvToTypstData(cv: Cv, now: Date, options: ToDataOptions = {}): ToDataResult {
  const diagnostics: Diagnostic[] = [];
  const color = hexColor(cv.print.color);
  const color2 = cv.print.color2 === undefined ? DEFAULT_COLOR2 : hexColor(cv.print.color2);
  const linkColor = cv.print.linkColor === undefined ? color : hexColor(cv.print.linkColor);

  const locale = localeOf(cv.locale);
  const context: DataContext = { locale, abstracts: options.abstracts ?? true };
  const blocks: TypstBlock[] = [];
  for (const entry of cv.layouts.print) {
    if (entry.kind === 'newpage') {
      blocks.push({ kind: 'newpage' });
      continue;
    }
    const section = cv.sections.get(entry.key);
    // The resolver reports layout keys without a section; there is nothing to typeset for them.
    if (section === undefined) continue;
    blocks.push({
      kind: 'section',
      key: entry.key,
      title: richOrNull(entry.title),
      section: sectionToData(section, context),
    });
  }

  const { person } = cv;
  const data: TypstData = {
    version: DATA_VERSION,
    meta: {
      title: `${person.name}: Curriculum Vitae`,
      author: person.name,
      date: { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() },
      updated: formatLongDate(now, locale.tag),
      locale: locale.tag,
      lang: locale.language,
    },
    labels: typstLabels(now, locale),
    style: {
      paper: cv.print.paper === 'a4' ? 'a4' : 'us-letter',
      color,
      color2,
      linkColor,
      moderncvStyle: cv.print.style,
      design: designData(cv.print.design),
    },
    person: {
      name: person.name,
      firstName: person.firstName ?? null,
      lastName: person.lastName ?? null,
      contacts: contactsOf(person),
    },
    citations: cv.citations
      ? {
          totalCitations: cv.citations.totalCitations ?? null,
          hIndex: cv.citations.hIndex ?? null,
          source: cv.citations.source,
        }
      : null,
    blocks,
  };
  diagnostics.push(...dropLongUrls(data));
  if (options.plainTextAsStrings) compactPlainText(data);
  return { data, diagnostics };
}
