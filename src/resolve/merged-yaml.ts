import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { YamlPath, YamlSource } from '../load/yaml-source.js';

/** The merged document: every top-level key remembers the file it came from. */
export class MergedYaml {
  readonly data: Record<string, unknown> = {};
  private readonly owners = new Map<string, YamlSource>();
  readonly keyOrder: string[] = [];
  /**
   * Per-language texts picked by `withPickedTexts`: the path of each picked mapping (JSON) -> the key of the
   * text taken, so positions point into that text.
   */
  private picked: ReadonlyMap<string, string> = new Map();

  constructor(readonly sources: readonly YamlSource[]) {
    for (const source of sources) {
      const data = source.toData();
      if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
      for (const [key, value] of Object.entries(data)) {
        if (!this.owners.has(key)) this.keyOrder.push(key);
        this.data[key] = value;
        this.owners.set(key, source);
      }
    }
  }

  get first(): YamlSource {
    return this.sources[0] as YamlSource;
  }

  /**
   * The same files with other data: `data` with some per-language mappings replaced by one of their texts,
   * `picked` saying which (path -> key). Positions of a replaced value point at the text taken.
   */
  withPickedTexts(data: Record<string, unknown>, picked: ReadonlyMap<string, string>): MergedYaml {
    const copy = new MergedYaml(this.sources);
    for (const key of Object.keys(copy.data)) delete copy.data[key];
    Object.assign(copy.data, data);
    copy.picked = picked;
    return copy;
  }

  private redirected(yamlPath: YamlPath): YamlPath {
    if (this.picked.size === 0) return yamlPath;
    const key = this.picked.get(JSON.stringify(yamlPath));
    return key === undefined ? yamlPath : [...yamlPath, key];
  }

  positionInValue(yamlPath: YamlPath, offset: number): SourcePosition {
    const at = this.redirected(yamlPath);
    return this.ownerOf(at).positionInValue(at, offset);
  }

  private ownerOf(yamlPath: YamlPath): YamlSource {
    const head = yamlPath[0];
    return (typeof head === 'string' ? this.owners.get(head) : undefined) ?? this.first;
  }

  positionOf(yamlPath: YamlPath, options?: { key?: boolean }): SourcePosition {
    const at = this.redirected(yamlPath);
    return this.ownerOf(at).positionOf(at, options);
  }
}
