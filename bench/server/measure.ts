import { performance } from 'node:perf_hooks';

export interface Measurement {
  ops: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** The value at `fraction` of an ascending list (0.5 the median, 0.99 the p99). */
export function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** Runs `operation(i)` `ops` times with up to `concurrency` in flight; latency is per call, queueing included. */
export async function measure(
  ops: number,
  concurrency: number,
  operation: (index: number) => Promise<unknown>,
): Promise<Measurement> {
  const latencies: number[] = new Array(ops);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < ops) {
      const index = next++;
      const begin = performance.now();
      await operation(index);
      latencies[index] = performance.now() - begin;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ops) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    ops,
    opsPerSecond: ops / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}

/** Deterministic pseudo-random numbers, so every run of the benchmark does the same work. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
