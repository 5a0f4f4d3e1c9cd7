/** Text written per language (`title: {en: ..., de: ...}`): the language built picks, with a clear fallback. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import { YamlSource } from '../../src/load/yaml-source.js';
import type { Cv } from '../../src/model/cv.js';
import { cvJsonSchema } from '../../src/resolve/json-schema.js';
import { MergedYaml, resolveCv } from '../../src/resolve/resolve-cv.js';

const YAML = `name: Ada Lovelace
locale: en
title: {en: Curriculum Vitae, de: Lebenslauf}
order:
  - [positions, {en: Positions, de: Stellen}]
  - [languages, {en: Languages, de: Sprachen}]
  - about
about:
  en: I compute.
  de: Ich rechne.
positions:
  - title: {en: Professor, de: Professorin}
    place: Analytical Engine Society
    dates: {en: 2019 -- present, fr: depuis 2019}
    details:
      - en: Taught \\textbf{analysis}
        de: Lehrte \\unknowncommand{Analysis}
languages:
  en: native
  de: fluent
`;

function resolve(locale?: string) {
  const { source } = YamlSource.parse('cv.yaml', YAML);
  const result = resolveCv(new MergedYaml([source]), { locale });
  if (result.cv === undefined) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return { cv: result.cv, diagnostics: result.diagnostics };
}

const titles = (cv: Cv) =>
  cv.layouts.web.flatMap((e) => (e.kind === 'section' && e.title ? [inlineToText(e.title)] : []));

function position(cv: Cv) {
  const section = cv.sections.get('positions');
  if (section?.type !== 'positions') throw new Error('no positions');
  const item = section.items[0];
  if (item === undefined) throw new Error('no item');
  return {
    title: inlineToText(item.title),
    dates: inlineToText(item.dates),
    detail: inlineToText(item.details[0] ?? []),
  };
}

describe('per-language text', () => {
  it('the file’s language picks its texts, in order titles, items, details and about', () => {
    const { cv, diagnostics } = resolve();
    expect(titles(cv)).toEqual(['Positions', 'Languages', 'About']);
    expect(position(cv)).toEqual({ title: 'Professor', dates: '2019 – present', detail: 'Taught analysis' });
    const about = cv.sections.get('about');
    expect(about?.type === 'about' && inlineToText(about.text)).toBe('I compute.');
    expect(diagnostics).toEqual([]);
  });

  it('another language picks its own, and the missing one falls back to the file’s language with a warning', () => {
    const { cv, diagnostics } = resolve('de');
    expect(titles(cv)).toEqual(['Stellen', 'Sprachen', 'Über mich']);
    expect(position(cv).title).toBe('Professorin');
    // `dates` has no German: the English text, dates in German words.
    expect(position(cv).dates).toBe('2019 – heute');
    const missing = diagnostics.filter((d) => d.code === 'text-language-missing');
    expect(missing.map((d) => [d.message, d.position?.line])).toEqual([
      ['`positions.0.dates` has no `de` text; the `en` text is shown', 14],
    ]);
  });

  it('a markup problem is reported inside the text picked', () => {
    const { diagnostics } = resolve('de');
    const markup = diagnostics.find((d) => d.code === 'markup');
    const line = YAML.split('\n')[16] ?? '';
    // The place of `\\unknowncommand` inside the German text, not the start of the mapping.
    expect(markup?.position).toMatchObject({ line: 17, column: line.indexOf('\\unknowncommand') + 1 });
  });

  it('a region picks its language’s text (de-CH -> de)', () => {
    expect(position(resolve('de-CH').cv).title).toBe('Professorin');
  });

  it('without the language or the default one, the first text written is shown', () => {
    const { cv, diagnostics } = resolve('fr');
    expect(position(cv).dates).toBe('depuis 2019');
    expect(position(cv).title).toBe('Professor');
    expect(diagnostics.filter((d) => d.code === 'text-language-missing').length).toBeGreaterThan(1);
  });

  it('a section whose whole value looks like languages stays a section', () => {
    const section = resolve('de').cv.sections.get('languages');
    expect(section).toBeDefined();
    expect(JSON.stringify(section)).toContain('native');
    expect(JSON.stringify(section)).toContain('fluent');
  });

  it('the JSON Schema accepts per-language text where text goes, and only language keys', () => {
    const ajv = new Ajv2020({
      allErrors: true,
      allowUnionTypes: true,
      allowMatchingProperties: true,
      strict: false,
    });
    const validate = ajv.compile(cvJsonSchema());
    expect(validate({ name: { en: 'Ada', ja: 'エイダ' }, title: { en: 'CV', de: 'Lebenslauf' } })).toBe(true);
    expect(validate({ title: { english: 'CV' } })).toBe(false);
  });
});
