/** Each screen's content from the flow's screen and what the shell knows around it. */
import type { GameDefinition } from '../../games/contract';
import type { Challenge } from '../../social/challenge';
import type { FlowScreen } from '../flow/screens';
import type { LevelProgress } from '../levelProgress';
import type { RunDelivery } from '../runOutbox';
import { consentContent } from './consent';
import type { ScreenContent } from './content';
import { type BoardContext, boardContent } from './leaderboard';
import { menuContent } from './menu';
import { playContent } from './play';
import { resultsContent } from './results';

export * from './content';
export { boardState, globalRows, RANK_GAP_MARK } from './leaderboard';

export interface ContentContext extends BoardContext {
  game: Pick<GameDefinition, 'info' | 'drawEmblem'>;
  progress: LevelProgress;
  /** The challenge of the card the game was opened from, or null. */
  greeting: Challenge | null;
  /** The delivery of the run the results screen shows. */
  delivery: RunDelivery | null;
}

export function screenContent(screen: FlowScreen, context: ContentContext): ScreenContent {
  switch (screen.name) {
    case 'menu':
      return menuContent(screen, context.game, context.progress, context.greeting);
    case 'play':
      return playContent(screen);
    case 'results':
      return resultsContent(screen, context.game.info, context.delivery);
    case 'leaderboard':
      return boardContent(screen, context);
    case 'consent':
      return consentContent(context.game.info.words.name);
  }
}
