// In-process cases (compiled modules from ../dist): .bib load + format, and printing many warnings.
import { benchDiagnostics } from '../diagnostics.js';
import { benchPublications } from '../publications.js';

export const cases = [
  {
    id: 'publications',
    async run() {
      const r = await benchPublications();
      return {
        results: { publications_10k: r },
        rows: [
          { what: '10,000-entry .bib, load + format (in process, median)', ms: r.n10k_ms, budget: 2000 },
          { what: '  the same, standard entries (no _venue)', ms: r.n10k_standard_ms },
          {
            what: '20,000 vs 10,000 entries, time ratio',
            value: r.ratio.toFixed(2),
            budgetText: '≤ 2.2',
            ok: r.ratio <= 2.2,
          },
        ],
      };
    },
  },
  {
    id: 'diagnostics',
    async run() {
      const r = await benchDiagnostics();
      return {
        results: { diagnostics_10k: r },
        rows: [
          { what: '10,000 warnings printed, grouped (median)', ms: r.n10k_ms, budget: 1000, strict: true },
          {
            what: '10,000 warnings printed, --verbose (median)',
            ms: r.n10k_verbose_ms,
            budget: 1000,
            strict: true,
          },
          {
            what: '20,000 vs 10,000 warnings, time ratio (fresh memory past 10,000)',
            value: r.ratio_20k_10k.toFixed(2),
          },
          {
            what: '40,000 vs 20,000 warnings, time ratio',
            value: r.ratio.toFixed(2),
            budgetText: '≤ 2.2',
            ok: r.ratio <= 2.2,
          },
        ],
      };
    },
  },
];
