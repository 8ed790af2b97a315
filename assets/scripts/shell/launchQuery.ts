/**
 * How this launch began, read from `getLaunchOptionsSync().query` (or `onShow`'s): a card's challenge
 * (its format lives in social/challenge.ts, shared with the open data context that also sends cards) and
 * the test-mode switches. The query comes from outside, so every part is validated; nothing throws.
 */
import { MAX_SEED } from '../games/runRecord';
import { type Challenge, parseChallenge, readQueryNumber } from '../social/challenge';

export interface LaunchIntent {
  readonly challenge: Challenge | null;
  /** `autoplay=1`: the test mode where the built-in bot plays (used by the e2e tests). */
  readonly autoplay: boolean;
  /** `seed=<n>`: fixes the seed of every level (test mode, for repeatable screenshots). */
  readonly seed: number | null;
}

/** `scoreLimit`: the game's; a challenge to beat more than it can score is no challenge. */
export function parseLaunchQuery(query: unknown, scoreLimit: number): LaunchIntent {
  const fields = typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {};
  return {
    challenge: parseChallenge(query, scoreLimit),
    autoplay: fields.autoplay === '1',
    seed: readQueryNumber(fields.seed, MAX_SEED),
  };
}
