/** `order`, `order_md` and `order_latex`: which sections each layout shows, in which order, with which title. */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { LayoutEntry } from '../model/cv.js';
import { closestMatch } from '../util/did-you-mean.js';
import { readableKey } from '../util/readable-key.js';
import type { MergedYaml } from './merged-yaml.js';
import { TOP_LEVEL_KEYS } from './top-level.js';
import { richAt } from './values.js';

export function resolveLayout(
  orderKey: 'order' | 'order_md' | 'order_latex',
  order: readonly (readonly [string, string | null])[] | null | undefined,
  sectionKeys: readonly string[],
  merged: MergedYaml,
  bag: DiagnosticBag,
): LayoutEntry[] {
  if (!order) {
    return sectionKeys.map((key) => ({
      kind: 'section',
      key,
      title: [{ type: 'text', value: readableKey(key) }],
    }));
  }
  const entries: LayoutEntry[] = [];
  order.forEach(([key, title], i) => {
    if (key === 'NEWPAGE') {
      entries.push({ kind: 'newpage' });
      return;
    }
    if (!Object.hasOwn(merged.data, key) || TOP_LEVEL_KEYS.has(key)) {
      const suggestion = closestMatch(key, sectionKeys);
      bag.error({
        code: 'order-unknown-section',
        message: `\`${orderKey}\` names section \`${key}\`, which is not in the file`,
        position: merged.positionOf([orderKey, i, 0]),
        hints: suggestion
          ? [`did you mean \`${suggestion}\`?`]
          : [`sections in the file: ${sectionKeys.join(', ') || 'none'}`],
      });
      return;
    }
    const heading = title === null || title === 'NONE' ? null : richAt(title, [orderKey, i, 1], merged, bag);
    entries.push({ kind: 'section', key, title: heading });
  });
  return entries;
}
