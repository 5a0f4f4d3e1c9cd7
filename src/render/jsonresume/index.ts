/**
 * The JSON Resume target: `cv.json`, valid against the official schema (v1.0.0), so the JSON Resume
 * ecosystem (themes, job sites) can read the CV. Rich text becomes plain text; dates become ISO dates;
 * links become absolute URIs (relative ones need `--base-url`). See docs/cli.md for the field mapping.
 */
import { type Diagnostic, warning } from '../../diagnostics/diagnostic.js';
import { socialToProfile } from '../../jsonresume/profiles.js';
import { JSON_RESUME_SCHEMA_URL, type JsonResume, type ResumeBasics } from '../../jsonresume/resume.js';
import type { Cv, Section } from '../../model/cv.js';
import type { RenderOptions, RenderResult, Target } from '../shared/target.js';
import { type ExportContext, exportSection, type ResumeListKey } from './sections.js';
import { compact, isEmail, webUri } from './values.js';

export const JSON_RESUME_FILE = 'cv.json';

/** Sections in the order the CV shows them: the web layout, then what only the print layout has. */
function orderedSections(cv: Cv): Section[] {
  const seen = new Set<string>();
  const out: Section[] = [];
  for (const entry of [...cv.layouts.web, ...cv.layouts.print]) {
    if (entry.kind !== 'section' || seen.has(entry.key)) continue;
    seen.add(entry.key);
    const section = cv.sections.get(entry.key);
    if (section) out.push(section);
  }
  return out;
}

function basicsOf(cv: Cv, diagnostics: Diagnostic[]): ResumeBasics {
  const person = cv.person;
  const email = person.email?.trim();
  if (email && !isEmail(email)) {
    diagnostics.push(
      warning({
        code: 'jsonresume-email',
        message: `\`email\` \`${email}\` is not an email address JSON Resume accepts; cv.json leaves it out`,
      }),
    );
  }
  const profiles = Object.entries(person.social)
    .filter(([, value]) => value.trim() !== '')
    .map(([key, value]) => compact(socialToProfile(key, value)));
  return compact({
    name: person.name,
    email: email && isEmail(email) ? email : undefined,
    phone: person.phone?.trim() || undefined,
    url: webUri(person.url),
    location: person.location?.trim() ? { address: person.location.trim() } : undefined,
    profiles,
  });
}

/** The document's keys in the order of the JSON Resume schema. */
const LIST_ORDER: readonly ResumeListKey[] = [
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
];

export function renderJsonResume(cv: Cv, options: RenderOptions): RenderResult {
  const diagnostics: Diagnostic[] = [];
  const basics = basicsOf(cv, diagnostics);
  const lists = new Map<ResumeListKey, unknown[]>();
  const ctx: ExportContext = {
    basics,
    baseUrl: options.baseUrl,
    add: (key, entry) => {
      const list = lists.get(key);
      if (list) list.push(entry);
      else lists.set(key, [entry]);
    },
  };
  for (const section of orderedSections(cv)) exportSection(section, ctx);
  const resume: JsonResume = {
    $schema: JSON_RESUME_SCHEMA_URL,
    basics: compact(basics),
    ...Object.fromEntries(LIST_ORDER.flatMap((key) => (lists.has(key) ? [[key, lists.get(key)]] : []))),
    meta: { version: 'v1.0.0', lastModified: options.now.toISOString().slice(0, 19) },
  };
  return {
    files: [{ path: JSON_RESUME_FILE, contents: `${JSON.stringify(resume, null, 2)}\n` }],
    diagnostics,
  };
}

export const jsonResumeTarget: Target = {
  name: 'json',
  description: 'JSON Resume (cv.json), for the JSON Resume themes and tools',
  render: renderJsonResume,
};
