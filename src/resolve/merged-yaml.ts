import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { YamlPath, YamlSource } from '../load/yaml-source.js';

/** The merged document: every top-level key remembers the file it came from. */
export class MergedYaml {
  readonly data: Record<string, unknown> = {};
  private readonly owners = new Map<string, YamlSource>();
  readonly keyOrder: string[] = [];

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

  positionInValue(yamlPath: YamlPath, offset: number): SourcePosition {
    return this.ownerOf(yamlPath).positionInValue(yamlPath, offset);
  }

  private ownerOf(yamlPath: YamlPath): YamlSource {
    const head = yamlPath[0];
    return (typeof head === 'string' ? this.owners.get(head) : undefined) ?? this.first;
  }

  positionOf(yamlPath: YamlPath, options?: { key?: boolean }): SourcePosition {
    return this.ownerOf(yamlPath).positionOf(yamlPath, options);
  }
}
