/**
 * The game's explanation before TikTok's authorization prompt, laid out: centred on the screen, at the
 * Canvas 2D edition's distances from the middle of its panel (minigame/screens/consent.ts, CSS px times screen.px).
 */
import type { ConsentContent } from '../shell/index';
import {
  COLUMN_WIDTH,
  DESIGN_SCREEN,
  placeButton,
  type ScreenModel,
  type ScreenSize,
  text,
} from './screenModel';

export function consentModel(content: ConsentContent, screen: ScreenSize = DESIGN_SCREEN): ScreenModel {
  return {
    texts: [
      text(content.title, 44, 146 * screen.px, { bold: true }),
      text(content.body, 28, 70 * screen.px, { tone: 'muted', width: COLUMN_WIDTH - 40, height: 200 }),
    ],
    buttons: [
      placeButton(content.goOn, { x: 0, y: -88 * screen.px, width: COLUMN_WIDTH - 40, height: 104 }),
      placeButton(content.notNow, { x: 0, y: -148 * screen.px, width: COLUMN_WIDTH - 40, height: 88 }),
    ],
    panel: null,
    painting: null,
  };
}
