/** The SQLite half of the storage benchmark (see index.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteScoreStorage } from '../../server/storage/sqlite';
import type { ScoreStorage } from '../../server/storage/types';
import { measure, seededRandom } from './measure';
import {
  aroundMeOp,
  type Distribution,
  GLOBAL_BOARD,
  MAX_BENCH_SCORE,
  PERIOD_BOARDS,
  playerId,
  result,
  type ServerBenchmarkOptions,
  type ServerBenchmarkReport,
  seedEntries,
  submitOp,
} from './workload';

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

export async function benchSqlite(options: Required<ServerBenchmarkOptions>, report: ServerBenchmarkReport) {
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
