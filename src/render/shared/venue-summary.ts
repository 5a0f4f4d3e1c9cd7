/** The venue summary line of a publications section, as plain text (each target escapes it). */
import type { VenueCount } from '../../model/cv.js';
import { joinWithAnd } from './join.js';

/** "ICML (15 papers), NeurIPS (12 papers), and AISTATS (3 papers)" (plain text; each target escapes it). */
export function formatVenueSummary(venues: readonly VenueCount[]): string {
  const parts = venues.map((v) => `${v.venue} (${v.count} ${v.count === 1 ? 'paper' : 'papers'})`);
  return joinWithAnd(parts, { truncated: false });
}
