/**
 * Replays a run record from its seed and input log to the end of the level. The game server calls this
 * for every submitted run, so it does nothing but step the simulation.
 */
import type { RunRecord } from '../runRecord';
import { createGame, step } from './simulation';

export interface ReplayResult {
  score: number;
  completed: boolean;
}

/** Expects a record that passed `parseRunRecord` with this game's rules; throws a RangeError on an unknown level. */
export function replayRun(record: RunRecord): ReplayResult {
  const game = createGame(record.seed, record.level);
  const { inputs } = record;
  let next = 0;
  while (game.status === 'playing') {
    const input = inputs[next];
    if (input !== undefined && input[0] === game.tick) {
      next += 1;
      step(game, input[1]);
    } else {
      step(game);
    }
  }
  return { score: game.score, completed: game.status === 'completed' };
}
