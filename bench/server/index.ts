/**
 * Game server storage benchmark: submit (keep-best on the all-time, daily, weekly and monthly boards of
 * the default zone, every player on all four) and rank (the
 * around-me read: the player's rank, a window of 10 and rank 1) against N seeded players, on SQLite and
 * on Redis, on two score distributions: uniform, and game-like (most players on a few low scores, so
 * many ties). SQLite submits are also measured under 16 concurrent around-me readers. Each backend is
 * compared with a baseline measured in the same run: for SQLite a bare better-sqlite3 table with the
 * same durability settings, for Redis `redis-benchmark` on the same machine and server (the ceiling no
 * client can beat), a bare ioredis client (the floor of one command from Node), and the same commands
 * as ours sent bare; with the CPU each side spends per operation, which the machine's load moves less
 * than throughput.
 */
import { loadavg } from 'node:os';
import { game } from '../../assets/scripts/games/registered';
import { gameReplay } from '../../server/gameReplay';
import { measure } from './measure';
import { benchRedis } from './redis';
import { benchSqlite } from './sqlite';
import {
  botRuns,
  describeMachine,
  type ServerBenchmarkOptions,
  type ServerBenchmarkReport,
} from './workload';

export type { ServerBenchmarkOptions, ServerBenchmarkReport } from './workload';

export function formatReport(report: ServerBenchmarkReport): string {
  const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });
  const lines = [
    `Game server storage, ${n(report.players)} players, ${report.machine}, load average ${report.load.start.toFixed(2)} at start, ${report.load.end.toFixed(2)} at end`,
    `the game's replay of one run (the CPU cost every submission adds): ${n(report.replay.opsPerSecond)} runs/s, p50 ${report.replay.p50Ms.toFixed(2)} ms, p99 ${report.replay.p99Ms.toFixed(2)} ms`,
    '',
    '| backend | operation | ops/s | p50 ms | p99 ms | baseline | baseline ops/s | baseline p50 / p99 ms | ratio |',
    '| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    ...report.results.map(
      (r) =>
        `| ${r.backend} | ${r.operation} | ${n(r.ours.opsPerSecond)} | ${r.ours.p50Ms.toFixed(3)} | ${r.ours.p99Ms.toFixed(3)} | ${r.baselineName} | ${n(r.baseline.opsPerSecond)} | ${r.baseline.p50Ms.toFixed(3)} / ${r.baseline.p99Ms.toFixed(3)} | ${r.ratio.toFixed(2)} |`,
    ),
    ...(report.notes.length > 0 ? ['', ...report.notes] : []),
  ];
  return lines.join('\n');
}

export async function runServerBenchmark(
  options: ServerBenchmarkOptions = {},
): Promise<ServerBenchmarkReport> {
  const resolved: Required<ServerBenchmarkOptions> = {
    players: options.players ?? 1_000_000,
    submitOps: options.submitOps ?? 2_000,
    rankOps: options.rankOps ?? 1_000,
    redisOps: options.redisOps ?? 20_000,
    concurrency: options.concurrency ?? 16,
    backends: options.backends ?? ['sqlite', 'redis'],
    log: options.log ?? ((line) => console.log(line)),
  };
  const runs = botRuns(50);
  const replayRun = gameReplay(game);
  const replay = await measure(500, 1, async (i) => replayRun(runs[i % runs.length]));
  const report: ServerBenchmarkReport = {
    machine: describeMachine(),
    load: { start: loadavg()[0] ?? 0, end: 0 },
    players: resolved.players,
    seedSeconds: {},
    notes: [],
    replay,
    results: [],
  };
  if (resolved.backends.includes('sqlite')) await benchSqlite(resolved, report);
  if (resolved.backends.includes('redis')) await benchRedis(resolved, report);
  report.load.end = loadavg()[0] ?? 0;
  return report;
}
