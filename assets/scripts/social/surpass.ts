/**
 * "Beat your friend": which friends a new best just passed, and who is next.
 *
 * A friend is passed when their score was at or above your previous best and is below your new best
 * (a tie you held is broken in your favour now). With no previous best, every friend below the new best
 * counts. The next friend to beat is the nearest one at or above the new best; beating means scoring
 * strictly more, so the points needed are `their score - new best + 1`.
 */
import { compareScored, type Rankable, type ScoreRecord, uniqueByOpenId } from './ranking';

export interface NextToBeat<T> {
  readonly friend: T;
  readonly pointsNeeded: number;
}

export interface SurpassResult<T> {
  /** Highest score first: the most impressive pass leads the notice. */
  readonly passed: T[];
  readonly nextToBeat: NextToBeat<T> | null;
}

type Scored<T> = T & { best: ScoreRecord };

export function surpassAfterNewBest<T extends Rankable>(
  players: readonly T[],
  youOpenId: string | null,
  previousBest: number | null,
  newBest: number,
): SurpassResult<T> {
  const friends = uniqueByOpenId(players).filter(
    (player): player is Scored<T> => player.best !== null && player.openId !== youOpenId,
  );
  const passed = friends
    .filter(
      (friend) => friend.best.score < newBest && (previousBest === null || friend.best.score >= previousBest),
    )
    .sort(compareScored);

  let next: Scored<T> | null = null;
  for (const friend of friends) {
    if (friend.best.score < newBest) continue;
    // The nearest above you is the lowest-ranked of those at or above the new best.
    if (next === null || compareScored(friend, next) > 0) next = friend;
  }
  return {
    passed,
    nextToBeat: next === null ? null : { friend: next, pointsNeeded: next.best.score - newBest + 1 },
  };
}
