/** The person's details at the top level, or grouped under `personal:`, `contact:` or `about:`. */
import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import { resolveYaml } from './helpers.js';

describe('person', () => {
  it('reads a string name and a {first, last} name', () => {
    expect(resolveYaml('name: Ada Lovelace\n').cv?.person.name).toBe('Ada Lovelace');
    const split = resolveYaml('name: {first: Ada, last: Lovelace}\n').cv?.person;
    expect(split).toMatchObject({ name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('finds contact details and profiles under `personal:` without warnings', () => {
    const r = resolveYaml(
      [
        'personal:',
        '  name: {first: Ada, last: Lovelace}',
        '  email: ada@example.org',
        '  phone: "+44 1"',
        '  website: https://ada.example.org',
        '  location: London',
        '  github: ada',
        '  social: {orcid: 0000-0001}',
        '',
      ].join('\n'),
    );
    expect(r.shown).toEqual([]);
    expect(r.cv?.person).toMatchObject({
      name: 'Ada Lovelace',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      phone: '+44 1',
      url: 'https://ada.example.org',
      location: 'London',
      social: { github: 'ada', orcid: '0000-0001' },
    });
  });

  it('lets top-level keys win over grouped ones', () => {
    const r = resolveYaml('name: Ada\nemail: top@example.org\ncontact:\n  email: grouped@example.org\n');
    expect(r.cv?.person.email).toBe('top@example.org');
  });

  it('takes the person fields out of an `about:` mapping and keeps its text as the about section', () => {
    const r = resolveYaml(
      'name: Ada\norder:\n  - [about, NONE]\nabout:\n  email: ada@example.org\n  bio: I compute.\n',
    );
    expect(r.cv?.person.email).toBe('ada@example.org');
    const about = r.cv?.sections.get('about');
    expect(about?.type).toBe('about');
    expect(about?.type === 'about' ? inlineToText(about.text) : '').toBe('I compute.');
    expect(r.shown).toEqual([]);
  });

  it('warns about a field of a person mapping that nothing shows', () => {
    const r = resolveYaml(
      'name: Ada\norder:\n  - [extra, X]\nextra: [a]\ncontact:\n  email: a@b.org\n  fax: 123\n',
    );
    expect(r.cv?.person.email).toBe('a@b.org');
    expect(r.shown).toEqual(['warning person-field-unused 7:3', 'warning unknown-section 4:1']);
  });

  it('shows a person mapping listed in the order as a section too', () => {
    const r = resolveYaml(
      'name: Ada\norder:\n  - [contact, Contact]\ncontact:\n  email: a@b.org\n  fax: 123\n',
    );
    expect(r.cv?.sections.get('contact')?.type).toBe('generic');
  });

  it('reads the name from a group, and warns when there is none at all', () => {
    expect(resolveYaml('personal:\n  first_name: Ada\n  last_name: Lovelace\n').cv?.person.name).toBe(
      'Ada Lovelace',
    );
    expect(resolveYaml('email: a@b.org\n').shown).toEqual(['warning missing-name 1:1']);
  });
});
