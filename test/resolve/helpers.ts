/** Resolves YAML text in memory: the model and the diagnostics as `severity code line:col`. */
import { YamlSource } from '../../src/load/yaml-source.js';
import { MergedYaml, resolveCv } from '../../src/resolve/resolve-cv.js';

export function resolveYaml(yaml: string) {
  const { source } = YamlSource.parse('cv.yaml', yaml);
  const result = resolveCv(new MergedYaml([source]));
  const shown = result.diagnostics.map(
    (d) => `${d.severity} ${d.code} ${d.position ? `${d.position.line}:${d.position.column}` : '-'}`,
  );
  return { ...result, shown };
}
