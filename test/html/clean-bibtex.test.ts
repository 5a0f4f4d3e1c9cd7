/**
 * The BibTeX shown and copied on the page: standard fields in a fixed order, two spaces of indentation, one
 * line per field; the private fields of vita and its forks and the abstract left out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanBibtex } from '../../src/render/shared/bib-source.js';
import { CORPUS_DIR } from '../helpers/temp-dir.js';

describe('cleanBibtex', () => {
  it('drops private fields and the abstract, orders the rest, and gives a @misc its venue', () => {
    const source = `@misc{paulus2025safety,
    title={Safety Alignment of LMs via Non-cooperative Games},
    author={Anselm Paulus and Ilia Kulikov and
            Brandon Amos},
    year={2026},
    codeurl={https://github.com/facebookresearch/advgame},
    url={https://arxiv.org/abs/2512.20806},
    _venue={ICML},
    selected={true},
    _talkurl={https://example.org/talk},
    abstract={Ensuring the safety of language models (LMs) while
        maintaining their usefulness.}
}`;
    expect(cleanBibtex(source)).toBe(`@misc{paulus2025safety,
  author = {Anselm Paulus and Ilia Kulikov and Brandon Amos},
  title = {Safety Alignment of LMs via Non-cooperative Games},
  howpublished = {ICML},
  year = {2026},
  url = {https://arxiv.org/abs/2512.20806}
}`);
  });

  it('puts _venue in the field of the entry type only when the entry has no venue', () => {
    expect(cleanBibtex('@InProceedings{a, title={T}, _venue={ICML}, year=2020}')).toBe(
      '@inproceedings{a,\n  title = {T},\n  booktitle = {ICML},\n  year = 2020\n}',
    );
    expect(cleanBibtex('@article{a, journal={Nature}, _venue={Nat.}, title="T"}')).toBe(
      '@article{a,\n  title = "T",\n  journal = {Nature}\n}',
    );
  });

  it('keeps nested braces, escapes, quoted values, macros and concatenations as written', () => {
    const source = '@article(k1, TITLE = {The {\\"U}ber {LaTeX} } , month = jan # "~1", pages="1--2",)';
    expect(cleanBibtex(source)).toBe(
      '@article{k1,\n  title = {The {\\"U}ber {LaTeX}},\n  pages = "1--2",\n  month = jan # "~1"\n}',
    );
  });

  it('keeps the source when it is not one well-formed entry', () => {
    expect(cleanBibtex('  @misc{a, title={unclosed }\n')).toBe('@misc{a, title={unclosed }');
    expect(cleanBibtex('not bibtex')).toBe('not bibtex');
  });

  it('cleans every entry of the corpus: no private field, no abstract, two-space indentation', () => {
    const text = readFileSync(path.join(CORPUS_DIR, 'publications/all.bib'), 'utf8');
    const entries = text.split(/\n(?=@)/).filter((e) => e.trim().startsWith('@'));
    expect(entries.length).toBeGreaterThanOrEqual(79);
    for (const entry of entries) {
      const clean = cleanBibtex(entry);
      expect(clean, entry.slice(0, 80)).toMatch(
        /^@[a-z]+\{[^,\s]+,\n( {2}[a-z]+ = [^\n]+,\n)* {2}[a-z]+ = [^\n]+\n\}$/,
      );
      expect(clean).not.toMatch(/^\s*(_\w+|abstract|selected|codeurl|slidesurl|keywords)\s*=/m);
      expect(clean).toMatch(/^ {2}(booktitle|journal|howpublished|school|institution|publisher) = /m);
    }
  });
});

describe('cleanBibtex on a broken entry with long runs of white space (found by the fuzz suite)', () => {
  it('stays linear: 200,000 tabs where the key should be end in well under a second, unchanged', () => {
    const source = `@misc{${'\t'.repeat(200_000)}`;
    const start = performance.now();
    const cleaned = cleanBibtex(source);
    // A quadratic reading of the tabs takes minutes; a linear one a few milliseconds. The bound is loose.
    expect(performance.now() - start).toBeLessThan(2000);
    expect(cleaned).toBe(source.trim());
  });

  it('still reads a key between spaces', () => {
    expect(cleanBibtex('@misc{  key  ,\n  title = {T},\n}')).toContain('@misc{key,');
  });
});

describe('cleanBibtex finds the end of each braced value', () => {
  it('counts nested braces, and a backslash hides the character after it', () => {
    const source = '@misc{k, title = {a \\{ b {c} d\\\\}, note = {x\\}y}, year = {2020}}';
    expect(cleanBibtex(source)).toBe(
      '@misc{k,\n  title = {a \\{ b {c} d\\\\},\n  year = {2020},\n  note = {x\\}y}\n}',
    );
  });

  it('a group closed only by an escaped brace, or a backslash at the very end, is not closed', () => {
    expect(cleanBibtex('@misc{k, title = {a\\}')).toBe('@misc{k, title = {a\\}');
    expect(cleanBibtex('@misc{k, title = {a}, note = {b\\')).toBe('@misc{k, title = {a}, note = {b\\');
  });

  it('reads a value after a long abstract with no brace, backslash or brace-free field in between', () => {
    const abstract = 'word '.repeat(10_000);
    const source = `@misc{k, abstract = {${abstract}}, title = {T {x}}, year = 2020}`;
    expect(cleanBibtex(source)).toBe('@misc{k,\n  title = {T {x}},\n  year = 2020\n}');
  });

  it('stays linear in the number of fields: 300,000 braced fields with no backslash', () => {
    const fields = Array.from({ length: 300_000 }, (_, i) => `f${i} = {v}`).join(', ');
    const source = `@misc{k, ${fields}, title = {T}}`;
    const start = performance.now();
    const cleaned = cleanBibtex(source);
    // ~0.3 s here. A search for the next backslash from each field to the end of the entry (quadratic: it
    // reads ~10^12 characters) took 10 s. The bound is loose.
    expect(performance.now() - start).toBeLessThan(3000);
    expect(cleaned).toBe('@misc{k,\n  title = {T}\n}');
  });
});
