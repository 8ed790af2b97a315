/**
 * A live play of one level: the game loop steers and steps it, and it records exactly the inputs it
 * applied, so `runRecord()` always replays to the score the player saw.
 */
import type { RunInput, RunRecord } from '../runRecord';
import { createGame, type GameState, step } from './simulation';

export interface Playthrough {
  readonly game: GameState;
  /** Ask the ship to steer to `lane` from the next tick on; the last request before a tick wins. */
  steer(lane: number): void;
  /** Simulates one tick (nothing once the level has ended). */
  advance(): void;
  runRecord(): RunRecord;
}

export function startPlaythrough(seed: number, levelNumber: number): Playthrough {
  const game = createGame(seed, levelNumber);
  const inputs: RunInput[] = [];
  let requestedLane: number | undefined;
  return {
    game,
    steer(lane) {
      requestedLane = Math.min(game.level.lanes - 1, Math.max(0, Math.trunc(lane)));
    },
    advance() {
      if (game.status !== 'playing') return;
      const lane =
        requestedLane !== undefined && requestedLane !== game.targetLane ? requestedLane : undefined;
      requestedLane = undefined;
      if (lane !== undefined) inputs.push([game.tick, lane]);
      step(game, lane);
    },
    runRecord() {
      return {
        v: 1,
        seed: game.seed,
        level: game.level.number,
        inputs: [...inputs],
        claimedScore: game.score,
      };
    },
  };
}
