/** formatLongDate's English fast path writes exactly what Intl.DateTimeFormat writes for English in UTC. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLongDate } from '../../src/util/dates.js';

const intlEnglish = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

describe('formatLongDate in English', () => {
  it('is the Intl text for any instant of years 1000-9999', () => {
    const min = Date.UTC(1000, 0, 1);
    const max = Date.UTC(9999, 11, 31, 23, 59, 59);
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        const date = new Date(ms);
        expect(formatLongDate(date)).toBe(intlEnglish.format(date));
      }),
      { numRuns: 2000 },
    );
  });

  it('falls back to Intl outside those years and for other locales', () => {
    const early = new Date(Date.UTC(999, 4, 3));
    expect(formatLongDate(early)).toBe(intlEnglish.format(early));
    expect(formatLongDate(new Date('2026-11-05T00:00:00Z'), 'de')).toBe('5. November 2026');
  });
});
