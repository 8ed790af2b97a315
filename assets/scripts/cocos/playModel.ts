/**
 * The play screen's own layer, over the area the game draws (PlayArea.ts): the pause button in the
 * top-right corner, or the pause menu.
 */
import type { PlayContent } from '../shell/index';
import {
  DESIGN_SCREEN,
  DESIGN_WIDTH,
  placeButton,
  type ScreenModel,
  type ScreenSize,
  text,
} from './screenModel';

export function playModel(content: PlayContent, screen: ScreenSize = DESIGN_SCREEN): ScreenModel {
  const [first, second] = content.buttons;
  if (content.pausedTitle === null) {
    return {
      texts: [],
      buttons: first
        ? // In the top row of the play area (the whole screen: the game draws its score and time there).
          [placeButton(first, { x: DESIGN_WIDTH / 2 - 68, y: screen.height / 2 - 64, width: 88, height: 80 })]
        : [],
      panel: null,
      painting: null,
    };
  }
  return {
    // Centred, as the Canvas edition's scrim menu (minigame/screens/play.ts).
    texts: [text(content.pausedTitle, 60, 60 * screen.px, { bold: true })],
    buttons:
      first && second
        ? [
            placeButton(first, { x: 0, y: -16 * screen.px, width: 520, height: 104 }),
            placeButton(second, { x: 0, y: -78 * screen.px, width: 520, height: 96 }),
          ]
        : [],
    panel: null,
    painting: null,
  };
}
