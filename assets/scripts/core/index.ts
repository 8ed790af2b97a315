/**
 * The engine-free core of Star Lanes: levels, seeded simulation, scoring, run records and replay.
 * It imports nothing outside this folder, so the game, the server and the tests share it as is.
 */
export { chooseBotLane } from './bot';
export {
  FIELD_HEIGHT,
  LANE_WIDTH,
  LEVEL_COUNT,
  LEVELS,
  type LevelConfig,
  levelConfig,
  MAX_LEVEL_TICKS,
  TICKS_PER_SECOND,
} from './levels';
export { type Playthrough, startPlaythrough } from './playthrough';
export { type ReplayResult, replayRun } from './replay';
export { createRng, type Rng } from './rng';
export {
  MAX_CLAIMED_SCORE,
  MAX_RUN_INPUTS,
  MAX_SEED,
  type ParseRunRecordResult,
  parseRunRecord,
  type RunRecord,
  type SteerInput,
} from './runRecord';
export {
  completionBonus,
  STAR_POINTS,
  STARTING_LIVES,
  starPoints,
} from './scoring';
export {
  createGame,
  type FieldObject,
  fieldWidth,
  type GameEvent,
  type GameState,
  type GameStatus,
  INVULNERABLE_TICKS,
  laneCenterX,
  OBJECT_HALF_SIZE,
  PLAYER_HALF_SIZE,
  PLAYER_Y,
  step,
  ticksLeft,
} from './simulation';
