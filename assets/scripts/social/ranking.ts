/**
 * Friend ranking: a pure function from untrusted, unordered player records to board rows.
 *
 * Order: higher score first; equal scores by earlier `achievedAt` (unknown time last), then by `openId`
 * (code-unit order, so every device agrees). Ranks are standard competition ranks (1, 2, 2, 4): the
 * tie-break orders rows but never splits a rank. Players without a valid score come last, unranked.
 */

/** The part of a cloud score that ranking reads; `parseCloudScore` output fits it. */
export interface ScoreRecord {
  readonly score: number;
  readonly achievedAt: number | null;
}

export interface Rankable {
  readonly openId: string;
  /** `null` means "no score": missing, malformed or hostile cloud data. */
  readonly best: ScoreRecord | null;
}

export type Ranked<T extends Rankable> = T & {
  /** Competition rank, or `null` for a player without a score. */
  readonly rank: number | null;
  readonly isYou: boolean;
};

/** Orders two scored players: negative when `a` ranks above `b`. */
export function compareScored(
  a: Rankable & { best: ScoreRecord },
  b: Rankable & { best: ScoreRecord },
): number {
  if (a.best.score !== b.best.score) return b.best.score - a.best.score;
  const timeA = a.best.achievedAt ?? Number.POSITIVE_INFINITY;
  const timeB = b.best.achievedAt ?? Number.POSITIVE_INFINITY;
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  return compareOpenIds(a.openId, b.openId);
}

function compareOpenIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function hasScore<T extends Rankable>(player: T): player is T & { best: ScoreRecord } {
  return player.best !== null;
}

function isBetter(candidate: Rankable, current: Rankable): boolean {
  if (current.best === null) return candidate.best !== null;
  if (candidate.best === null) return false;
  return (
    compareScored(
      candidate as Rankable & { best: ScoreRecord },
      current as Rankable & { best: ScoreRecord },
    ) < 0
  );
}

/** Keeps one record per `openId` (the better one), since platform data may repeat a player. */
export function uniqueByOpenId<T extends Rankable>(players: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const player of players) {
    const current = byId.get(player.openId);
    if (current === undefined || isBetter(player, current)) byId.set(player.openId, player);
  }
  return [...byId.values()];
}

/**
 * Ranks players without touching the input array. `youOpenId` marks the current player; identity is
 * only ever the `openId`, never a name or an avatar (two friends may share both).
 */
export function rankPlayers<T extends Rankable>(
  players: readonly T[],
  youOpenId: string | null,
): Ranked<T>[] {
  const unique = uniqueByOpenId(players);
  const scored = unique.filter(hasScore).sort(compareScored);
  const unscored = unique
    .filter((player) => !hasScore(player))
    .sort((a, b) => compareOpenIds(a.openId, b.openId));

  const rows: Ranked<T>[] = [];
  let previousScore = Number.NaN;
  let previousRank = 0;
  scored.forEach((player, index) => {
    const rank = player.best.score === previousScore ? previousRank : index + 1;
    previousScore = player.best.score;
    previousRank = rank;
    rows.push({ ...player, rank, isYou: player.openId === youOpenId });
  });
  for (const player of unscored) rows.push({ ...player, rank: null, isYou: player.openId === youOpenId });
  return rows;
}
