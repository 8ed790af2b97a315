/** The game's explanation before TikTok's authorization prompt, laid out. */
import type { ConsentContent } from '../shell/index';
import { COLUMN_WIDTH, placeButton, type ScreenModel, text } from './screenModel';

export function consentModel(content: ConsentContent): ScreenModel {
  return {
    texts: [
      text(content.title, 44, 260, { bold: true }),
      text(content.body, 28, 110, { tone: 'muted', width: COLUMN_WIDTH - 40, height: 200 }),
    ],
    buttons: [
      placeButton(content.goOn, { x: 0, y: -80, width: COLUMN_WIDTH - 40, height: 104 }),
      placeButton(content.notNow, { x: 0, y: -200, width: COLUMN_WIDTH - 40, height: 88 }),
    ],
    panel: null,
    painting: null,
  };
}
