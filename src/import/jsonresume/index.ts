/**
 * `vita import jsonresume`: a JSON Resume document (https://jsonresume.org/schema) to a cv.yaml and, for its
 * publications, a publications.bib. Every field vita has no place for is reported, never dropped silently.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { OutputFile } from '../../render/shared/target.js';
import { ResumeReader } from './reader.js';
import { IMPORTED_BIB_FILE, resumeToCv } from './to-cv.js';
import { bibText, cvYamlText } from './write-files.js';

export { IMPORTED_BIB_FILE } from './to-cv.js';

export interface ImportResult {
  /** `cv.yaml` and, when there are publications, `publications.bib` (empty when there are errors). */
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * @param text the JSON document
 * @param displayName the file as shown in messages and in the header comments of the written files
 */
export function importJsonResume(text: string, displayName: string): ImportResult {
  const reader = ResumeReader.parse(displayName, text);
  if (!(reader instanceof ResumeReader)) return { files: [], diagnostics: [reader] };
  const draft = resumeToCv(reader);
  if (reader.diagnostics.some((d) => d.severity === 'error'))
    return { files: [], diagnostics: reader.diagnostics };
  const source = displayName.split(/[\\/]/).pop() ?? displayName;
  const files: OutputFile[] = [{ path: 'cv.yaml', contents: cvYamlText(draft, source) }];
  if (draft.bib.length > 0) files.push({ path: IMPORTED_BIB_FILE, contents: bibText(draft.bib, source) });
  return { files, diagnostics: reader.diagnostics };
}
