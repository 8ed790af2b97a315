/**
 * Steps a level at the game's fixed tick rate, whatever the display rate: the same simulation on a
 * 60 Hz and a 120 Hz phone, in both editions. In test mode the level runs many ticks a frame.
 */
import type { LevelPlay } from '../../games/contract';
import type { TestMode } from '../testMode';

/** After a long stall (a slow frame, a return from the background) play skips ahead instead of racing. */
export const MAX_CATCH_UP_MS = 250;
/** Test mode: two seconds of play a frame at 60 ticks a second, so a level ends in a blink. */
export const AUTOPLAY_TICKS_PER_FRAME = 120;

export interface PlayLoop {
  /** One display frame, `elapsedMs` after the previous one. */
  frame(elapsedMs: number): void;
  /** Forget the time owed (after a pause), so play does not jump. */
  resume(): void;
}

export function createPlayLoop(play: LevelPlay, ticksPerSecond: number, testMode: TestMode): PlayLoop {
  const tickMs = 1000 / ticksPerSecond;
  let owedMs = 0;
  const canAdvance = (): boolean =>
    play.status === 'playing' && (testMode.holdAtTick === null || play.tick < testMode.holdAtTick);

  return {
    frame(elapsedMs) {
      if (testMode.autoplay !== false) {
        for (let tick = 0; tick < AUTOPLAY_TICKS_PER_FRAME && canAdvance(); tick += 1) {
          if (testMode.autoplay === true) play.botTurn();
          play.advance();
        }
        return;
      }
      owedMs = Math.min(owedMs + Math.max(0, elapsedMs), MAX_CATCH_UP_MS);
      while (owedMs >= tickMs && canAdvance()) {
        owedMs -= tickMs;
        play.advance();
      }
    },
    resume() {
      owedMs = 0;
    },
  };
}
