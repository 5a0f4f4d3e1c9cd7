/** The venue summary line of a publications section, as plain text (each target escapes it). */

import { listSeparators, localeOf, plural } from '../../locale/locale.js';
import type { VenueCount } from '../../model/cv.js';
import { joinWithAnd } from './join.js';

/**
 * "ICML (15 papers), NeurIPS (12 papers), and AISTATS (3 papers)" (plain text; each target escapes it), in
 * the CV's language (`locale`, a BCP 47 tag; absent: English).
 */
export function formatVenueSummary(venues: readonly VenueCount[], locale?: string | undefined): string {
  const lang = localeOf(locale);
  const parts = venues.map((v) => `${v.venue} (${plural(lang.labels.papers, v.count, lang)})`);
  return joinWithAnd(parts, { truncated: false, separators: listSeparators(lang) });
}
