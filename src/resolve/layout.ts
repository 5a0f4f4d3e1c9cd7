/**
 * `order`, `order_md` and `order_latex`: which sections each layout shows, in which order, with which title.
 * Every form the original and its forks wrote is read: `[key, Title]`, `[key, Title, more...]` (the extra
 * elements are ignored with a warning), a bare `key`, a mapping `{tag: key, title: Title, display-web: no,
 * display-pdf: yes, ...}`, `None`/`NONE`/null titles (no heading) and `NEWPAGE` (a page break in print).
 * An entry that cannot be read, or names no section, is skipped with a warning: the order never fails a build.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Locale } from '../locale/locale.js';
import type { LayoutEntry, RichText } from '../model/cv.js';
import { closestMatch } from '../util/did-you-mean.js';
import { readableKey } from '../util/readable-key.js';
import type { MergedYaml } from './merged-yaml.js';
import { TOP_LEVEL_KEYS } from './top-level.js';
import { richAt } from './values.js';

export type OrderKey = 'order' | 'order_md' | 'order_latex';

/** A layout entry and the layouts it belongs to (`display-web` / `display-pdf` of a mapping entry). */
export type ResolvedLayoutEntry = LayoutEntry & { readonly web: boolean; readonly print: boolean };

/** Keys of a mapping entry that name the section, in the order they are looked for. */
const KEY_FIELDS: readonly string[] = ['tag', 'key', 'section', 'id'];
const TITLE_FIELDS: readonly string[] = ['title', 'name', 'heading'];

/** `no`, `false`, `0`, `off` (as a string or a YAML 1.1 boolean) turn a display flag off. */
function flagOn(value: unknown): boolean {
  if (value === false || value === 0) return false;
  if (typeof value === 'string') return !/^(no|n|false|off|0)$/i.test(value.trim());
  return true;
}

/** A title that hides the heading: null, empty, or `None` in any case (the original printed no "None"). */
const hidesHeading = (title: unknown): boolean =>
  title === null || (typeof title === 'string' && /^(none|)$/i.test(title.trim()));

export function resolveLayout(
  orderKey: OrderKey,
  order: unknown,
  sectionKeys: readonly string[],
  merged: MergedYaml,
  bag: DiagnosticBag,
  locale?: Locale | undefined,
): ResolvedLayoutEntry[] {
  // A section without a title: the locale's heading for its key, else the key made readable.
  const readableTitle = (key: string): RichText => [
    {
      type: 'text',
      value:
        (locale && Object.hasOwn(locale.labels.sections, key) ? locale.labels.sections[key] : undefined) ??
        readableKey(key),
    },
  ];
  const readable = (key: string): ResolvedLayoutEntry => ({
    kind: 'section',
    key,
    title: readableTitle(key),
    web: true,
    print: true,
  });
  if (order === null || order === undefined) return sectionKeys.map(readable);
  let list: readonly unknown[];
  if (Array.isArray(order)) list = order;
  else if (typeof order === 'object') {
    // `order: {education: Education, ...}`: a mapping of keys to titles, in the file's order.
    list = Object.entries(order as Record<string, unknown>).map(([k, v]) => [k, v]);
  } else {
    bag.warning({
      code: 'order-entry-unreadable',
      message: `\`${orderKey}\` is not a list of \`[key, Title]\` entries; every section is shown in the file's order`,
      position: merged.positionOf([orderKey]),
      hints: ['write `order:` as a list: `- [education, Education]`'],
    });
    return sectionKeys.map(readable);
  }

  const entries: ResolvedLayoutEntry[] = [];
  let shortWarned = false;
  list.forEach((raw, i) => {
    const at = [orderKey, i];
    let key: unknown;
    let title: unknown;
    let titlePath: (string | number)[] = [...at, 1];
    let titleGiven = true;
    let web = true;
    let print = true;
    if (typeof raw === 'string') {
      key = raw;
      titleGiven = false;
    } else if (Array.isArray(raw)) {
      [key, title] = raw;
      titleGiven = raw.length >= 2;
      if (raw.length > 2) {
        bag.warning({
          code: 'order-entry-extra',
          message: `\`${orderKey}\` entry \`${String(key)}\` has ${raw.length - 2} element(s) after the title; they are ignored`,
          position: merged.positionOf([...at, 2]),
          hints: [
            'an entry is `[key, Title]`; to show a section only on the web or in print, use `order_md` / `order_latex`',
          ],
        });
      }
    } else if (raw !== null && typeof raw === 'object') {
      const map = raw as Record<string, unknown>;
      const keyField = KEY_FIELDS.find((f) => Object.hasOwn(map, f));
      const titleField = TITLE_FIELDS.find((f) => Object.hasOwn(map, f) && f !== keyField);
      key = keyField === undefined ? undefined : map[keyField];
      title = titleField === undefined ? undefined : map[titleField];
      titleGiven = titleField !== undefined;
      if (titleField !== undefined) titlePath = [...at, titleField];
      for (const [field, value] of Object.entries(map)) {
        if (field === keyField || field === titleField) continue;
        const flag = field.toLowerCase().replace(/_/g, '-');
        if (flag === 'display-web') web = flagOn(value);
        else if (flag === 'display-pdf' || flag === 'display-print' || flag === 'display-latex')
          print = flagOn(value);
        else if (flag === 'display-short') {
          if (!shortWarned) {
            shortWarned = true;
            bag.warning({
              code: 'order-entry-extra',
              message: `\`${orderKey}\`: \`${field}\` is ignored: no variant \`short\` is declared under \`variants:\`; the sections are shown`,
              position: merged.positionOf([...at, field], { key: true }),
            });
          }
        } else {
          bag.warning({
            code: 'order-entry-extra',
            message: `\`${orderKey}\` entry: unknown field \`${field}\` is ignored`,
            position: merged.positionOf([...at, field], { key: true }),
            hints: ['an entry mapping takes `tag`, `title`, `display-web` and `display-pdf`'],
          });
        }
      }
    }
    if (typeof key === 'number') key = String(key);
    if (typeof key !== 'string' || key === '') {
      bag.warning({
        code: 'order-entry-unreadable',
        message: `\`${orderKey}\` entry ${i + 1} names no section; it is skipped`,
        position: merged.positionOf(at),
        hints: ['an entry is `[key, Title]`, `key`, or `{tag: key, title: Title}`'],
      });
      return;
    }
    if (key === 'NEWPAGE') {
      entries.push({ kind: 'newpage', web, print });
      return;
    }
    if (!Object.hasOwn(merged.data, key) || TOP_LEVEL_KEYS.has(key)) {
      const suggestion = closestMatch(key, sectionKeys);
      bag.warning({
        code: 'order-unknown-section',
        message: `\`${orderKey}\` names section \`${key}\`, which is not in the file; the entry is skipped`,
        position: merged.positionOf(Array.isArray(raw) ? [...at, 0] : at),
        hints: suggestion
          ? [`did you mean \`${suggestion}\`?`]
          : [`sections in the file: ${sectionKeys.join(', ') || 'none'}`],
      });
      return;
    }
    let heading: RichText | null;
    if (!titleGiven || title === undefined) heading = readableTitle(key);
    else if (hidesHeading(title)) heading = null;
    else if (typeof title === 'string' || typeof title === 'number' || typeof title === 'boolean')
      heading = richAt(String(title), titlePath, merged, bag);
    else {
      bag.warning({
        code: 'order-entry-unreadable',
        message: `\`${orderKey}\` entry \`${key}\`: the title is not text; the key is shown as the heading`,
        position: merged.positionOf(titlePath),
      });
      heading = readableTitle(key);
    }
    entries.push({ kind: 'section', key, title: heading, web, print });
  });
  return entries;
}

/** The entries of one layout, without the display flags. */
export function layoutFor(entries: readonly ResolvedLayoutEntry[], target: 'web' | 'print'): LayoutEntry[] {
  return entries
    .filter((e) => e[target])
    .map((e) =>
      e.kind === 'newpage' ? { kind: 'newpage' } : { kind: 'section', key: e.key, title: e.title },
    );
}
