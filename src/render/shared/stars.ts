/**
 * Star counts as GitHub shows them (and as the original CV printed them): below 1000 as is, then thousands
 * and millions floored to one decimal, a trailing `.0` dropped: 377, 1k, 1.1k, 13.9k, 999.9k, 1m, 2.5m.
 */

function withUnit(tenths: number, unit: string): string {
  const whole = Math.floor(tenths / 10);
  const fraction = tenths % 10;
  return fraction === 0 ? `${whole}${unit}` : `${whole}.${fraction}${unit}`;
}

/** `377` -> `377`, `1000` -> `1k`, `1299` -> `1.2k`, `13950` -> `13.9k`, `1250000` -> `1.2m`. */
export function formatStarCount(count: number): string {
  if (!Number.isFinite(count)) return String(count);
  const n = Math.trunc(count);
  if (n < 1000) return String(n);
  // Integer arithmetic: floor to tenths without floating-point surprises (1299 / 1000 * 10 = 12.99...).
  if (n < 1_000_000) return withUnit(Math.floor(n / 100), 'k');
  return withUnit(Math.floor(n / 100_000), 'm');
}

/**
 * A section total ("1.2k+ stars"): floored like `formatStarCount`, with `+` meaning "at least" once the
 * number is abbreviated (`1234` -> `1.2k+`, `1000` -> `1k+`); below 1000 it is exact and has no `+`.
 */
export function formatStarTotal(total: number): string {
  const shown = formatStarCount(total);
  return Number.isFinite(total) && Math.trunc(total) >= 1000 ? `${shown}+` : shown;
}
