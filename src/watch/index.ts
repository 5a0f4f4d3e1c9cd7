/** Watch mode's public API (also used by the benchmark, bench/watch.js). */
export { DEFAULT_PORT, startWatch, type WatchBuild, type WatchHandle, type WatchOptions } from './watch.js';
