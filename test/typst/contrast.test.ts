/**
 * WCAG AA for every piece of text in every built-in theme, whatever colours cv.yaml sets: each text
 * colour drawn in the PDF has at least 4.5:1 against the white page and against the highlight of
 * selected papers.
 */
import { describe, expect, it } from 'vitest';
import { hexColor } from '../../src/render/typst/color.js';
import { BUILTIN_THEMES, compileTypstPdf } from '../../src/render/typst/index.js';
import { parseColor } from '../../src/resolve/print-options.js';
import { pdfTextColors } from '../helpers/pdf.js';
import { testCv, withPrint } from '../helpers/test-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};

const SCHEMES = [
  { color: 'yellow', color2: 'lightgray', linkColor: 'cyan' },
  { color: 'white', color2: 'white', linkColor: 'white' },
  { color: 'black' },
  { color: 'blue' },
  { color: 'orange', color2: 'pink', linkColor: 'lime' },
] as const;

describe.each(BUILTIN_THEMES)('text contrast in the %s theme', (theme) => {
  it.each(SCHEMES)('is WCAG AA with color $color, color2 $color2, linkcolor $linkColor', async (scheme) => {
    const cv = withPrint(testCv(), { theme, ...scheme });
    const result = compileTypstPdf(cv, { now: NOW });
    expect(result.diagnostics).toEqual([]);
    const colors = await pdfTextColors(result.pdf ?? new Uint8Array());
    expect(colors.length).toBeGreaterThan(0);
    // Each theme's highlight: a fixed pale colour, or (compact) the accent lightened by 90%.
    const accent = parseColor(scheme.color) ?? [0, 0, 0];
    const highlight = {
      default: '#fff6d5',
      compact: hexColor(accent.map((c) => c + (1 - c) * 0.9) as unknown as typeof accent),
      classic: '#f3f0e6',
      modern: '#f2f2f2',
      sidebar: '#fff6d5',
      plain: '#ffffff',
    }[theme];
    for (const color of colors) {
      expect(contrast(color, '#ffffff'), `${color} on white`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, highlight), `${color} on the highlight`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('the contrast check', () => {
  it('fails the colours the issue found too light', () => {
    expect(contrast('#8c8c8c', '#ffffff')).toBeLessThan(4.5);
    expect(contrast('#595959', '#ffffff')).toBeGreaterThan(4.5);
  });
});
