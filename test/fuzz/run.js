/**
 * The fuzz runner: inputs `start` .. `start + count - 1` of `seed` (mutate.js) through the library's
 * `renderCv` in worker threads, each input with a time limit, counted by outcome. Good outcomes: `clean`,
 * `warnings`, `errors` (normal diagnostics). Bad ones, each a finding: `throw` (an exception left
 * `renderCv`), `hang` (no answer within the limit, twice: the worker is terminated), `crash` (the worker
 * died: out of memory, a native fault), `internal` (an `internal` diagnostic), `bad-position` (a
 * diagnostic at a line or column the file does not have).
 *
 * An input that runs out of time is run once more in a fresh worker (a busy machine can make a slow input
 * miss the limit once); it is a hang when it runs out of time again. `retried` counts those inputs.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export const GOOD = ['clean', 'warnings', 'errors'];
export const BAD = ['throw', 'hang', 'crash', 'internal', 'bad-position'];

const WORKER = path.join(import.meta.dirname, 'worker.js');

/**
 * @param {{ seed: number, count: number, start?: number, workers?: number, timeoutMs?: number,
 *   pdfEvery?: number, memoryMb?: number, onDone?: (r: object) => void }} options
 */
export async function runFuzz(options) {
  const { seed, count } = options;
  const start = options.start ?? 0;
  const timeoutMs = options.timeoutMs ?? 5000;
  const counts = Object.fromEntries([...GOOD, ...BAD].map((o) => [o, 0]));
  /** Outcome counts by the kind of file mutated (yaml, bibtex). */
  const byKind = {};
  const findings = [];
  let next = start;
  const end = start + count;
  /** Inputs that ran out of time once, to run again. */
  const again = [];
  const retriedInputs = new Set();
  /** Inputs being run now, by all lanes: one may still time out and come back to `again`. */
  let running = 0;
  let slowest = { ms: 0, index: -1, description: '' };
  const began = performance.now();

  const record = (index, outcome, description, kind, detail, ms) => {
    counts[outcome]++;
    byKind[kind] ??= Object.fromEntries([...GOOD, ...BAD].map((o) => [o, 0]));
    byKind[kind][outcome]++;
    if (ms > slowest.ms) slowest = { ms, index, description };
    if (BAD.includes(outcome)) findings.push({ index, outcome, description, detail });
    options.onDone?.({ index, outcome, description, ms });
  };

  const lane = () =>
    new Promise((resolveLane) => {
      let worker;
      let root;
      let current;
      let timer;
      const spawn = () => {
        worker = new Worker(WORKER, {
          workerData: { seed, pdfEvery: options.pdfEvery ?? 10 },
          resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? 1536 },
        });
        worker.on('message', onMessage);
        worker.on('error', (cause) => fail('crash', String(cause?.message ?? cause)));
        worker.on('exit', () => {
          if (current) fail('crash', 'the worker exited');
        });
      };
      const dispatch = () => {
        const index = again.length > 0 ? again.shift() : next < end ? next++ : undefined;
        if (index === undefined) {
          current = undefined;
          // Another lane's input may still time out and come back: wait for it before stopping.
          if (running > 0) {
            setTimeout(dispatch, 50);
            return;
          }
          worker.postMessage({ type: 'stop' });
          resolveLane();
          return;
        }
        running++;
        current = { index, description: `input ${index}`, kind: 'unknown', started: performance.now() };
        worker.postMessage({ type: 'run', index });
        timer = setTimeout(() => fail('hang', `no answer within ${timeoutMs} ms`), timeoutMs);
      };
      const fail = (outcome, detail) => {
        if (!current) return;
        clearTimeout(timer);
        const failed = current;
        current = undefined;
        running--;
        if (outcome === 'hang' && !retriedInputs.has(failed.index)) {
          retriedInputs.add(failed.index);
          again.push(failed.index);
        } else
          record(
            failed.index,
            outcome,
            failed.description,
            failed.kind,
            detail,
            performance.now() - failed.started,
          );
        const dead = worker;
        dead.removeAllListeners();
        void dead.terminate();
        if (root) rmSync(root, { recursive: true, force: true });
        spawn();
      };
      function onMessage(message) {
        if (message.type === 'ready') {
          root = message.root;
          dispatch();
        } else if (message.type === 'start' && current?.index === message.index) {
          current.description = message.description;
          current.kind = message.kind;
        } else if (message.type === 'done' && current?.index === message.index) {
          clearTimeout(timer);
          running--;
          record(
            message.index,
            message.outcome,
            current.description,
            current.kind,
            message.detail,
            message.ms,
          );
          dispatch();
        }
      }
      spawn();
    });

  await Promise.all(Array.from({ length: options.workers ?? 2 }, lane));
  return {
    seed,
    start,
    count,
    counts,
    byKind,
    findings,
    slowest,
    retried: retriedInputs.size,
    seconds: (performance.now() - began) / 1000,
  };
}
