/**
 * `npx tsx bench/server/main.ts [--scenario storage|flood|cluster|expiry ...] [--players N] [--submits N]
 * [--ranks N] [--redis-ops N] [--concurrency N] [--backend sqlite|redis] [--flood-reads N]
 * [--flood-connections N] [--flood-mode mixed|get|post] [--fresh]`
 * Every scenario by default (docs/server.md, "Benchmark"); not part of `npm test`: with the default
 * 1,000,000 players it takes many minutes. Exits 1 when a scenario misses its target.
 */
import { parseArgs } from 'node:util';
import { CLUSTER_SUBMIT_TARGET, formatClusterReport, runClusterBenchmark } from './cluster';
import { expiryTargetMet, formatExpiryReport, runExpiryBenchmark } from './expiry';
import { floodTargetMet, formatFloodReport, runFloodBenchmark } from './flood/run';
import { formatReport, runServerBenchmark } from './index';

// Exit through process.exit so the benchmark's redis-servers are stopped by their exit hooks.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const SCENARIOS = ['storage', 'flood', 'cluster', 'expiry'] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    players: { type: 'string' },
    submits: { type: 'string' },
    ranks: { type: 'string' },
    'redis-ops': { type: 'string' },
    concurrency: { type: 'string' },
    backend: { type: 'string', multiple: true },
    'flood-reads': { type: 'string' },
    'flood-connections': { type: 'string' },
    fresh: { type: 'boolean' },
    'flood-mode': { type: 'string' },
  },
});
const count = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const backends = values.backend?.filter((b): b is 'sqlite' | 'redis' => b === 'sqlite' || b === 'redis');
const scenarios = (values.scenario ?? SCENARIOS).filter((s): s is Scenario =>
  SCENARIOS.includes(s as Scenario),
);
const chosen = backends && backends.length > 0 ? backends : (['sqlite', 'redis'] as const);

let missed = false;
if (scenarios.includes('storage')) {
  const report = await runServerBenchmark({
    players: count(values.players),
    submitOps: count(values.submits),
    rankOps: count(values.ranks),
    redisOps: count(values['redis-ops']),
    concurrency: count(values.concurrency),
    backends: [...chosen],
  });
  console.log(formatReport(report));
}
if (scenarios.includes('flood')) {
  for (const backend of chosen) {
    const report = await runFloodBenchmark({
      backend,
      reads: count(values['flood-reads']),
      connections: count(values['flood-connections']),
      fresh: values.fresh,
      mode:
        values['flood-mode'] === 'get' || values['flood-mode'] === 'post' ? values['flood-mode'] : 'mixed',
    });
    console.log(formatFloodReport(report));
    missed ||= !floodTargetMet(report);
  }
}
if (scenarios.includes('cluster')) {
  const report = await runClusterBenchmark({
    players: count(values.players),
    ops: count(values['redis-ops']),
    concurrency: count(values.concurrency),
  });
  console.log(formatClusterReport(report));
  missed ||= report.submit.ratio < CLUSTER_SUBMIT_TARGET;
}
if (scenarios.includes('expiry')) {
  const report = await runExpiryBenchmark({ players: count(values.players) });
  console.log(formatExpiryReport(report));
  missed ||= !expiryTargetMet(report);
}
process.exit(missed ? 1 : 0);
