/** A YAML key as a heading or label: `area_chair` -> `Area chair`, `open-source` -> `Open source`. */
export function readableKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
