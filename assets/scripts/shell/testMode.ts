/**
 * The game's test-mode configuration: who steers (the built-in bot, nobody, or the player), the seed
 * of the next levels, and a tick at which play holds still (for screenshots). It starts from the launch
 * query (`autoplay=1`, `seed=n`) and is published as `GameGlobal.__testMode`, the one object end-to-end
 * tests may change. The game reads it; the test hook (`GameGlobal.__sample`) only reports.
 */
import type { LaunchIntent } from './launchQuery';

export interface TestMode {
  /** `true`: the bot plays, many ticks per frame; `'idle'`: nobody steers (a low score); `false`: the player. */
  autoplay: boolean | 'idle';
  /** The seed of the next levels, for repeatable results and screenshots; null for a random one. */
  seed: number | null;
  /** The simulation stops at this tick (a still frame of the play screen). */
  holdAtTick: number | null;
}

export function installTestMode(launch: LaunchIntent): TestMode {
  const mode: TestMode = { autoplay: launch.autoplay, seed: launch.seed, holdAtTick: null };
  const global = ((globalThis as { GameGlobal?: object }).GameGlobal ?? globalThis) as {
    __testMode?: TestMode;
  };
  global.__testMode = mode;
  return mode;
}
