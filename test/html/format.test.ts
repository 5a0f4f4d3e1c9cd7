import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatIsoDate,
  formatLongDate,
  IdRegistry,
  idFragment,
} from '../../src/render/html/format.js';
import { faviconDataUrl } from '../../src/render/html/icons.js';
import { contactLinks, socialProfileUrl } from '../../src/render/html/social.js';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect([0, 14, 4210, 1_234_567].map(formatCount)).toEqual(['0', '14', '4,210', '1,234,567']);
  });
});

describe('dates', () => {
  it('reads the date in UTC, whatever the time of day', () => {
    expect(formatLongDate(new Date('2025-11-25T23:59:59Z'))).toBe('November 25, 2025');
    expect(formatLongDate(new Date('2024-02-29T00:00:00Z'))).toBe('February 29, 2024');
    expect(formatIsoDate(new Date('2025-01-05T23:59:59Z'))).toBe('2025-01-05');
  });

  it('writes every month and day in English as before Intl: "Month D, YYYY"', () => {
    const months =
      'January February March April May June July August September October November December'.split(' ');
    for (let month = 0; month < 12; month++) {
      for (const day of [1, 9, 10, 28]) {
        const date = new Date(Date.UTC(2026, month, day, 23, 30));
        expect(formatLongDate(date)).toBe(`${months[month]} ${day}, 2026`);
      }
    }
    expect(formatLongDate(new Date('1999-12-31T00:00:00Z'))).toBe('December 31, 1999');
  });

  it('takes another locale for a later translation', () => {
    expect(formatLongDate(new Date('2026-11-05T00:00:00Z'), 'de')).toBe('5. November 2026');
  });
});

describe('ids', () => {
  it('makes any key a plain id fragment', () => {
    expect(idFragment('amos2020differentiable')).toBe('amos2020differentiable');
    expect(idFragment('Kao:2019 Unravel"ling')).toBe('Kao-2019-Unravel-ling');
    expect(idFragment('')).toBe('x');
  });

  it('hands out each id once', () => {
    const ids = new IdRegistry();
    expect(ids.claim('pub-a')).toBe('pub-a');
    expect(ids.claim('pub-a')).toBe('pub-a-2');
    expect(ids.claim('pub-a')).toBe('pub-a-3');
    expect(ids.claim('pub-a-2')).toBe('pub-a-2-2');
  });

  it('skips suffixes taken by other names, and stays linear when one name is claimed many times', () => {
    const ids = new IdRegistry();
    expect(ids.claim('x-3')).toBe('x-3');
    expect(['x', 'x', 'x', 'x'].map((id) => ids.claim(id))).toEqual(['x', 'x-2', 'x-4', 'x-5']);
    // 100,000 claims of one name: linear (the suffix search went back to 2 each time: 5e9 steps).
    const many = new IdRegistry();
    let last = '';
    for (let i = 0; i < 100_000; i++) last = many.claim('abs');
    expect(last).toBe('abs-100000');
  });
});

describe('contact links', () => {
  it('builds profile URLs from ids, and takes full URLs as they are', () => {
    expect(socialProfileUrl('github', 'bamos')).toBe('https://github.com/bamos');
    expect(socialProfileUrl('google_scholar', 'd8gdZR4AAAAJ')).toBe(
      'https://scholar.google.com/citations?user=d8gdZR4AAAAJ',
    );
    expect(socialProfileUrl('twitter', '@brandondamos')).toBe('https://twitter.com/brandondamos');
    expect(socialProfileUrl('orcid', '0000-0002-1825-0097')).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(socialProfileUrl('dblp', '75/8682')).toBe('https://dblp.org/pid/75/8682');
    expect(socialProfileUrl('mastodon', 'https://sigmoid.social/@me')).toBe('https://sigmoid.social/@me');
  });

  it('encodes ids and links nothing it cannot make safe', () => {
    expect(socialProfileUrl('github', '"><img src=x>')).toBe('https://github.com/%22%3E%3Cimg%20src%3Dx%3E');
    expect(socialProfileUrl('unknown', 'someone')).toBeUndefined();
    expect(socialProfileUrl('evil', 'javascript:alert(1)')).toBeUndefined();
    expect(socialProfileUrl('github', '   ')).toBeUndefined();
  });

  it('lists email, home page, profiles in order, then the PDF', () => {
    const links = contactLinks({
      name: 'A B',
      email: 'a@b.org',
      url: 'bamos.github.io',
      pdfUrl: '/cv.pdf',
      social: { google_scholar: 'x', github: 'y', area_of_work: 'https://w.example' },
    });
    expect(links.map((l) => [l.kind, l.label, l.href])).toEqual([
      ['email', 'a@b.org', 'mailto:a@b.org'],
      ['url', 'bamos.github.io', 'https://bamos.github.io'],
      ['google_scholar', 'Google Scholar', 'https://scholar.google.com/citations?user=x'],
      ['github', 'GitHub', 'https://github.com/y'],
      ['area_of_work', 'Area of work', 'https://w.example'],
      ['pdf', 'PDF', '/cv.pdf'],
    ]);
  });

  it('drops a home page or PDF link with an unsafe URL', () => {
    const links = contactLinks({
      name: 'A',
      url: 'javascript:alert(1)',
      pdfUrl: 'javascript:alert(1)',
      social: {},
    });
    expect(links).toEqual([]);
  });
});

describe('favicon', () => {
  it('is an SVG data URL with the initials of the first and last name', () => {
    const url = faviconDataUrl('Brandon D. Amos');
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toContain('>BA</text>');
    expect(decodeURIComponent(faviconDataUrl('<script>&</script>'))).toContain('>SS</text>');
  });
});
