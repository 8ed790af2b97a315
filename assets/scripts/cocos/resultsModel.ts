/**
 * The results screen as data: the score, then the open data context's notice (only it reads the stored
 * best, so only it may say "New best!"; then who you passed, with "Tell them"), where the run stands on
 * its way to the global board, and the next steps.
 */
import { LEVEL_COUNT } from '../core/index';
import { deliveryText, type FinishedLevel, type RunDelivery } from '../shell/index';
import { NOTICE_RESOLUTION } from './panelResolutions';
import {
  buttonSpec,
  HALF_WIDTH,
  LEFT_HALF_X,
  panelBox,
  RIGHT_HALF_X,
  type ScreenModel,
  socialButtons,
  text,
} from './screenModel';

export interface ResultsState {
  result: FinishedLevel;
  stars: number;
  delivery: RunDelivery | null;
}

const NOTICE_Y = 150;

export function resultsModel({ result, stars, delivery }: ResultsState): ScreenModel {
  const hasNext = result.completed && result.level < LEVEL_COUNT;
  const notice = panelBox(NOTICE_Y, NOTICE_RESOLUTION);
  const mainBox = { x: LEFT_HALF_X, y: -130, width: HALF_WIDTH, height: 104 };
  const main = hasNext
    ? buttonSpec(
        'next',
        `Next: level ${result.level + 1}`,
        mainBox,
        { kind: 'play', level: result.level + 1 },
        'primary',
      )
    : buttonSpec('retry', 'Play again', mainBox, { kind: 'play', level: result.level }, 'primary');
  return {
    name: 'results',
    texts: [
      text(result.completed ? `Level ${result.level} complete!` : 'Out of lives', 52, 500, {
        bold: true,
        tone: result.completed ? 'success' : 'failure',
      }),
      text(String(result.score), 110, 390, { bold: true }),
      text(`${stars} stars caught`, 28, 300, { tone: 'muted' }),
      text(deliveryText(delivery), 26, NOTICE_Y - notice.height / 2 - 30, {
        tone: delivery?.kind === 'saved' ? 'success' : 'muted',
      }),
    ],
    buttons: [
      main,
      buttonSpec('menu', 'Menu', { ...mainBox, x: RIGHT_HALF_X }, { kind: 'menu' }),
      ...socialButtons('results', -260, -370),
    ],
    panel: { view: 'notice', box: notice },
    board: null,
  };
}
