/** The venue summary data: the venues with at least N papers (targets write "ICML (15 papers), ..."). */
import { inlineToText } from '../../inline/to-text.js';
import type { Publication, VenueCount } from '../../model/cv.js';

export const DEFAULT_VENUE_THRESHOLD = 3;

/** `venue_summary`: false (off), true (threshold 3) or a threshold. */
export function venueThreshold(setting: boolean | number): number | undefined {
  if (setting === false) return undefined;
  return setting === true ? DEFAULT_VENUE_THRESHOLD : setting;
}

/** Venues with at least `threshold` publications, most papers first, then by name. */
export function countVenues(publications: Iterable<Publication>, threshold: number): VenueCount[] {
  const counts = new Map<string, number>();
  for (const p of publications) {
    const venue = inlineToText(p.venue).trim();
    if (venue !== '') counts.set(venue, (counts.get(venue) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= threshold)
    .map(([venue, count]) => ({ venue, count }))
    .sort((a, b) => b.count - a.count || (a.venue < b.venue ? -1 : a.venue > b.venue ? 1 : 0));
}
