/**
 * The fixed-step simulation of Star Lanes: rocks and stars fall down the lanes, the player's ship slides
 * between lanes at the bottom, catching stars and dodging rocks until the level's time runs out.
 *
 * Everything is integer arithmetic on a seeded RNG, and the only input is "steer to lane n" at a tick, so
 * a seed and an input log replay to the same score on any machine. The state is mutated in place
 * (the server replays every submitted run, so a tick must be cheap); renderers read it, never write it.
 */
import { FIELD_HEIGHT, LANE_WIDTH, type LevelConfig, levelConfig } from './levels';
import { createRng, type Rng } from './rng';
import { completionBonus, STARTING_LIVES, starPoints } from './scoring';

/** Vertical centre of the ship, in field units from the top. */
export const PLAYER_Y = 1400;
export const PLAYER_HALF_SIZE = 30;
export const OBJECT_HALF_SIZE = 35;
/** Lateral speed of the ship: one lane in 5 ticks. */
export const PLAYER_SPEED = 20;
/** After a hit the ship blinks and passes through rocks for one second. */
export const INVULNERABLE_TICKS = 60;
/** Objects spawn just above the field and are dropped once fully below it. */
export const SPAWN_Y = -OBJECT_HALF_SIZE;
const DESPAWN_Y = FIELD_HEIGHT + OBJECT_HALF_SIZE;

export type ObjectKind = 'rock' | 'star';

export interface FieldObject {
  readonly kind: ObjectKind;
  readonly lane: number;
  /** Rows are numbered from 0 in spawn order; objects of one row share a `y`. */
  readonly row: number;
  y: number;
}

export type GameEvent =
  | {
      readonly type: 'starCollected';
      readonly lane: number;
      readonly points: number;
      readonly streak: number;
    }
  | { readonly type: 'rockHit'; readonly lane: number; readonly livesLeft: number }
  | { readonly type: 'levelEnded'; readonly completed: boolean; readonly score: number };

export type GameStatus = 'playing' | 'completed' | 'failed';

export interface GameState {
  readonly level: LevelConfig;
  readonly seed: number;
  /** Ticks simulated so far; an input recorded at tick t is applied before tick t is simulated. */
  tick: number;
  status: GameStatus;
  score: number;
  lives: number;
  /** Stars collected since the start or the last hit. */
  streak: number;
  starsCollected: number;
  rocksHit: number;
  /** Ship centre in field units from the left edge. */
  playerX: number;
  targetLane: number;
  /** The ship ignores rocks while `tick < invulnerableUntil`. */
  invulnerableUntil: number;
  objects: FieldObject[];
  rowsSpawned: number;
  /** Events of the last `step` only, for renderers (sounds, particles, floating points). */
  events: GameEvent[];
  readonly rng: Rng;
}

export function laneCenterX(lane: number): number {
  return lane * LANE_WIDTH + LANE_WIDTH / 2;
}

export function fieldWidth(level: LevelConfig): number {
  return level.lanes * LANE_WIDTH;
}

/** Ticks left in the level, for a countdown display. */
export function ticksLeft(game: GameState): number {
  return Math.max(0, game.level.lengthTicks - game.tick);
}

export function createGame(seed: number, levelNumber: number): GameState {
  const level = levelConfig(levelNumber);
  const startLane = Math.floor(level.lanes / 2);
  return {
    level,
    seed: seed >>> 0,
    tick: 0,
    status: 'playing',
    score: 0,
    lives: STARTING_LIVES,
    streak: 0,
    starsCollected: 0,
    rocksHit: 0,
    playerX: laneCenterX(startLane),
    targetLane: startLane,
    invulnerableUntil: 0,
    objects: [],
    rowsSpawned: 0,
    events: [],
    rng: createRng(seed),
  };
}

/**
 * Advances one tick. `steerToLane`, when given, is the lane the player asked for at this tick; values
 * outside the level's lanes are clamped (the live game may compute them from a pointer at the edge).
 */
export function step(game: GameState, steerToLane?: number): void {
  if (game.status !== 'playing') return;
  game.events = [];
  if (steerToLane !== undefined) {
    game.targetLane = Math.min(game.level.lanes - 1, Math.max(0, Math.trunc(steerToLane)));
  }
  moveShip(game);
  if (shouldSpawnRow(game)) spawnRow(game);
  moveObjectsAndCollide(game);
  game.tick += 1;
  if (game.lives <= 0) {
    endLevel(game, false);
  } else if (game.tick >= game.level.lengthTicks) {
    game.score += completionBonus(game.level.number, game.lives);
    endLevel(game, true);
  }
}

function moveShip(game: GameState): void {
  const targetX = laneCenterX(game.targetLane);
  const dx = targetX - game.playerX;
  game.playerX += Math.max(-PLAYER_SPEED, Math.min(PLAYER_SPEED, dx));
}

/**
 * Rows stop early enough that the last one has fallen past the ship when time runs out, so a level
 * always ends on a clear field.
 */
function shouldSpawnRow(game: GameState): boolean {
  const { rowEvery, fallSpeed, lengthTicks } = game.level;
  const ticksToReachShip = Math.ceil((PLAYER_Y + OBJECT_HALF_SIZE * 2 - SPAWN_Y) / fallSpeed);
  return game.tick > 0 && game.tick % rowEvery === 0 && game.tick + ticksToReachShip < lengthTicks;
}

function spawnRow(game: GameState): void {
  const { lanes, rockPercent, starPercent } = game.level;
  const row = game.rowsSpawned;
  const kinds: (ObjectKind | null)[] = [];
  for (let lane = 0; lane < lanes; lane += 1) {
    kinds.push(game.rng.nextInt(100) < rockPercent ? 'rock' : null);
  }
  if (!kinds.includes(null)) kinds[game.rng.nextInt(lanes)] = null;
  for (let lane = 0; lane < lanes; lane += 1) {
    if (kinds[lane] === null && game.rng.nextInt(100) < starPercent) kinds[lane] = 'star';
  }
  kinds.forEach((kind, lane) => {
    if (kind) game.objects.push({ kind, lane, row, y: SPAWN_Y });
  });
  game.rowsSpawned += 1;
}

function moveObjectsAndCollide(game: GameState): void {
  const reach = PLAYER_HALF_SIZE + OBJECT_HALF_SIZE;
  const kept: FieldObject[] = [];
  for (const object of game.objects) {
    object.y += game.level.fallSpeed;
    const touchesShip =
      Math.abs(object.y - PLAYER_Y) < reach && Math.abs(laneCenterX(object.lane) - game.playerX) < reach;
    if (touchesShip && object.kind === 'star') {
      collectStar(game, object.lane);
    } else if (touchesShip && game.tick >= game.invulnerableUntil) {
      hitRock(game, object.lane);
    } else if (object.y < DESPAWN_Y) {
      kept.push(object);
    }
  }
  game.objects = kept;
}

function collectStar(game: GameState, lane: number): void {
  const points = starPoints(game.streak);
  game.streak += 1;
  game.starsCollected += 1;
  game.score += points;
  game.events.push({ type: 'starCollected', lane, points, streak: game.streak });
}

function hitRock(game: GameState, lane: number): void {
  game.lives -= 1;
  game.rocksHit += 1;
  game.streak = 0;
  game.invulnerableUntil = game.tick + INVULNERABLE_TICKS;
  game.events.push({ type: 'rockHit', lane, livesLeft: game.lives });
}

function endLevel(game: GameState, completed: boolean): void {
  game.status = completed ? 'completed' : 'failed';
  game.events.push({ type: 'levelEnded', completed, score: game.score });
}
