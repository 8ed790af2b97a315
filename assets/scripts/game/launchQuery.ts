/**
 * Invitations: the query a share card carries, and reading it back when a friend opens the card.
 *
 * The query is `challenger=<name>&beat=<score>&from=<openId>`; it arrives from another client, so it is
 * read as hostile: bounded lengths, digits only for the score, names cleaned like any display name.
 */
import { MAX_CLAIMED_SCORE, MAX_SEED } from '../core/index.js';
import { FALLBACK_NAME, sanitizeDisplayName, truncateGraphemes } from '../social/displayName.js';

export interface Challenge {
  readonly challengerName: string;
  readonly challengerOpenId: string | null;
  readonly scoreToBeat: number;
}

export interface LaunchIntent {
  readonly challenge: Challenge | null;
  /** `autoplay=1`: the test mode where the built-in bot plays (used by the e2e tests). */
  readonly autoplay: boolean;
  /** `seed=<n>`: fixes the seed of every level (test mode, for repeatable screenshots). */
  readonly seed: number | null;
}

const MAX_NAME_LENGTH = 24;
const MAX_OPEN_ID_LENGTH = 128;

export function challengeQuery(
  challengerName: string | null,
  challengerOpenId: string | null,
  score: number,
): string {
  const params = [`beat=${Math.max(0, Math.trunc(score))}`];
  if (challengerName && challengerName !== FALLBACK_NAME) {
    params.push(`challenger=${encodeURIComponent(truncateGraphemes(challengerName, MAX_NAME_LENGTH))}`);
  }
  if (challengerOpenId) params.push(`from=${encodeURIComponent(challengerOpenId)}`);
  return params.join('&');
}

/** Reads `getLaunchOptionsSync().query` (or `onShow`'s). Never throws. */
export function parseLaunchQuery(query: unknown): LaunchIntent {
  if (typeof query !== 'object' || query === null) return { challenge: null, autoplay: false, seed: null };
  const fields = query as Record<string, unknown>;
  const autoplay = fields.autoplay === '1';
  const seed =
    typeof fields.seed === 'string' &&
    /^(0|[1-9][0-9]{0,9})$/.test(fields.seed) &&
    Number(fields.seed) <= MAX_SEED
      ? Number(fields.seed)
      : null;
  const beat = fields.beat;
  if (typeof beat !== 'string' || !/^(0|[1-9][0-9]{0,6})$/.test(beat) || Number(beat) > MAX_CLAIMED_SCORE) {
    return { challenge: null, autoplay, seed };
  }
  const name = truncateGraphemes(sanitizeDisplayName(fields.challenger), MAX_NAME_LENGTH);
  const from = fields.from;
  const challengerOpenId =
    typeof from === 'string' && from.length > 0 && from.length <= MAX_OPEN_ID_LENGTH && /^[\w.-]+$/.test(from)
      ? from
      : null;
  return {
    challenge: { challengerName: name, challengerOpenId, scoreToBeat: Number(beat) },
    autoplay,
    seed,
  };
}

/** The greeting on the main menu of a player who opened a challenge card. */
export function challengeGreeting(challenge: Challenge): string {
  return `${challenge.challengerName} challenges you: beat ${challenge.scoreToBeat} points!`;
}
