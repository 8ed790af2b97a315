/**
 * A simple autopilot: it looks at the next row that has not passed the ship yet and steers to the
 * nearest lane without a rock that it can reach in time, preferring a lane with a star. Tests use it to
 * prove a level can be finished, and the game's test mode uses it to play through real game code.
 */
import { LANE_WIDTH } from './levels';
import {
  type GameState,
  laneCenterX,
  OBJECT_HALF_SIZE,
  PLAYER_HALF_SIZE,
  PLAYER_SPEED,
  PLAYER_Y,
} from './simulation';

const REACH = PLAYER_HALF_SIZE + OBJECT_HALF_SIZE;

/** The lane the bot wants to be in now. */
export function chooseBotLane(game: GameState): number {
  let nextRow = Number.POSITIVE_INFINITY;
  let rowY = 0;
  for (const object of game.objects) {
    if (object.y < PLAYER_Y + REACH && object.row < nextRow) {
      nextRow = object.row;
      rowY = object.y;
    }
  }
  if (nextRow === Number.POSITIVE_INFINITY) return game.targetLane;
  const rowObjects = game.objects.filter((object) => object.row === nextRow);
  const ticksUntilRow = (PLAYER_Y - REACH - rowY) / game.level.fallSpeed;
  // Once the row is level with the ship, sliding sideways can only run into its rocks: hold the lane.
  if (ticksUntilRow < 0) return game.targetLane;
  let bestLane = game.targetLane;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let lane = 0; lane < game.level.lanes; lane += 1) {
    const objectHere = rowObjects.find((object) => object.lane === lane);
    if (objectHere?.kind === 'rock') continue;
    const ticksToReach = Math.abs(laneCenterX(lane) - game.playerX) / PLAYER_SPEED;
    const reachable = ticksToReach <= ticksUntilRow;
    // Lanes reached in time come first, then stars, then the shortest move.
    const cost =
      (reachable ? 0 : 10_000) + (objectHere?.kind === 'star' ? 0 : 1_000) + ticksToReach * LANE_WIDTH;
    if (cost < bestCost) {
      bestCost = cost;
      bestLane = lane;
    }
  }
  return bestLane;
}
