/**
 * The results screen laid out: the score and the game's line, then the open data context's notice, where
 * the run stands on its way to the global board, and the next steps.
 */
import type { ResultsContent } from '../shell/index';
import { NOTICE_RESOLUTION } from './panelResolutions';
import {
  DESIGN_SCREEN,
  edges,
  HALF_WIDTH,
  LEFT_HALF_X,
  MAIN_ROW_Y,
  panelBox,
  placeButton,
  placeSocial,
  RIGHT_HALF_X,
  type ScreenModel,
  type ScreenSize,
  text,
} from './screenModel';

/** Where the header starts below the top edge (minigame/screens/results.ts: 8% of the height, at least 40 px). */
export const resultsHeaderDrop = (screen: ScreenSize): number =>
  Math.max(40 * screen.px, screen.height * 0.08);

export function resultsModel(content: ResultsContent, screen: ScreenSize = DESIGN_SCREEN): ScreenModel {
  const { top, bottom } = edges(screen);
  // The header hangs from the top edge, the buttons stand on the bottom edge, at the Canvas edition's
  // distances (CSS px times screen.px); the notice strip is as tall as its 100 px one.
  const header = top - resultsHeaderDrop(screen);
  const notice = panelBox(header - 190 * screen.px, NOTICE_RESOLUTION);
  const mainBox = { x: LEFT_HALF_X, y: bottom + MAIN_ROW_Y * screen.px, width: HALF_WIDTH, height: 104 };
  return {
    texts: [
      text(content.title, 52, header - 10 * screen.px, { bold: true, tone: content.titleTone }),
      text(content.score, 110, header - 70 * screen.px, { bold: true }),
      text(content.summary, 28, header - 112 * screen.px, { tone: 'muted' }),
      text(content.delivery.text, 26, header - 262 * screen.px, { tone: content.delivery.tone }),
    ],
    buttons: [
      placeButton(content.next, mainBox),
      placeButton(content.menu, { ...mainBox, x: RIGHT_HALF_X }),
      ...placeSocial(content.social, screen),
    ],
    panel: { view: 'notice', box: notice },
    painting: null,
  };
}
