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
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { game } from '../../assets/scripts/games/registered';
import type { RunRecord } from '../../assets/scripts/games/runRecord';
import { gameReplay } from '../../server/gameReplay';
import { readAroundPlayer } from '../../server/leaderboards/boardReader';
import { Boards } from '../../server/leaderboards/boards';
import { RedisScoreStorage } from '../../server/storage/redis';
import { SqliteScoreStorage } from '../../server/storage/sqlite';
import type { ScoreEntry, ScoreStorage } from '../../server/storage/types';
import { startRedisServer } from '../../tools/redisServer';
import { cpuPerOperation, formatCpu } from './cpu';
import { type Measurement, measure, seededRandom } from './measure';
import { bareAroundMe, bareSubmit } from './redisFloors';

export interface ServerBenchmarkOptions {
  players?: number;
  submitOps?: number;
  rankOps?: number;
  /** Submits and around-me reads measured on Redis (each, after a warm-up). */
  redisOps?: number;
  /** Requests in flight against Redis (and redis-benchmark's -c). SQLite is synchronous: always 1. */
  concurrency?: number;
  backends?: ('sqlite' | 'redis')[];
  log?: (line: string) => void;
}

export type Distribution = 'uniform' | 'tied';

export interface OperationResult {
  backend: 'sqlite' | 'redis';
  operation: string;
  ours: Measurement;
  baselineName: string;
  baseline: Measurement;
  /** ours.opsPerSecond / baseline.opsPerSecond */
  ratio: number;
}

export interface ServerBenchmarkReport {
  machine: string;
  /** Load average (1 min) when the benchmark started and when it ended. */
  load: { start: number; end: number };
  players: number;
  seedSeconds: Record<string, number>;
  /** Lines printed under the table. */
  notes: string[];
  replay: Measurement;
  results: OperationResult[];
}

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const BOARDS = new Boards();
/** What a run in the default zone writes: the all-time board, then the day, week and month. */
const RUN_BOARDS = BOARDS.boardsForRun('default', NOW);
const GLOBAL_BOARD = BOARDS.target('default', 'global', NOW).board;
const PERIOD_BOARDS = RUN_BOARDS.slice(1).map((write) => write.board);
const MAX_BENCH_SCORE = 4000;
const SEED_CHUNK = 50_000;

/** 12 zero-padded digits: the same member names redis-benchmark's __rand_int__ produces. */
function playerId(index: number): string {
  return `p:${String(index).padStart(12, '0')}`;
}

/**
 * Uniform: scores spread evenly over 0..3,999. Tied: like a real game's board, most players on a few
 * low scores (a cube of a uniform number), so a score is shared by thousands of players.
 */
function benchScore(distribution: Distribution, random: () => number): number {
  const u = random();
  return distribution === 'uniform' ? Math.floor(u * MAX_BENCH_SCORE) : Math.floor(u * u * u * 1000);
}

function* seedEntries(
  players: number,
  random: () => number,
  distribution: Distribution = 'uniform',
): Generator<ScoreEntry[]> {
  for (let start = 0; start < players; start += SEED_CHUNK) {
    const chunk: ScoreEntry[] = [];
    for (let i = start; i < Math.min(players, start + SEED_CHUNK); i++) {
      chunk.push({
        openId: playerId(i),
        score: benchScore(distribution, random),
        achievedAt: NOW - Math.floor(random() * 6 * 24 * 3600 * 1000),
      });
    }
    yield chunk;
  }
}

export function describeMachine(): string {
  const cpuInfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${model.trim()}, Node ${process.version}`;
}

function botRuns(count: number): RunRecord[] {
  return Array.from({ length: count }, (_, seed) => {
    const play = game.startLevel(seed + 1, (seed % game.info.levelCount) + 1);
    while (play.status === 'playing') {
      play.botTurn();
      play.advance();
    }
    return play.runRecord();
  });
}

function submitOp(storage: ScoreStorage, players: number, random: () => number) {
  return () =>
    storage.submitScore(RUN_BOARDS, {
      openId: playerId(Math.floor(random() * players)),
      score: Math.floor(random() * MAX_BENCH_SCORE),
      achievedAt: NOW,
    });
}

function aroundMeOp(storage: ScoreStorage, players: number, random: () => number) {
  return () => readAroundPlayer(storage, GLOBAL_BOARD, playerId(Math.floor(random() * players)), 10);
}

async function storageOps(
  storage: ScoreStorage,
  options: Required<ServerBenchmarkOptions>,
  concurrency: number,
) {
  const random = seededRandom(7);
  const submit = await measure(options.submitOps, concurrency, submitOp(storage, options.players, random));
  const rank = await measure(options.rankOps, concurrency, aroundMeOp(storage, options.players, random));
  return { submit, rank };
}

const READERS = 16;

/**
 * Submits, one at a time, while 16 readers read around-me as fast as they can. Each reader yields to
 * the event loop between reads, as requests arriving over HTTP do, so a submit's answer is handled
 * between reads rather than after all of them.
 */
async function submitsUnderReaders(
  storage: ScoreStorage,
  options: Required<ServerBenchmarkOptions>,
  inFlight: number,
  operation: () => Promise<unknown> = submitOp(storage, options.players, seededRandom(9)),
) {
  let running = true;
  const reads: number[] = [];
  const readAround = aroundMeOp(storage, options.players, seededRandom(10));
  const reader = async () => {
    while (running) {
      const begin = performance.now();
      await readAround();
      reads.push(performance.now() - begin);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const readers = Array.from({ length: READERS }, reader);
  const submit = await measure(options.submitOps, inFlight, operation);
  running = false;
  await Promise.all(readers);
  reads.sort((a, b) => a - b);
  return { submit, reads: reads.length, readP99Ms: reads[Math.floor(reads.length * 0.99)] ?? 0 };
}

/**
 * The bare durable upsert, done on a thread of its own as our writer thread does: the least a submission
 * answered by another thread costs, with the same wait for the event loop's turn.
 */
function threadUpsert(
  file: string,
  players: number,
): { op: () => Promise<unknown>; close: () => Promise<number> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const db = new (require('better-sqlite3'))(workerData.file);
     db.pragma('journal_mode = WAL');
     db.pragma('synchronous = FULL');
     db.exec('CREATE TABLE IF NOT EXISTS best (open_id TEXT PRIMARY KEY, score INTEGER NOT NULL) WITHOUT ROWID');
     const upsert = db.prepare('INSERT OR REPLACE INTO best (open_id, score) VALUES (?, ?)');
     parentPort.on('message', ([openId, score]) => parentPort.postMessage(upsert.run(openId, score).changes));`,
    { eval: true, workerData: { file } },
  );
  const random = seededRandom(13);
  let answer: (() => void) | null = null;
  worker.on('message', () => answer?.());
  return {
    op: () =>
      new Promise<void>((resolve) => {
        answer = resolve;
        worker.postMessage([
          playerId(Math.floor(random() * players)),
          Math.floor(random() * MAX_BENCH_SCORE),
        ]);
      }),
    close: () => worker.terminate(),
  };
}

async function seedSqlite(
  file: string,
  boards: string[],
  options: Required<ServerBenchmarkOptions>,
  distribution: Distribution,
) {
  const storage = new SqliteScoreStorage(file);
  for (const board of boards) {
    for (const chunk of seedEntries(options.players, seededRandom(1), distribution))
      storage.seed(board, chunk);
  }
  storage.warm(boards);
  return storage;
}

async function benchSqlite(options: Required<ServerBenchmarkOptions>, report: ServerBenchmarkReport) {
  const dir = mkdtempSync(join(tmpdir(), 'lb-bench-sqlite-'));
  try {
    const seedStart = performance.now();
    const storage = await seedSqlite(
      join(dir, 'scores.db'),
      [GLOBAL_BOARD, ...PERIOD_BOARDS],
      options,
      'uniform',
    );
    report.seedSeconds.sqlite = (performance.now() - seedStart) / 1000;
    options.log(
      `sqlite: seeded ${options.players} players on ${1 + PERIOD_BOARDS.length} boards in ${report.seedSeconds.sqlite.toFixed(1)} s`,
    );
    const ours = await storageOps(storage, options, 1);
    // One submit at a time (as before the writer thread), and 16 in flight as many players send them.
    const together = await measure(
      options.submitOps,
      options.concurrency,
      submitOp(storage, options.players, seededRandom(12)),
    );
    const underReaders = await submitsUnderReaders(storage, options, 1);
    const togetherUnderReaders = await submitsUnderReaders(storage, options, options.concurrency);
    // The floor of "one submission at a time under readers": a submit is answered by the writer thread,
    // and the answer waits for the event loop's next turn, which the readers fill. A bare durable upsert
    // on a thread pays that wait and the least work.
    const threaded = threadUpsert(join(dir, 'threaded.db'), options.players);
    const threadedAlone = await measure(options.submitOps, 1, threaded.op);
    const threadedUnderReaders = await submitsUnderReaders(storage, options, 1, threaded.op);
    await threaded.close();
    for (const [label, run] of [
      ['1 submit', underReaders],
      [`${options.concurrency} submits`, togetherUnderReaders],
    ] as const) {
      options.log(
        `sqlite: ${run.reads} around-me reads (p99 ${run.readP99Ms.toFixed(3)} ms) by ${READERS} readers during ${label} in flight`,
      );
    }
    await storage.close();

    const tied = await seedSqlite(join(dir, 'tied.db'), [GLOBAL_BOARD], options, 'tied');
    const tiedRank = await measure(options.rankOps, 1, aroundMeOp(tied, options.players, seededRandom(8)));
    await tied.close();

    // Baseline: the least a durable keyed write and read can cost here, same file system and pragmas.
    const raw = new Database(join(dir, 'baseline.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec('CREATE TABLE best (open_id TEXT PRIMARY KEY, score INTEGER NOT NULL) WITHOUT ROWID');
    const insert = raw.prepare('INSERT OR REPLACE INTO best (open_id, score) VALUES (?, ?)');
    for (const chunk of seedEntries(options.players, seededRandom(1))) {
      raw.transaction(() => {
        for (const e of chunk) insert.run(e.openId, e.score);
      })();
    }
    const lookup = raw.prepare('SELECT score FROM best WHERE open_id = ?');
    const random = seededRandom(7);
    const pick = () => playerId(Math.floor(random() * options.players));
    const baseSubmit = await measure(options.submitOps, 1, async () =>
      insert.run(pick(), Math.floor(random() * MAX_BENCH_SCORE)),
    );
    const baseRank = await measure(options.rankOps, 1, async () => lookup.get(pick()));
    raw.close();
    const name = 'better-sqlite3';
    report.results.push(
      result('sqlite', 'submit', ours.submit, `${name} durable upsert`, baseSubmit),
      result('sqlite', `submit ×${options.concurrency}`, together, `${name} durable upsert`, baseSubmit),
      result('sqlite', 'submit, 16 readers', underReaders.submit, 'sqlite submit alone', ours.submit),
      result(
        'sqlite',
        'bare upsert on a thread, 16 readers (floor)',
        threadedUnderReaders.submit,
        'bare upsert on a thread alone',
        threadedAlone,
      ),
      result(
        'sqlite',
        `submit ×${options.concurrency}, 16 readers`,
        togetherUnderReaders.submit,
        `sqlite submit ×${options.concurrency} alone`,
        together,
      ),
      result('sqlite', 'around-me (uniform)', ours.rank, `${name} point read`, baseRank),
      result('sqlite', 'around-me (tied)', tiedRank, `${name} point read`, baseRank),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

async function benchRedis(options: Required<ServerBenchmarkOptions>, report: ServerBenchmarkReport) {
  const server = await startRedisServer();
  const client = new Redis(server.url);
  try {
    const storage = new RedisScoreStorage(client);
    const seedStart = performance.now();
    // Every player on every board of the run: the period boards as full as the all-time one (a day on
    // which everyone played), the most a submit can cost.
    // Copied inside Redis (COPY) rather than sent again: seconds instead of a minute of a shared machine.
    for (const chunk of seedEntries(options.players, seededRandom(1)))
      await storage.seed(GLOBAL_BOARD, chunk);
    for (const board of PERIOD_BOARDS) {
      await client.copy(`{leaderboard}:board:${GLOBAL_BOARD}`, `{leaderboard}:board:${board}`, 'REPLACE');
    }
    report.seedSeconds.redis = (performance.now() - seedStart) / 1000;
    options.log(
      `redis: seeded ${options.players} players on ${1 + PERIOD_BOARDS.length} boards in ${report.seedSeconds.redis.toFixed(1)} s`,
    );
    const boardKey = `{leaderboard}:board:${GLOBAL_BOARD}`;
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
    const boardKeys = RUN_BOARDS.map((write) => `{leaderboard}:board:${write.board}`);
    const submitBare = bareSubmit(client, boardKeys, NOW);
    const aroundBare = bareAroundMe(client, boardKey, '{leaderboard}:profiles', 4, 11);
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
          '{leaderboard}:floor',
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
        '{leaderboard}:ceiling',
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
async function commandCosts(client: Redis): Promise<string> {
  const info = await client.info('commandstats');
  const costs: string[] = [];
  for (const match of info.matchAll(/^cmdstat_(\w+):calls=(\d+),usec=\d+,usec_per_call=([\d.]+)/gm)) {
    const [, command, calls, perCall] = match;
    if (command === 'config' || command === 'info') continue;
    costs.push(`${command} ${Number(perCall).toFixed(1)} (${calls} calls)`);
  }
  return costs.join(', ');
}

function result(
  backend: 'sqlite' | 'redis',
  operation: string,
  ours: Measurement,
  baselineName: string,
  baseline: Measurement,
): OperationResult {
  return {
    backend,
    operation,
    ours,
    baselineName,
    baseline,
    ratio: ours.opsPerSecond / baseline.opsPerSecond,
  };
}

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
