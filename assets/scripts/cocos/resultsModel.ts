/**
 * The results screen laid out: the score and the game's line, then the open data context's notice, where
 * the run stands on its way to the global board, and the next steps.
 */
import type { ResultsContent } from '../shell/index';
import { NOTICE_RESOLUTION } from './panelResolutions';
import {
  HALF_WIDTH,
  LEFT_HALF_X,
  panelBox,
  placeButton,
  placeSocial,
  RIGHT_HALF_X,
  type ScreenModel,
  text,
} from './screenModel';

const NOTICE_Y = 150;

export function resultsModel(content: ResultsContent): ScreenModel {
  const notice = panelBox(NOTICE_Y, NOTICE_RESOLUTION);
  const mainBox = { x: LEFT_HALF_X, y: -130, width: HALF_WIDTH, height: 104 };
  return {
    texts: [
      text(content.title, 52, 500, { bold: true, tone: content.titleTone }),
      text(content.score, 110, 390, { bold: true }),
      text(content.summary, 28, 300, { tone: 'muted' }),
      text(content.delivery.text, 26, NOTICE_Y - notice.height / 2 - 30, { tone: content.delivery.tone }),
    ],
    buttons: [
      placeButton(content.next, mainBox),
      placeButton(content.menu, { ...mainBox, x: RIGHT_HALF_X }),
      ...placeSocial(content.social, -260, -370),
    ],
    panel: { view: 'notice', box: notice },
    painting: null,
  };
}
