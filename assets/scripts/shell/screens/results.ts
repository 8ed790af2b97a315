/**
 * Level end: the score and the game's line under it, then the open data context's notice (only it can
 * read the stored best, so only it may say "New best!" and who you passed), where the run stands on its
 * way to the global board, and the next steps.
 */
import type { GameInfo } from '../../games/contract';
import { deliveryText } from '../boardCopy';
import type { ResultsScreen } from '../flow/screens';
import type { RunDelivery } from '../runOutbox';
import { button, type ResultsContent } from './content';
import { socialButtons } from './social';

export function resultsContent(
  { result }: ResultsScreen,
  game: Pick<GameInfo, 'levelCount'>,
  delivery: RunDelivery | null,
): ResultsContent {
  const hasNext = result.completed && result.level < game.levelCount;
  return {
    name: 'results',
    title: result.completed ? `Level ${result.level} complete!` : 'Out of lives',
    titleTone: result.completed ? 'success' : 'failure',
    score: String(result.score),
    summary: result.summary,
    delivery: { text: deliveryText(delivery), tone: delivery?.kind === 'saved' ? 'success' : 'muted' },
    next: hasNext
      ? button(
          'next',
          `Next: level ${result.level + 1}`,
          { kind: 'play', level: result.level + 1 },
          'primary',
        )
      : button('retry', 'Play again', { kind: 'play', level: result.level }, 'primary'),
    menu: button('menu', 'Menu', { kind: 'menu' }),
    social: socialButtons('results'),
  };
}
