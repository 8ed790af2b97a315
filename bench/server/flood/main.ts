/**
 * `npx tsx bench/server/flood/main.ts [--backend sqlite|redis] [--reads N] [--rounds N] [--connections N] [--fresh]`
 * The flood scenario alone (bench/server/main.ts runs it with the others); exits 1 when a victim ratio
 * is over its target.
 */
import { parseArgs } from 'node:util';
import { FLOOD_TARGET, formatFloodReport, runFloodBenchmark } from './run';

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const { values } = parseArgs({
  options: {
    backend: { type: 'string', multiple: true },
    reads: { type: 'string' },
    rounds: { type: 'string' },
    connections: { type: 'string' },
    fresh: { type: 'boolean' },
  },
});
const count = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const backends = (values.backend ?? ['sqlite', 'redis']).filter(
  (b): b is 'sqlite' | 'redis' => b === 'sqlite' || b === 'redis',
);
let missed = false;
for (const backend of backends) {
  const report = await runFloodBenchmark({
    backend,
    reads: count(values.reads),
    rounds: count(values.rounds),
    connections: count(values.connections),
    fresh: values.fresh,
  });
  console.log(formatFloodReport(report));
  if (report.ratio.p50Ms > FLOOD_TARGET || report.ratio.p99Ms > FLOOD_TARGET) missed = true;
}
process.exit(missed ? 1 : 0);
