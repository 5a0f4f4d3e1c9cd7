/**
 * Reads a JSON Resume document field by field, reporting at the field's line:column every value of the
 * wrong type and every field vita has no place for, so nothing is dropped without a word.
 */
import { type Diagnostic, error, type SourcePosition, warning } from '../../diagnostics/diagnostic.js';
import { LineIndex } from '../../diagnostics/source-map.js';
import { YamlSource } from '../../load/yaml-source.js';

export type JsonPath = readonly (string | number)[];
export type JsonObject = Readonly<Record<string, unknown>>;

/** `work[0].highlights[2]` */
export function describeJsonPath(path: JsonPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

export class ResumeReader {
  readonly diagnostics: Diagnostic[] = [];

  private constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly positions: YamlSource | undefined,
  ) {}

  /** Parses the text; a syntax error is reported at its place and gives no reader. */
  static parse(file: string, text: string): ResumeReader | Diagnostic {
    let data: unknown;
    try {
      data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (cause) {
      const message = (cause as Error).message;
      const at = /position (\d+)/.exec(message)?.[1];
      return error({
        code: 'import-json-syntax',
        message: `\`${file}\` is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
        position:
          at === undefined ? { file, line: 1, column: 1 } : new LineIndex(text).position(file, Number(at)),
      });
    }
    // JSON is YAML: the YAML parser gives every value's place, for messages.
    const { source } = YamlSource.parse(file, text);
    return new ResumeReader(file, data, source);
  }

  position(path: JsonPath, key = false): SourcePosition | undefined {
    return this.positions?.positionOf(path, { key });
  }

  wrongType(path: JsonPath, expected: string): void {
    this.diagnostics.push(
      error({
        code: 'import-wrong-type',
        message: `\`${describeJsonPath(path)}\` must be ${expected}`,
        position: this.position(path),
        hints: ['see https://jsonresume.org/schema for the shape of each field'],
      }),
    );
  }

  /** A field vita keeps nowhere: a warning at its key (empty values are not worth one). */
  notImported(path: JsonPath, value: unknown, why: string): void {
    if (isEmpty(value)) return;
    this.diagnostics.push(
      warning({
        code: 'import-unsupported',
        message: `\`${describeJsonPath(path)}\` is not imported: ${why}`,
        position: this.position(path, true),
      }),
    );
  }

  note(path: JsonPath, message: string, hints: readonly string[] = []): void {
    this.diagnostics.push(
      warning({ code: 'import-changed', message, position: this.position(path, true), hints }),
    );
  }

  /**
   * The object at `path`, with a warning for each of its fields outside `known` (handled by the caller)
   * and `unsupported` (field -> why it is not imported). Undefined (and an error) when it is not an object.
   */
  object(
    value: unknown,
    path: JsonPath,
    known: readonly string[],
    unsupported: Readonly<Record<string, string>> = {},
  ): JsonObject | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.wrongType(path, 'an object');
      return undefined;
    }
    const object = value as JsonObject;
    for (const [key, field] of Object.entries(object)) {
      if (known.includes(key)) continue;
      this.notImported([...path, key], field, unsupported[key] ?? 'vita has no field for it');
    }
    return object;
  }

  /** The array at `path` (empty when absent; an error when it is something else). */
  array(value: unknown, path: JsonPath): readonly unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.wrongType(path, 'an array');
      return [];
    }
    return value;
  }

  /** A text field (numbers are taken as text); undefined when absent or empty. */
  string(object: JsonObject, key: string, path: JsonPath): string | undefined {
    const value = object[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      this.wrongType([...path, key], 'text');
      return undefined;
    }
    return value.trim() === '' ? undefined : value;
  }

  /** A list of texts. */
  strings(object: JsonObject, key: string, path: JsonPath): string[] {
    const out: string[] = [];
    this.array(object[key], [...path, key]).forEach((value, i) => {
      if (typeof value === 'string' || typeof value === 'number') {
        if (String(value).trim() !== '') out.push(String(value));
      } else this.wrongType([...path, key, i], 'text');
    });
    return out;
  }
}
