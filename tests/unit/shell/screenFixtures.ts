/** Content of each screen as the flow builds it, for the tests of the content and of both editions' layouts. */
import type {
  BoardContent,
  BoardScreen,
  ContentContext,
  FlowScreen,
  GlobalBoardState,
  MenuContent,
  ResultsContent,
  ScreenContent,
} from '../../../assets/scripts/shell/index';
import { screenContent } from '../../../assets/scripts/shell/index';
import { testGame } from '../testGame';

export const READY: GlobalBoardState = {
  status: 'ready',
  youOpenId: 'me',
  entries: [
    { rank: 1, openId: 'a', displayName: 'Ava', score: 12_000 },
    { rank: 2, openId: 'me', displayName: '', score: 3_000 },
    { rank: 3, openId: 'b', displayName: '', score: 900 },
  ],
};

/** A ready global board holding players at `ranks` (`P<rank>`, open id `p<rank>`), you at `yourRank`. */
export function globalAtRanks(ranks: readonly number[], yourRank: number): GlobalBoardState {
  return {
    status: 'ready',
    youOpenId: `p${yourRank}`,
    entries: ranks.map((rank) => ({
      rank,
      openId: `p${rank}`,
      displayName: `P${rank}`,
      score: 10_000 - rank,
    })),
  };
}

export function contentOf(screen: FlowScreen, context: Partial<ContentContext> = {}): ScreenContent {
  return screenContent(screen, {
    game: testGame,
    progress: { levelCount: 3, unlockedLevel: () => 3, completeLevel: () => {} },
    greeting: null,
    delivery: null,
    canOpenSettings: false,
    offline: false,
    unsentBest: null,
    ...context,
  });
}

export function menuContentOf(
  selectedLevel: number,
  unlocked: number,
  context: Partial<ContentContext> = {},
) {
  const progress = { levelCount: 3, unlockedLevel: () => unlocked, completeLevel: () => {} };
  return contentOf({ name: 'menu', selectedLevel }, { progress, ...context }) as MenuContent;
}

export const RESULT = { level: 1, score: 2_450, completed: true, runId: 'run-1', summary: '7 taps' };

export function resultsContentOf(result = RESULT, context: Partial<ContentContext> = {}): ResultsContent {
  return contentOf({ name: 'results', result }, context) as ResultsContent;
}

export function boardContentOf(
  board: Partial<Omit<BoardScreen, 'name'>>,
  context: Partial<ContentContext> = {},
): BoardContent {
  return contentOf(
    {
      name: 'leaderboard',
      tab: 'friends',
      outcome: { kind: 'authorized', prompted: false },
      global: { status: 'loading' },
      retrying: false,
      returnTo: { name: 'menu', selectedLevel: 1 },
      ...board,
    },
    context,
  ) as BoardContent;
}
