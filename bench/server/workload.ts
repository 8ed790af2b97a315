/**
 * The workload every storage scenario shares: a million players on the four boards a run writes in the
 * default zone, their ids and scores, and the submit and around-me operations as the routes do them.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { game } from '../../assets/scripts/games/registered';
import type { RunRecord } from '../../assets/scripts/games/runRecord';
import { readAroundPlayer } from '../../server/leaderboards/boardReader';
import { Boards } from '../../server/leaderboards/boards';
import type { ScoreEntry, ScoreStorage } from '../../server/storage/types';
import type { Measurement } from './measure';

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

export const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
export const BOARDS = new Boards();
/** What a run in the default zone writes: the all-time board, then the day, week and month. */
export const RUN_BOARDS = BOARDS.boardsForRun('default', NOW);
export const GLOBAL_BOARD = BOARDS.target('default', 'global', NOW).board;
export const PERIOD_BOARDS = RUN_BOARDS.slice(1).map((write) => write.board);
export const MAX_BENCH_SCORE = 4000;
const SEED_CHUNK = 50_000;

/** 12 zero-padded digits: the same member names redis-benchmark's __rand_int__ produces. */
export function playerId(index: number): string {
  return `p:${String(index).padStart(12, '0')}`;
}

/**
 * Uniform: scores spread evenly over 0..3,999. Tied: like a real game's board, most players on a few
 * low scores (a cube of a uniform number), so a score is shared by thousands of players.
 */
export function benchScore(distribution: Distribution, random: () => number): number {
  const u = random();
  return distribution === 'uniform' ? Math.floor(u * MAX_BENCH_SCORE) : Math.floor(u * u * u * 1000);
}

export function* seedEntries(
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

export function botRuns(count: number): RunRecord[] {
  return Array.from({ length: count }, (_, seed) => {
    const play = game.startLevel(seed + 1, (seed % game.info.levelCount) + 1);
    while (play.status === 'playing') {
      play.botTurn();
      play.advance();
    }
    return play.runRecord();
  });
}

export function submitOp(storage: ScoreStorage, players: number, random: () => number) {
  return () =>
    storage.submitScore(RUN_BOARDS, {
      openId: playerId(Math.floor(random() * players)),
      score: Math.floor(random() * MAX_BENCH_SCORE),
      achievedAt: NOW,
    });
}

export function aroundMeOp(storage: ScoreStorage, players: number, random: () => number) {
  return () => readAroundPlayer(storage, GLOBAL_BOARD, playerId(Math.floor(random() * players)), 10);
}

export function result(
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
