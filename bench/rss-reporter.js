// Loaded with `node --import` by the benchmark: reports the process's peak resident memory at exit.
import { writeFileSync } from 'node:fs';

const target = process.env.VITA_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
