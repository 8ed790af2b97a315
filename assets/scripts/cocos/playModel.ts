/**
 * The play screen's own layer, over the area the game draws (PlayArea.ts): the pause button in the
 * top-right corner, or the pause menu.
 */
import type { PlayContent } from '../shell/index';
import { DESIGN_HEIGHT, DESIGN_WIDTH, placeButton, type ScreenModel, text } from './screenModel';

export function playModel(content: PlayContent): ScreenModel {
  const [first, second] = content.buttons;
  if (content.pausedTitle === null) {
    return {
      texts: [],
      buttons: first
        ? [placeButton(first, { x: DESIGN_WIDTH / 2 - 68, y: DESIGN_HEIGHT / 2 - 64, width: 88, height: 80 })]
        : [],
      panel: null,
      painting: null,
    };
  }
  return {
    texts: [text(content.pausedTitle, 60, 120, { bold: true })],
    buttons:
      first && second
        ? [
            placeButton(first, { x: 0, y: 0, width: 520, height: 104 }),
            placeButton(second, { x: 0, y: -128, width: 520, height: 96 }),
          ]
        : [],
    panel: null,
    painting: null,
  };
}
