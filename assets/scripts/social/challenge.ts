/**
 * The challenge a share card carries in its `query`, written by whoever sends the card (the game's
 * invite, a friend board row in the open data context) and read by the game that the card opens.
 *
 * The query is `from=<openId>&challenger=<name>&beat=<score>`, each part present when known. It arrives
 * from another client, so it is read as hostile: bounded lengths, digits only for numbers, the name
 * cleaned like any display name.
 */
import { FALLBACK_NAME, formatScore, sanitizeDisplayName, truncateGraphemes } from './displayName';

export interface Challenge {
  readonly challengerName: string;
  readonly challengerOpenId: string | null;
  /** null for a plain invitation (the sender has no score yet). */
  readonly scoreToBeat: number | null;
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

/** A decimal string of digits only, within `max`; anything else is no number. */
export function readQueryNumber(value: unknown, max: number): number | null {
  return typeof value === 'string' && /^(0|[1-9][0-9]{0,9})$/.test(value) && Number(value) <= max
    ? Number(value)
    : null;
}

/**
 * The challenge in a launch query (`getLaunchOptionsSync().query` or `onShow`'s), or null. Never throws.
 * A score to beat above the game's score limit is no score of the game: the card is a plain invitation.
 */
export function parseChallenge(query: unknown, scoreLimit: number): Challenge | null {
  if (typeof query !== 'object' || query === null) return null;
  const fields = query as Record<string, unknown>;
  const from = fields.from;
  const challengerOpenId =
    typeof from === 'string' && from.length <= MAX_OPEN_ID_LENGTH && /^[\w.-]+$/.test(from) ? from : null;
  const scoreToBeat = readQueryNumber(fields.beat, scoreLimit);
  const hasName = typeof fields.challenger === 'string';
  // A card always names its sender somehow; a query with none of these is no invitation at all.
  if (challengerOpenId === null && scoreToBeat === null && !hasName) return null;
  const challengerName = hasName
    ? truncateGraphemes(sanitizeDisplayName(fields.challenger), MAX_NAME_LENGTH)
    : UNKNOWN_CHALLENGER;
  return { challengerName, challengerOpenId, scoreToBeat };
}

/** The greeting on the main menu of a player who opened a card. */
export function challengeGreeting(challenge: Challenge, gameName: string): string {
  return challenge.scoreToBeat === null
    ? `${challenge.challengerName} invited you to play ${gameName}!`
    : `${challenge.challengerName} challenges you: beat ${formatScore(challenge.scoreToBeat)} points!`;
}
