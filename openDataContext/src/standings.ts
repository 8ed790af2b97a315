/**
 * Who stands where among your friends, and whom your last run passed: the ranking of the friend board
 * and the surpass notice, from the friend data, who you are and what became of your last run. Pure.
 */
import { rankPlayers } from '../../assets/scripts/social/ranking';
import { type SurpassResult, surpassAfterNewBest } from '../../assets/scripts/social/surpass';
import type { RunOutcome } from './bestKeeper';
import type { Row } from './boardRow';
import type { FriendsState, Player } from './friendStore';

export interface Standings {
  readonly rows: Row[];
  readonly youIndex: number;
  readonly surpass: SurpassResult<Player> | null;
}

export function standingsOf(
  state: FriendsState,
  youOpenId: string | null,
  run: RunOutcome | null,
): Standings {
  const players = state.kind === 'ready' ? state.players : [];
  const rows = rankPlayers(players, youOpenId);
  const youIndex = rows.findIndex((row) => row.isYou);
  // Without your open id your own row would look like a friend's: nobody is named rather than yourself.
  if (youOpenId === null || state.kind !== 'ready') return { rows, youIndex, surpass: null };
  // A friend's row that copied your tag is no friend to pass.
  const others = players.filter((player) => !player.mine || player.openId === youOpenId);
  if (run?.newBest === true) {
    return { rows, youIndex, surpass: surpassAfterNewBest(others, youOpenId, run.previousBest, run.score) };
  }
  if (run?.newBest === false && run.previousBest !== null) {
    // Not a new best: nobody was passed; the next friend is measured from the best that stays.
    return {
      rows,
      youIndex,
      surpass: surpassAfterNewBest(others, youOpenId, run.previousBest, run.previousBest),
    };
  }
  return { rows, youIndex, surpass: null };
}
