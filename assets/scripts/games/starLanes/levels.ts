/**
 * The five levels of Star Lanes. All distances are integer field units (one lane is 100 units wide,
 * the field is 1600 units tall) and all times are simulation ticks (60 per second), so the simulation
 * never touches floating point.
 */
export interface LevelConfig {
  /** 1-based level number, as shown to the player and stored in run records. */
  readonly number: number;
  readonly lanes: number;
  /** How far falling objects move per tick. */
  readonly fallSpeed: number;
  /** A new row of rocks and stars appears every `rowEvery` ticks. */
  readonly rowEvery: number;
  /** Chance, in percent, that a lane of a new row holds a rock (at least one lane always stays free). */
  readonly rockPercent: number;
  /** Chance, in percent, that a lane without a rock holds a star. */
  readonly starPercent: number;
  /** Surviving this many ticks completes the level. */
  readonly lengthTicks: number;
}

export const TICKS_PER_SECOND = 60;
export const LANE_WIDTH = 100;
export const FIELD_HEIGHT = 1600;

export const LEVELS: readonly LevelConfig[] = [
  { number: 1, lanes: 3, fallSpeed: 10, rowEvery: 48, rockPercent: 35, starPercent: 45, lengthTicks: 1500 },
  { number: 2, lanes: 3, fallSpeed: 12, rowEvery: 42, rockPercent: 45, starPercent: 45, lengthTicks: 1680 },
  { number: 3, lanes: 4, fallSpeed: 14, rowEvery: 38, rockPercent: 45, starPercent: 40, lengthTicks: 1800 },
  { number: 4, lanes: 4, fallSpeed: 16, rowEvery: 34, rockPercent: 52, starPercent: 40, lengthTicks: 1920 },
  { number: 5, lanes: 5, fallSpeed: 18, rowEvery: 32, rockPercent: 55, starPercent: 35, lengthTicks: 2100 },
];

export const LEVEL_COUNT = LEVELS.length;

/** The config of a 1-based level number; throws on a number outside 1..LEVEL_COUNT. */
export function levelConfig(levelNumber: number): LevelConfig {
  const level = LEVELS[levelNumber - 1];
  if (!level || !Number.isInteger(levelNumber)) {
    throw new RangeError(`level must be an integer from 1 to ${LEVEL_COUNT}, got ${levelNumber}`);
  }
  return level;
}

/** The longest level, which bounds every run record. */
export const MAX_LEVEL_TICKS = Math.max(...LEVELS.map((level) => level.lengthTicks));
