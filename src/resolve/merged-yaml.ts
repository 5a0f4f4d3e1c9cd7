import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { YamlPath, YamlSource } from '../load/yaml-source.js';

/** The merged document: every top-level key remembers the file it came from. */
export class MergedYaml {
  readonly data: Record<string, unknown> = {};
  private readonly owners = new Map<string, YamlSource>();
  readonly keyOrder: string[] = [];
  /** A view made by `derived`: positions are asked of `parent`, at the path `rewrite` gives. */
  private parent: { readonly yaml: MergedYaml; readonly rewrite: (path: YamlPath) => YamlPath } | undefined;

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
   * The same files with other data (per-language texts picked, a variant's entries left out): `rewrite`
   * turns a path of `data` into the path of the same value in this document, for positions.
   */
  derived(data: Record<string, unknown>, rewrite: (path: YamlPath) => YamlPath): MergedYaml {
    const copy = new MergedYaml(this.sources);
    for (const key of Object.keys(copy.data)) delete copy.data[key];
    Object.assign(copy.data, data);
    copy.parent = { yaml: this, rewrite };
    return copy;
  }

  positionInValue(yamlPath: YamlPath, offset: number): SourcePosition {
    if (this.parent) return this.parent.yaml.positionInValue(this.parent.rewrite(yamlPath), offset);
    return this.ownerOf(yamlPath).positionInValue(yamlPath, offset);
  }

  private ownerOf(yamlPath: YamlPath): YamlSource {
    const head = yamlPath[0];
    return (typeof head === 'string' ? this.owners.get(head) : undefined) ?? this.first;
  }

  positionOf(yamlPath: YamlPath, options?: { key?: boolean }): SourcePosition {
    if (this.parent) return this.parent.yaml.positionOf(this.parent.rewrite(yamlPath), options);
    return this.ownerOf(yamlPath).positionOf(yamlPath, options);
  }
}
