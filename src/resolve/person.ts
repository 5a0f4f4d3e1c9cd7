/** The person at the top of the CV: `name` (a string or first/middle/last), contact details, links. */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { inlineToText } from '../inline/to-text.js';
import type { Person } from '../model/cv.js';
import type { MergedYaml } from './merged-yaml.js';
import type { TopLevel } from './top-level.js';
import { richAt, urlAt } from './values.js';

export function resolvePerson(
  meta: TopLevel,
  social: Record<string, string>,
  merged: MergedYaml,
  bag: DiagnosticBag,
): Person {
  let first: string | undefined;
  let last: string | undefined;
  let full = '';
  const name = meta.name;
  if (typeof name === 'string') {
    full = inlineToText(richAt(name, ['name'], merged, bag));
  } else if (name) {
    first = name.first ? inlineToText(richAt(name.first, ['name', 'first'], merged, bag)) : undefined;
    last = name.last ? inlineToText(richAt(name.last, ['name', 'last'], merged, bag)) : undefined;
    const middle = name.middle
      ? inlineToText(richAt(name.middle, ['name', 'middle'], merged, bag))
      : undefined;
    full = [first, middle, last].filter(Boolean).join(' ');
  }
  if (!full) {
    bag.warning({
      code: 'missing-name',
      message: 'no `name:` given; the CV has no title',
      position: merged.positionOf([]),
      hints: ['add `name: {first: Ada, last: Lovelace}` at the top of the file'],
    });
  }
  return {
    name: full,
    firstName: first,
    lastName: last,
    email: meta.email ?? undefined,
    phone: meta.phone ?? undefined,
    url: urlAt(meta.url, ['url'], merged, bag),
    pdfUrl: urlAt(meta.pdf, ['pdf'], merged, bag),
    sourceUrl: urlAt(meta.src, ['src'], merged, bag),
    social,
  };
}
