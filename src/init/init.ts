/**
 * `vita init [DIR]`: a new CV repository in one step. It never overwrites: every file is checked first,
 * and when any of them exists nothing at all is written.
 */

import { localeOf } from '../locale/locale.js';
import { writeOutputs } from '../pipeline/write-outputs.js';
import type { OutputFile } from '../render/shared/target.js';
import { cvJsonSchemaText } from '../resolve/json-schema.js';
import { installSource } from './install-source.js';
import { existingPaths } from './no-overwrite.js';
import { CV_YAML, GITIGNORE, PUBLICATIONS_BIB, readme, SCHEMA_FILE, workflow } from './templates.js';

export interface InitOptions {
  /** The vita version the workflow and README install (src/init/install-source.ts says from where). */
  readonly version: string;
  /** `vita init --locale de`: the CV starts in that language (`locale:` and the headings of its order). */
  readonly locale?: string | undefined;
}

export type InitResult =
  | { readonly ok: true; readonly written: readonly string[] }
  /** Files that already exist (absolute paths); nothing was written. */
  | { readonly ok: false; readonly existing: readonly string[] };

export function initFiles(options: InitOptions): OutputFile[] {
  const source = installSource(options.version);
  return [
    { path: 'cv.yaml', contents: options.locale === undefined ? CV_YAML : localizedCvYaml(options.locale) },
    { path: SCHEMA_FILE, contents: cvJsonSchemaText() },
    { path: 'publications.bib', contents: PUBLICATIONS_BIB },
    { path: '.gitignore', contents: GITIGNORE },
    { path: 'README.md', contents: readme(source) },
    { path: '.github/workflows/cv.yml', contents: workflow(source) },
  ];
}

export function initProject(dir: string, options: InitOptions): InitResult {
  const files = initFiles(options);
  const existing = existingPaths(dir, files);
  if (existing.length > 0) return { ok: false, existing };
  return { ok: true, written: writeOutputs(dir, files) };
}

/**
 * The starter cv.yaml in another language: `locale:` set (dates, labels) and the order's headings from the
 * language's table, so the first build is in that language. `tag` must be a locale vita knows.
 */
export function localizedCvYaml(tag: string): string {
  const locale = localeOf(tag);
  const headed = CV_YAML.replace(
    /^( {2}- \[)(\w+), ([^\]\n]+)\]$/gm,
    (line, start: string, key: string, title: string) => {
      const heading = locale.labels.sections[key];
      // `NONE` (no heading) stays.
      return heading === undefined || title === 'NONE' ? line : `${start}${key}, ${JSON.stringify(heading)}]`;
    },
  );
  return headed.replace(/^order:$/m, `locale: ${locale.tag}\n\norder:`);
}
