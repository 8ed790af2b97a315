/**
 * A run record is everything needed to replay one level: the seed, the level and the player's steering
 * as `[tick, lane]` pairs (only the ticks where the chosen lane changed). A 25-second level with a busy
 * thumb stays well under a kilobyte of JSON.
 *
 * `parseRunRecord` is the gate for records that come from outside (the game server receives them from
 * clients): it checks types, bounds and the order of ticks, and never throws.
 */
import { LEVEL_COUNT, LEVELS, MAX_LEVEL_TICKS } from './levels';

/** `[tick, lane]`: from `tick` on, the ship steers to `lane`. */
export type SteerInput = readonly [tick: number, lane: number];

export interface RunRecord {
  readonly v: 1;
  /** Unsigned 32-bit seed of the level's RNG. */
  readonly seed: number;
  /** 1-based level number. */
  readonly level: number;
  /** Strictly increasing ticks, each below the level's length. */
  readonly inputs: readonly SteerInput[];
  /** The score the client saw; the server replays the run and compares. */
  readonly claimedScore: number;
}

/** At most one input per tick fits in a level, so the longest level bounds the log. */
export const MAX_RUN_INPUTS = MAX_LEVEL_TICKS;
/** Far above any reachable score (about 4,000 on level 5), to reject absurd claims before a replay. */
export const MAX_CLAIMED_SCORE = 1_000_000;
export const MAX_SEED = 0xffffffff;

const RECORD_KEYS = new Set(['v', 'seed', 'level', 'inputs', 'claimedScore']);

export type ParseRunRecordResult = { ok: true; run: RunRecord } | { ok: false; error: string };

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function parseRunRecord(value: unknown): ParseRunRecordResult {
  const fail = (error: string): ParseRunRecordResult => ({
    ok: false,
    error: `invalid run record: ${error}`,
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('not an object');
  const record = value as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !RECORD_KEYS.has(key));
  if (unknownKey !== undefined) return fail(`unknown field "${unknownKey.slice(0, 40)}"`);
  if (record.v !== 1) return fail('v must be 1');
  if (!isIntegerIn(record.seed, 0, MAX_SEED)) return fail(`seed must be an integer from 0 to ${MAX_SEED}`);
  if (!isIntegerIn(record.level, 1, LEVEL_COUNT))
    return fail(`level must be an integer from 1 to ${LEVEL_COUNT}`);
  if (!isIntegerIn(record.claimedScore, 0, MAX_CLAIMED_SCORE)) {
    return fail(`claimedScore must be an integer from 0 to ${MAX_CLAIMED_SCORE}`);
  }
  const inputs = record.inputs;
  if (!Array.isArray(inputs)) return fail('inputs must be an array');
  if (inputs.length > MAX_RUN_INPUTS)
    return fail(`inputs has ${inputs.length} entries, at most ${MAX_RUN_INPUTS}`);
  const level = LEVELS[record.level - 1];
  if (!level) return fail('unknown level');
  const parsed: SteerInput[] = [];
  let previousTick = -1;
  for (let index = 0; index < inputs.length; index += 1) {
    const entry: unknown = inputs[index];
    if (!Array.isArray(entry) || entry.length !== 2)
      return fail(`inputs[${index}] must be a [tick, lane] pair`);
    const [tick, lane] = entry as unknown[];
    if (!isIntegerIn(tick, 0, level.lengthTicks - 1)) {
      return fail(`inputs[${index}] tick must be an integer from 0 to ${level.lengthTicks - 1}`);
    }
    if (tick <= previousTick) return fail(`inputs[${index}] tick ${tick} is not after tick ${previousTick}`);
    if (!isIntegerIn(lane, 0, level.lanes - 1)) {
      return fail(`inputs[${index}] lane must be an integer from 0 to ${level.lanes - 1}`);
    }
    parsed.push([tick, lane]);
    previousTick = tick;
  }
  return {
    ok: true,
    run: { v: 1, seed: record.seed, level: record.level, inputs: parsed, claimedScore: record.claimedScore },
  };
}
