/**
 * A run record is everything needed to replay one level of any game: the seed, the level and the
 * player's inputs as `[tick, value]` pairs (only the ticks where the input changed), with the score the
 * player saw. What a value means is the game's business (a lane in Star Lanes, a tap in Star Tap).
 *
 * `parseRunRecord` is the gate for records that come from outside (the game server receives them from
 * clients): it checks types, the game's bounds and the order of ticks, and never throws.
 */
import { scoreProblem } from './scoreLimit';

/** `[tick, value]`: from `tick` on, the player's input is `value`. */
export type RunInput = readonly [tick: number, value: number];

export interface RunRecord {
  readonly v: 1;
  /** Unsigned 32-bit seed of the level's random numbers. */
  readonly seed: number;
  /** 1-based level number. */
  readonly level: number;
  /** Strictly increasing ticks, each below the level's length. */
  readonly inputs: readonly RunInput[];
  /** The score the client saw; the server replays the run and compares. */
  readonly claimedScore: number;
}

export const MAX_SEED = 0xffffffff;

/** The widest run record a level allows: at most one input per tick, values from 0 to largestInput. */
export interface LevelBounds {
  readonly ticks: number;
  readonly largestInput: number;
}

/** What the parser needs of a game (a GameDefinition has it): its levels, their bounds, its score limit. */
export interface RunRules {
  readonly info: { readonly levelCount: number; readonly scoreLimit: number };
  levelBounds(level: number): LevelBounds;
}

/** At most one input per tick, so the longest level bounds every record's inputs. */
export function maxRunInputs(rules: RunRules): number {
  let most = 0;
  for (let level = 1; level <= rules.info.levelCount; level += 1) {
    most = Math.max(most, rules.levelBounds(level).ticks);
  }
  return most;
}

const RECORD_KEYS = new Set(['v', 'seed', 'level', 'inputs', 'claimedScore']);

export type ParseRunRecordResult = { ok: true; run: RunRecord } | { ok: false; error: string };

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function parseRunRecord(value: unknown, rules: RunRules): ParseRunRecordResult {
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
  const { levelCount, scoreLimit } = rules.info;
  if (!isIntegerIn(record.level, 1, levelCount))
    return fail(`level must be an integer from 1 to ${levelCount}`);
  const claimProblem = scoreProblem(record.claimedScore, scoreLimit);
  if (claimProblem !== null) return fail(`claimedScore: ${claimProblem}`);
  const inputs = record.inputs;
  if (!Array.isArray(inputs)) return fail('inputs must be an array');
  const { ticks, largestInput } = rules.levelBounds(record.level);
  if (inputs.length > ticks) return fail(`inputs has ${inputs.length} entries, at most ${ticks}`);
  const parsed: RunInput[] = [];
  let previousTick = -1;
  for (let index = 0; index < inputs.length; index += 1) {
    const entry: unknown = inputs[index];
    if (!Array.isArray(entry) || entry.length !== 2)
      return fail(`inputs[${index}] must be a [tick, value] pair`);
    const [tick, input] = entry as unknown[];
    if (!isIntegerIn(tick, 0, ticks - 1)) {
      return fail(`inputs[${index}] tick must be an integer from 0 to ${ticks - 1}`);
    }
    if (tick <= previousTick) return fail(`inputs[${index}] tick ${tick} is not after tick ${previousTick}`);
    if (!isIntegerIn(input, 0, largestInput)) {
      return fail(`inputs[${index}] value must be an integer from 0 to ${largestInput}`);
    }
    parsed.push([tick, input]);
    previousTick = tick;
  }
  return {
    ok: true,
    run: {
      v: 1,
      seed: record.seed,
      level: record.level,
      inputs: parsed,
      claimedScore: record.claimedScore as number,
    },
  };
}
