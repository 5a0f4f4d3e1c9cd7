/**
 * The generic section: any YAML value laid out from its own shape, for a key no section type knows or a
 * known key whose value no section schema accepts (the caller warns which). Nothing is rejected and no
 * value is dropped: scalars become rows, a list of mappings becomes rows (title-like fields as the title,
 * date-like fields as the date, the rest as labelled details), a mapping of lists or mappings becomes
 * labelled groups, and anything deeper is flattened into "Label › sub: text" details.
 */
import { z } from 'zod';
import type { Inline } from '../../inline/ast.js';
import type { GenericDetail, GenericGroup, GenericRow, GenericSection, RichText } from '../../model/cv.js';
import { readableKey } from '../../util/readable-key.js';
import type { RelativePath, ResolveContext, SectionSpec } from '../context.js';

/** Fields that name an entry, in the order they are put into its title. */
export const TITLE_KEYS = [
  'title',
  'name',
  'position',
  'degree',
  'label',
  'role',
  'award',
  'course',
  'heading',
] as const;
/** Fields that date an entry; `start`/`end` (and `from`/`to`) become one range. */
export const DATE_KEYS = [
  'year',
  'years',
  'date',
  'dates',
  'when',
  'period',
  'semester',
  'start',
  'from',
  'end',
  'to',
] as const;
const URL_KEYS = new Set(['url', 'link', 'href', 'website', 'homepage']);
/** Fields whose lines are shown without a label. */
const PLAIN_KEYS = new Set([
  'details',
  'description',
  'desc',
  'summary',
  'text',
  'notes',
  'note',
  'content',
  'highlights',
  'bullets',
  'items',
]);

const TITLE_SET = new Set<string>(TITLE_KEYS);
const DATE_SET = new Set<string>(DATE_KEYS);

type Mapping = Record<string, unknown>;
type Scalar = string | number | boolean;

const isMapping = (v: unknown): v is Mapping => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
/** Null, an empty string and an empty list or mapping hold nothing to show. */
const isBlank = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.every(isBlank)) ||
  (isMapping(v) && Object.values(v).every(isBlank));

/** A scalar as the original printed it: PyYAML's `True`/`False`, numbers as written. */
function scalarText(v: Scalar): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

const text = (value: string): Inline => ({ type: 'text', value });

function joinRich(parts: readonly RichText[], separator: readonly Inline[]): RichText {
  const out: Inline[] = [];
  for (const part of parts) {
    if (part.length === 0) continue;
    if (out.length > 0) out.push(...separator);
    out.push(...part);
  }
  return out;
}

const COMMA = [text(', ')];
const SEMICOLON = [text('; ')];
const EN_DASH: Inline[] = [text(' '), { type: 'dash', kind: 'en' }, text(' ')];

const labelOf = (key: string, prefix: string | null): string | null => {
  if (PLAIN_KEYS.has(key.toLowerCase())) return prefix;
  const own = readableKey(key);
  return prefix === null ? own : `${prefix} › ${own}`;
};

class GenericResolver {
  constructor(private readonly ctx: ResolveContext) {}

  private rich(v: Scalar, path: RelativePath): RichText {
    return this.ctx.rich(scalarText(v), path);
  }

  /** Any value as one line of text: lists joined by commas, mappings as `Key: value` parts. */
  inline(v: unknown, path: RelativePath): RichText {
    if (isBlank(v)) return [];
    if (isScalar(v)) return this.rich(v, path);
    if (Array.isArray(v))
      return joinRich(
        v.map((x, i) => this.inline(x, [...path, i])),
        COMMA,
      );
    const row = this.row(v, path);
    const head = joinRich(
      [row.title, row.date.length > 0 ? [text('('), ...row.date, text(')')] : []],
      [text(' ')],
    );
    const details = row.details.map((d) => (d.label === null ? d.text : [text(`${d.label}: `), ...d.text]));
    return joinRich([head, joinRich(details, SEMICOLON)], head.length > 0 ? [text(': ')] : []);
  }

  /** The details a field contributes: one line per list element for plain fields, else one labelled line. */
  details(key: string, v: unknown, path: RelativePath, prefix: string | null): GenericDetail[] {
    if (isBlank(v)) return [];
    const label = labelOf(key, prefix);
    if (isScalar(v)) return [{ label, text: this.rich(v, path) }];
    if (Array.isArray(v)) {
      if (label === null || !v.every(isScalar))
        return v.flatMap((x, i) => (isBlank(x) ? [] : [{ label, text: this.inline(x, [...path, i]) }]));
      return [{ label, text: this.inline(v, path) }];
    }
    if (!isMapping(v)) return [{ label, text: [text(String(v))] }];
    return Object.entries(v).flatMap(([k, x]) => this.details(k, x, [...path, k], label));
  }

  /** One entry. A mapping is split into title, date, link and details. */
  row(v: unknown, path: RelativePath): GenericRow {
    if (!isMapping(v)) return { title: this.inline(v, path), date: [], details: [] };
    const entries = Object.entries(v).filter(([, x]) => !isBlank(x));
    const scalarAt = (set: ReadonlySet<string>) =>
      entries.filter(([k, x]) => set.has(k.toLowerCase()) && (isScalar(x) || Array.isArray(x)));
    const titles = scalarAt(TITLE_SET).sort(
      ([a], [b]) =>
        TITLE_KEYS.indexOf(a.toLowerCase() as never) - TITLE_KEYS.indexOf(b.toLowerCase() as never),
    );
    const dates = scalarAt(DATE_SET);
    const used = new Set<string>([...titles, ...dates].map(([k]) => k));
    // Without a title-like field, the first plain scalar field names the entry.
    if (titles.length === 0) {
      const first = entries.find(([k, x]) => isScalar(x) && !used.has(k) && !URL_KEYS.has(k.toLowerCase()));
      if (first) {
        titles.push(first);
        used.add(first[0]);
      }
    }
    const title = joinRich(
      titles.map(([k, x]) => this.inline(x, [...path, k])),
      COMMA,
    );
    let url: string | undefined;
    const link = entries.find(([k, x]) => URL_KEYS.has(k.toLowerCase()) && typeof x === 'string');
    if (link && title.length > 0) {
      url = this.ctx.url(link[1] as string, [...path, link[0]]);
      if (url !== undefined) used.add(link[0]);
    }
    const dateOf = (k: string) => dates.find(([d]) => d.toLowerCase() === k);
    const rangeStart = dateOf('start') ?? dateOf('from');
    const rangeEnd = rangeStart === dateOf('from') ? dateOf('to') : (dateOf('end') ?? dateOf('to'));
    const dateParts: RichText[] = [];
    for (const [k, x] of dates) {
      if (k === rangeEnd?.[0] && rangeStart) continue;
      const own = this.inline(x, [...path, k]);
      if (k === rangeStart?.[0] && rangeEnd)
        dateParts.push(joinRich([own, this.inline(rangeEnd[1], [...path, rangeEnd[0]])], EN_DASH));
      else dateParts.push(own);
    }
    const details = entries
      .filter(([k]) => !used.has(k))
      .flatMap(([k, x]) => this.details(k, x, [...path, k], null));
    return { title, url, date: joinRich(dateParts, COMMA), details };
  }

  /** An entry-like mapping (a title- or date-like field, nothing nested deeper than a list of lines). */
  private isEntry(v: Mapping): boolean {
    const keys = Object.keys(v).map((k) => k.toLowerCase());
    if (!keys.some((k) => TITLE_SET.has(k) || DATE_SET.has(k))) return false;
    return Object.values(v).every(
      (x) => isBlank(x) || isScalar(x) || (Array.isArray(x) && x.every(isScalar)),
    );
  }

  /** Rows for a value inside a group: a list's elements, or a mapping's fields as `Key — value` rows. */
  private rows(v: unknown, path: RelativePath): GenericRow[] {
    if (Array.isArray(v)) return v.flatMap((x, i) => (isBlank(x) ? [] : [this.row(x, [...path, i])]));
    if (isMapping(v) && !this.isEntry(v))
      return Object.entries(v).flatMap(([k, x]) => {
        if (isBlank(x)) return [];
        if (isMapping(x) && this.isEntry(x)) {
          // the key may name the entry (a school, a project): it leads the title
          const row = this.row(x, [...path, k]);
          return [{ ...row, title: joinRich([[text(readableKey(k))], row.title], [text(': ')]) }];
        }
        return [
          {
            title: [text(readableKey(k))],
            date: [],
            details: isScalar(x)
              ? [{ label: null, text: this.rich(x, [...path, k]) }]
              : this.details(k, x, [...path, k], null).map((d) =>
                  // the row's title already names the field
                  d.label === readableKey(k) ? { ...d, label: null } : d,
                ),
          },
        ];
      });
    return isBlank(v) ? [] : [this.row(v, path)];
  }

  groups(v: unknown): GenericGroup[] {
    if (isBlank(v)) return [];
    if (Array.isArray(v)) return [{ label: null, rows: this.rows(v, []) }];
    if (!isMapping(v) || this.isEntry(v)) return [{ label: null, rows: [this.row(v, [])] }];
    // A mapping: scalar fields gather into unlabelled rows; each list or mapping is a labelled group.
    const groups: GenericGroup[] = [];
    let loose: GenericRow[] = [];
    for (const [k, x] of Object.entries(v)) {
      if (isBlank(x)) continue;
      if (isScalar(x)) {
        loose.push({
          title: [text(readableKey(k))],
          date: [],
          details: [{ label: null, text: this.rich(x, [k]) }],
        });
        continue;
      }
      if (loose.length > 0) groups.push({ label: null, rows: loose });
      loose = [];
      groups.push({ label: [text(readableKey(k))], rows: this.rows(x, [k]) });
    }
    if (loose.length > 0) groups.push({ label: null, rows: loose });
    return groups;
  }
}

const genericSchema = z.unknown();

export const genericSection: SectionSpec<GenericSection, typeof genericSchema> = {
  type: 'generic',
  description:
    'Any value laid out from its shape: lines, rows of title, date and details, or labelled groups.',
  schema: genericSchema,
  resolve: (value, ctx) => ({
    type: 'generic',
    key: ctx.key,
    position: ctx.position([]),
    groups: new GenericResolver(ctx).groups(value),
  }),
};
