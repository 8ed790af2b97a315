/**
 * `npx tsx bench/server/main.ts [--players N] [--submits N] [--ranks N] [--redis-ops N] [--concurrency N] [--backend sqlite|redis]`
 * Not part of `npm test`: with the default 1,000,000 players it takes minutes.
 */
import { parseArgs } from 'node:util';
import { formatReport, runServerBenchmark } from './index';

// Exit through process.exit so the benchmark's redis-server is stopped by its exit hook.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const { values } = parseArgs({
  options: {
    players: { type: 'string' },
    submits: { type: 'string' },
    ranks: { type: 'string' },
    'redis-ops': { type: 'string' },
    concurrency: { type: 'string' },
    backend: { type: 'string', multiple: true },
  },
});
const count = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const backends = values.backend?.filter((b): b is 'sqlite' | 'redis' => b === 'sqlite' || b === 'redis');

const report = await runServerBenchmark({
  players: count(values.players),
  submitOps: count(values.submits),
  rankOps: count(values.ranks),
  redisOps: count(values['redis-ops']),
  concurrency: count(values.concurrency),
  backends: backends && backends.length > 0 ? backends : undefined,
});
console.log(formatReport(report));
