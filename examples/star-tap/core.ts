/**
 * Star Tap, the quickstart's worked example: a whole game core in place of the arcade one
 * (`assets/scripts/core/index.ts`). Ten seconds; each tap catches a star worth 10 points.
 */
import type { RunRecord } from '../../assets/scripts/core/runRecord';

// The run record is the one interface to the rest: its shape, checks and limits stay as they are.
export { MAX_SEED, parseRunRecord, type RunRecord } from '../../assets/scripts/core/runRecord';

export const LEVEL_COUNT = 1;
export const TICKS_PER_SECOND = 60;
export const LEVEL_TICKS = 10 * TICKS_PER_SECOND;
export const POINTS_PER_STAR = 10;

export const levelConfig = (_level: number) => ({ number: 1 });

export type Playthrough = ReturnType<typeof startPlaythrough>;

export function startPlaythrough(seed: number, level: number) {
  const game = { status: 'playing' as 'playing' | 'completed', tick: 0, score: 0, starsCollected: 0 };
  // Each tap as a [tick, 0] pair: the run record's input format, with the lane unused.
  const inputs: [number, number][] = [];
  let tapped = false;
  return {
    game,
    tap() {
      tapped = true;
    },
    advance() {
      if (game.status !== 'playing') return;
      if (tapped) {
        inputs.push([game.tick, 0]);
        game.starsCollected += 1;
        game.score = game.starsCollected * POINTS_PER_STAR;
      }
      tapped = false;
      game.tick += 1;
      if (game.tick >= LEVEL_TICKS) game.status = 'completed';
    },
    runRecord: (): RunRecord => ({ v: 1, seed, level, inputs: [...inputs], claimedScore: game.score }),
  };
}
