/** The main menu laid out: title and emblem, the cloud best (drawn by the open data context), levels, social. */
import type { MenuContent } from '../shell/index';
import { NOTICE_RESOLUTION } from './panelResolutions';
import {
  AREA_SCALE,
  COLUMN_WIDTH,
  DESIGN_SCREEN,
  edges,
  MAIN_ROW_Y,
  panelBox,
  placeButton,
  placeSocial,
  type ScreenModel,
  type ScreenSize,
  text,
} from './screenModel';

const CHIP_GAP = 16;
/** The emblem's box, in play area units (the Canvas 2D edition draws it 52 CSS px tall). */
const EMBLEM_SIZE = 56;

/** How far the title hangs from the top edge (minigame/screens/menu.ts: 16% of the height, at least 70 px). */
export const menuTitleDrop = (screen: ScreenSize): number => Math.max(70 * screen.px, screen.height * 0.16);

export function menuModel(content: MenuContent, screen: ScreenSize = DESIGN_SCREEN): ScreenModel {
  const { top, bottom } = edges(screen);
  // The header hangs from the title, the levels and buttons stand on the bottom edge, at the Canvas
  // edition's distances (CSS px times screen.px).
  const titleY = top - menuTitleDrop(screen);
  const playY = bottom + MAIN_ROW_Y * screen.px;
  const chipsY = bottom + 244 * screen.px;
  const count = content.levels.length;
  const chipWidth = (COLUMN_WIDTH - CHIP_GAP * (count - 1)) / count;
  const chips = content.levels.map((chip, index) =>
    placeButton(chip, {
      x: -COLUMN_WIDTH / 2 + chipWidth / 2 + index * (chipWidth + CHIP_GAP),
      y: chipsY,
      width: chipWidth,
      height: 80,
    }),
  );
  const texts = [
    text(content.title, 72, titleY, { bold: true }),
    text(content.tagline, 28, titleY - 38 * screen.px, { tone: 'muted' }),
    text(content.levelLabel, 26, chipsY + 34 * screen.px, { align: 'left', tone: 'muted' }),
  ];
  if (content.greeting !== null) {
    texts.push(
      text(twoLines(content.greeting), 30, titleY - 218 * screen.px, {
        tone: 'accent',
        bold: true,
        height: 100,
      }),
    );
  }
  const emblemBox = {
    x: 0,
    y: titleY - 100 * screen.px,
    width: EMBLEM_SIZE * AREA_SCALE,
    height: EMBLEM_SIZE * AREA_SCALE,
  };
  return {
    texts,
    buttons: [
      ...chips,
      placeButton(content.play, { x: 0, y: playY, width: COLUMN_WIDTH, height: 104 }),
      ...placeSocial(content.social, screen),
    ],
    // Only the open data context can read the player's cloud best, so it draws the "Best score" line,
    // centred where the Canvas edition's strip is.
    panel: { view: 'best', box: panelBox(titleY - 160 * screen.px, NOTICE_RESOLUTION) },
    painting: {
      box: emblemBox,
      paint: (painter, area) => content.drawEmblem(painter, area.width / 2, area.height / 2, 52),
    },
  };
}

/**
 * The greeting on two lines, broken at the space nearest its middle: Label's own wrapping would break a
 * score after its thousands comma ("1," / "250").
 */
export function twoLines(line: string): string {
  const middle = line.length / 2;
  let best = -1;
  for (let index = line.indexOf(' '); index !== -1; index = line.indexOf(' ', index + 1)) {
    if (best === -1 || Math.abs(index - middle) < Math.abs(best - middle)) best = index;
  }
  return best === -1 ? line : `${line.slice(0, best)}\n${line.slice(best + 1)}`;
}
