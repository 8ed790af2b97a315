/**
 * Invitations: the query a share card carries, and reading it back when a friend opens the card.
 *
 * The query is `from=<openId>&challenger=<name>&beat=<score>`, each part present when known (the name
 * after the player authorized, the score after a first level end). It arrives from another client, so
 * it is read as hostile: bounded lengths, digits only for numbers, names cleaned like any display name.
 */
import { MAX_CLAIMED_SCORE, MAX_SEED } from '../core/index';
import { FALLBACK_NAME, sanitizeDisplayName, truncateGraphemes } from '../social/displayName';

export interface Challenge {
  readonly challengerName: string;
  readonly challengerOpenId: string | null;
  /** null for a plain invitation (the inviter has no score yet). */
  readonly scoreToBeat: number | null;
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
export const UNKNOWN_CHALLENGER = 'A friend';

export function challengeQuery(
  challengerName: string | null,
  challengerOpenId: string | null,
  best: number | null,
): string {
  const params: string[] = [];
  if (challengerOpenId) params.push(`from=${encodeURIComponent(challengerOpenId)}`);
  if (challengerName && challengerName !== FALLBACK_NAME) {
    params.push(`challenger=${encodeURIComponent(truncateGraphemes(challengerName, MAX_NAME_LENGTH))}`);
  }
  if (best !== null) params.push(`beat=${Math.max(0, Math.trunc(best))}`);
  return params.join('&');
}

function readNumber(value: unknown, max: number): number | null {
  return typeof value === 'string' && /^(0|[1-9][0-9]{0,9})$/.test(value) && Number(value) <= max
    ? Number(value)
    : null;
}

/** Reads `getLaunchOptionsSync().query` (or `onShow`'s). Never throws. */
export function parseLaunchQuery(query: unknown): LaunchIntent {
  if (typeof query !== 'object' || query === null) return { challenge: null, autoplay: false, seed: null };
  const fields = query as Record<string, unknown>;
  const autoplay = fields.autoplay === '1';
  const seed = readNumber(fields.seed, MAX_SEED);
  const from = fields.from;
  const challengerOpenId =
    typeof from === 'string' && from.length <= MAX_OPEN_ID_LENGTH && /^[\w.-]+$/.test(from) ? from : null;
  const scoreToBeat = readNumber(fields.beat, MAX_CLAIMED_SCORE);
  const hasName = typeof fields.challenger === 'string';
  // A card always names its sender somehow; a query with none of these is no invitation at all.
  if (challengerOpenId === null && scoreToBeat === null && !hasName)
    return { challenge: null, autoplay, seed };
  const challengerName = hasName
    ? truncateGraphemes(sanitizeDisplayName(fields.challenger), MAX_NAME_LENGTH)
    : UNKNOWN_CHALLENGER;
  return { challenge: { challengerName, challengerOpenId, scoreToBeat }, autoplay, seed };
}

/** The greeting on the main menu of a player who opened an invitation card. */
export function challengeGreeting(challenge: Challenge): string {
  return challenge.scoreToBeat === null
    ? `${challenge.challengerName} invited you to play Star Lanes!`
    : `${challenge.challengerName} challenges you: beat ${challenge.scoreToBeat} points!`;
}
