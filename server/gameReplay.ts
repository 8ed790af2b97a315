import type { GameDefinition } from '../assets/scripts/games/contract';
import { parseRunRecord } from '../assets/scripts/games/runRecord';
import { MAX_SCORE } from './leaderboards/order';
import type { ReplayFn } from './replay';

export type ReplayedGame = Pick<GameDefinition, 'info' | 'levelBounds' | 'replay'>;

/**
 * The real check: the game's own run rules and deterministic replay (games/contract.ts), exactly as the
 * client ran them. Refuses a game whose scores the boards cannot order (leaderboards/order.ts).
 */
export function gameReplay(game: ReplayedGame): ReplayFn {
  if (game.info.scoreLimit > MAX_SCORE) {
    throw new RangeError(
      `the game's score limit ${game.info.scoreLimit} is above ${MAX_SCORE}, the highest score the boards can order (server/leaderboards/order.ts)`,
    );
  }
  return (run) => {
    const parsed = parseRunRecord(run, game);
    if (!parsed.ok) return parsed;
    return { ok: true, score: game.replay(parsed.run).score };
  };
}
