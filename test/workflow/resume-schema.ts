/** Validation against the official JSON Resume schema (v1.0.0, draft-04, shipped by `resume-schema`). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

export function resumeValidator(): (data: unknown) => ErrorObject[] {
  const schema = JSON.parse(readFileSync(require.resolve('resume-schema/schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // The draft-04 meta-schema URI is not bundled with ajv 8; the schema uses no keyword whose meaning
  // changed since draft-04 (no exclusiveMinimum/Maximum, no `id`), so it is checked as it is.
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}
