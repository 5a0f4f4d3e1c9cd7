/** `vita schema [--out FILE]`: the JSON Schema of cv.yaml, for editors and other tools. */
import path from 'node:path';
import { displayPath } from '../../pipeline/load-cv.js';
import { writeOutputs } from '../../pipeline/write-outputs.js';
import { cvJsonSchemaText } from '../../resolve/json-schema.js';
import type { SchemaCommandOptions } from '../options.js';
import type { Io } from '../report.js';

export function runSchema(io: Io, options: SchemaCommandOptions): number {
  const text = cvJsonSchemaText();
  if (options.out === undefined) {
    io.stdout.write(text);
    return 0;
  }
  const file = path.resolve(io.cwd, options.out);
  writeOutputs(path.dirname(file), [{ path: path.basename(file), contents: text }]);
  io.stdout.write(`wrote ${displayPath(file)}\n`);
  return 0;
}
