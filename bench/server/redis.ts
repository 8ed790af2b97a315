/** The Redis half of the storage benchmark (see index.ts). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Redis } from 'ioredis';
import { RedisScoreStorage } from '../../server/storage/redis';
import { openRedis } from '../../server/storage/redisClient';
import { startRedisServer } from '../../tools/redisServer';
import { cpuPerOperation, formatCpu } from './cpu';
import { measure, seededRandom } from './measure';
import { bareAroundMe, bareSubmit } from './redisFloors';
import {
  aroundMeOp,
  GLOBAL_BOARD,
  MAX_BENCH_SCORE,
  NOW,
  PERIOD_BOARDS,
  playerId,
  RUN_BOARDS,
  result,
  type ServerBenchmarkOptions,
  type ServerBenchmarkReport,
  seedEntries,
  submitOp,
} from './workload';

const BENCHMARK_REQUESTS = 100_000;
const REDIS_WARM_UP = 2_000;

async function redisBenchmark(port: number, concurrency: number, players: number, command: string[]) {
  const requests = BENCHMARK_REQUESTS;
  const { stdout } = await promisify(execFile)('redis-benchmark', [
    '-p',
    String(port),
    '-n',
    String(requests),
    '-c',
    String(concurrency),
    '-r',
    String(players),
    '--csv',
    ...command,
  ]);
  const row =
    stdout
      .trim()
      .split('\n')
      .at(-1)
      ?.split(',')
      .map((cell) => cell.replaceAll('"', '')) ?? [];
  // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
  return { ops: requests, opsPerSecond: Number(row[1]), p50Ms: Number(row[4]), p99Ms: Number(row[6]) };
}

export async function benchRedis(options: Required<ServerBenchmarkOptions>, report: ServerBenchmarkReport) {
  const server = await startRedisServer();
  // The server's own client settings (auto-pipelining), for ours and for every bare baseline alike.
  const client = openRedis(server.url, false) as Redis;
  try {
    const storage = new RedisScoreStorage(client);
    const seedStart = performance.now();
    // Every player on every board of the run: the period boards as full as the all-time one (a day on
    // which everyone played), the most a submit can cost.
    // Copied inside Redis (COPY) rather than sent again: seconds instead of a minute of a shared machine.
    for (const chunk of seedEntries(options.players, seededRandom(1)))
      await storage.seed(GLOBAL_BOARD, chunk);
    for (const board of PERIOD_BOARDS) {
      await client.copy(storage.keys.scores(GLOBAL_BOARD), storage.keys.scores(board), 'REPLACE');
    }
    report.seedSeconds.redis = (performance.now() - seedStart) / 1000;
    options.log(
      `redis: seeded ${options.players} players on ${1 + PERIOD_BOARDS.length} boards in ${report.seedSeconds.redis.toFixed(1)} s`,
    );
    const boardKey = storage.keys.scores(GLOBAL_BOARD);
    const random = seededRandom(7);
    const ops = options.redisOps;
    // Unmeasured first: the first thousands of calls run unoptimised code and load the scripts.
    await measure(REDIS_WARM_UP, options.concurrency, submitOp(storage, options.players, random));
    await measure(REDIS_WARM_UP, options.concurrency, aroundMeOp(storage, options.players, random));
    // What Redis itself spends per call of each command (INFO commandstats), and per operation in all.
    await client.config('RESETSTAT');
    const submit = await cpuPerOperation(client, ops, () =>
      measure(ops, options.concurrency, submitOp(storage, options.players, random)),
    );
    const submitCalls = await commandCosts(client);
    await client.config('RESETSTAT');
    const rank = await cpuPerOperation(client, ops, () =>
      measure(ops, options.concurrency, aroundMeOp(storage, options.players, random)),
    );
    const rankCalls = await commandCosts(client);
    // The same work as bare commands (one MULTI per submit, three round trips per around-me).
    const pick = seededRandom(11);
    const anyone = () => playerId(Math.floor(pick() * options.players));
    const submitBare = bareSubmit(client, storage.keys, RUN_BOARDS, NOW);
    const aroundBare = bareAroundMe(client, boardKey, storage.keys.names(GLOBAL_BOARD), 4, 11);
    await measure(REDIS_WARM_UP, options.concurrency, () =>
      submitBare(anyone(), Math.floor(pick() * MAX_BENCH_SCORE)),
    );
    const sameSubmit = await cpuPerOperation(client, ops, () =>
      measure(ops, options.concurrency, () => submitBare(anyone(), Math.floor(pick() * MAX_BENCH_SCORE))),
    );
    const sameAround = await cpuPerOperation(client, ops, () =>
      measure(ops, options.concurrency, () => aroundBare(anyone())),
    );
    // The floor: one bare command per request from this same Node process and client library.
    const floorOps = ops;
    const floorZadd = await cpuPerOperation(client, floorOps, () =>
      measure(floorOps, options.concurrency, () =>
        client.zadd(
          'lb:floor',
          'LT',
          Math.floor(pick() * options.players),
          playerId(Math.floor(pick() * options.players)),
        ),
      ),
    );
    const floorZrank = await cpuPerOperation(client, floorOps, () =>
      measure(floorOps, options.concurrency, () =>
        client.zrank(boardKey, playerId(Math.floor(pick() * options.players))),
      ),
    );
    const zadd = await cpuPerOperation(client, BENCHMARK_REQUESTS, () =>
      redisBenchmark(server.port, options.concurrency, options.players, [
        'ZADD',
        'lb:ceiling',
        'LT',
        '__rand_int__',
        'p:__rand_int__',
      ]),
    );
    const zrank = await cpuPerOperation(client, BENCHMARK_REQUESTS, () =>
      redisBenchmark(server.port, options.concurrency, options.players, [
        'ZRANK',
        boardKey,
        'p:__rand_int__',
      ]),
    );
    report.notes.push(
      `Redis time per call inside the scripts (µs, INFO commandstats): submits: ${submitCalls}; around-me: ${rankCalls}`,
      `CPU per operation: ${[
        formatCpu('submit', submit.cpu),
        formatCpu('around-me', rank.cpu),
        formatCpu('same submit as bare commands', sameSubmit.cpu),
        formatCpu('same around-me as bare commands', sameAround.cpu),
        formatCpu('bare ioredis ZADD LT', floorZadd.cpu),
        formatCpu('bare ioredis ZRANK', floorZrank.cpu),
        formatCpu('redis-benchmark ZADD LT', zadd.cpu, false),
        formatCpu('redis-benchmark ZRANK', zrank.cpu, false),
      ].join('; ')}`,
    );
    for (const note of report.notes) options.log(`redis: ${note}`);
    const ours = { submit: submit.value, rank: rank.value };
    report.results.push(
      result('redis', 'submit', ours.submit, 'redis-benchmark ZADD LT (ceiling)', zadd.value),
      result('redis', 'around-me (uniform)', ours.rank, 'redis-benchmark ZRANK (ceiling)', zrank.value),
      result(
        'redis',
        'bare ioredis ZADD LT',
        floorZadd.value,
        'redis-benchmark ZADD LT (ceiling)',
        zadd.value,
      ),
      result('redis', 'bare ioredis ZRANK', floorZrank.value, 'redis-benchmark ZRANK (ceiling)', zrank.value),
      result('redis', 'submit', ours.submit, 'bare ioredis ZADD LT (floor)', floorZadd.value),
      result('redis', 'around-me (uniform)', ours.rank, 'bare ioredis ZRANK (floor)', floorZrank.value),
      result('redis', 'submit', ours.submit, 'same commands bare, 1 MULTI', sameSubmit.value),
      result(
        'redis',
        'around-me (uniform)',
        ours.rank,
        'same commands bare, 3 round trips',
        sameAround.value,
      ),
    );
  } finally {
    await client.quit();
    await server.stop();
  }
}

/** `evalsha 41.2, zadd 3.1, ...`: microseconds per call of each command Redis ran, scripts included. */
export async function commandCosts(client: Redis): Promise<string> {
  const info = await client.info('commandstats');
  const costs: string[] = [];
  for (const match of info.matchAll(/^cmdstat_(\w+):calls=(\d+),usec=\d+,usec_per_call=([\d.]+)/gm)) {
    const [, command, calls, perCall] = match;
    if (command === 'config' || command === 'info') continue;
    costs.push(`${command} ${Number(perCall).toFixed(1)} (${calls} calls)`);
  }
  return costs.join(', ');
}
