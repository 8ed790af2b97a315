/** The main menu as data: title, the cloud best (drawn by the open data context), greeting, levels, social. */

import { NOTICE_RESOLUTION } from './panelResolutions';
import {
  type ButtonSpec,
  buttonSpec,
  COLUMN_WIDTH,
  panelBox,
  type ScreenModel,
  socialButtons,
  text,
} from './screenModel';

export interface MenuState {
  levelCount: number;
  unlocked: number;
  selected: number;
  /** challengeGreeting() of the card the game was opened from, or null. */
  greeting: string | null;
}

const CHIP_GAP = 16;

export function menuModel({ levelCount, unlocked, selected, greeting }: MenuState): ScreenModel {
  const level = Math.min(Math.max(1, selected), unlocked);
  const chipWidth = (COLUMN_WIDTH - CHIP_GAP * (levelCount - 1)) / levelCount;
  const chips: ButtonSpec[] = Array.from({ length: levelCount }, (_, index) => {
    const number = index + 1;
    return buttonSpec(
      `level-${number}`,
      String(number),
      {
        x: -COLUMN_WIDTH / 2 + chipWidth / 2 + index * (chipWidth + CHIP_GAP),
        y: -100,
        width: chipWidth,
        height: 80,
      },
      { kind: 'select-level', level: number },
      number === level ? 'chip-on' : 'chip',
      number <= unlocked,
    );
  });
  const texts = [
    text('STAR LANES', 72, 440, { bold: true }),
    text('Dodge the rocks. Catch the stars.', 28, 360, { tone: 'muted' }),
    text('Level', 26, -30, { align: 'left', tone: 'muted' }),
  ];
  if (greeting !== null) texts.push(text(greeting, 30, 90, { tone: 'accent', bold: true, height: 110 }));
  return {
    name: 'menu',
    texts,
    buttons: [
      ...chips,
      buttonSpec(
        'play',
        `Play level ${level}`,
        { x: 0, y: -220, width: COLUMN_WIDTH, height: 104 },
        { kind: 'play', level },
        'primary',
      ),
      ...socialButtons('main_menu', -350, -460),
    ],
    // Only the open data context can read the player's cloud best, so it draws the "Best score" line.
    panel: { view: 'best', box: panelBox(240, NOTICE_RESOLUTION) },
    board: null,
  };
}
