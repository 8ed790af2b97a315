/**
 * The leaderboard laid out: the Friends / Global toggle and a close button over the board area. Friends:
 * the open data context's board in the Leaderboard node. Global: the game server's rows, as labels.
 */
import { type BoardBody, type BoardContent, type GlobalRow, RANK_GAP_MARK } from '../shell/index';
import { BOARD_RESOLUTION } from './panelResolutions';
import {
  type Box,
  type ButtonSpec,
  COLUMN_WIDTH,
  DESIGN_SCREEN,
  edges,
  HALF_WIDTH,
  LEFT_HALF_X,
  placeButton,
  RIGHT_HALF_X,
  type ScreenModel,
  type ScreenSize,
  type TextSpec,
  text,
} from './screenModel';

/**
 * The board area, as the Canvas 2D edition's (minigame/screens/leaderboard.ts): 124 px under the top edge
 * (title, close, tabs above it), down to 84 px above the bottom edge (the invite under it).
 */
export function boardArea(screen: ScreenSize = DESIGN_SCREEN): Box {
  const { top, bottom } = edges(screen);
  const areaTop = top - 124 * screen.px;
  const areaBottom = bottom + 84 * screen.px;
  return { x: 0, y: (areaTop + areaBottom) / 2, width: COLUMN_WIDTH, height: areaTop - areaBottom };
}

/**
 * The friend board's node: SubContextView keeps its design resolution's aspect (which only the editor can
 * change), so the board takes the column's width from the area's top, and ends where that aspect ends it
 * when the area is taller; the whole area's height, narrower, when it is shorter.
 */
export function friendBoardBox(screen: ScreenSize = DESIGN_SCREEN): Box {
  const area = boardArea(screen);
  const aspect = BOARD_RESOLUTION.height / BOARD_RESOLUTION.width;
  const height = Math.min(area.height, area.width * aspect);
  const width = height / aspect;
  return { x: 0, y: area.y + area.height / 2 - height / 2, width, height };
}

const ROW_HEIGHT = 80;
const INVITE_HEIGHT = 80;

function rowTexts(area: Box, rows: readonly GlobalRow[], hint: string | null): TextSpec[] {
  const BOARD_TOP = area.y + area.height / 2;
  const shown = rows.slice(0, Math.floor(area.height / ROW_HEIGHT));
  const left = -COLUMN_WIDTH / 2;
  const texts = shown.flatMap((row, index): TextSpec[] => {
    const y = BOARD_TOP - ROW_HEIGHT * (index + 0.5);
    const tone = row.isYou ? 'accent' : 'text';
    // Where ranks are skipped (1, then the rows around yours), dots between the two ranks say so.
    const gap = row.afterGap
      ? [text(RANK_GAP_MARK, 26, y + ROW_HEIGHT / 2, { x: left + 40, width: 64, tone: 'muted' })]
      : [];
    return [
      ...gap,
      text(String(row.rank), 30, y, {
        x: left + 40,
        width: 64,
        bold: true,
        tone: row.rank <= 3 ? 'gold' : 'muted',
      }),
      text(row.name, 30, y, { x: left + 96 + 180, width: 360, align: 'left', tone, bold: row.isYou }),
      text(row.score, 30, y, { x: COLUMN_WIDTH / 2 - 24 - 80, width: 160, align: 'right', tone, bold: true }),
    ];
  });
  if (hint !== null)
    texts.push(text(hint, 26, BOARD_TOP - ROW_HEIGHT * shown.length - 50, { tone: 'muted' }));
  return texts;
}

function body(content: BoardBody, screen: ScreenSize): { texts: TextSpec[]; buttons: ButtonSpec[] } {
  const area = boardArea(screen);
  const BOARD_TOP = area.y + area.height / 2;
  switch (content.kind) {
    case 'friends': {
      // Under the board, as the Canvas edition's (16 px below it, 48 px tall).
      const board = friendBoardBox(screen);
      const below = board.y - board.height / 2 - 40 * screen.px;
      return {
        texts: [],
        buttons: [
          placeButton(content.invite, { x: 0, y: below, width: COLUMN_WIDTH, height: INVITE_HEIGHT }),
        ],
      };
    }
    case 'friends-alternative':
      return {
        texts: [
          text(content.title, 40, BOARD_TOP - 90, { bold: true }),
          text(content.body, 28, BOARD_TOP - 210, { tone: 'muted', width: COLUMN_WIDTH - 80, height: 150 }),
        ],
        buttons:
          content.showGlobal === null
            ? [placeButton(content.retry, { x: 0, y: BOARD_TOP - 380, width: COLUMN_WIDTH - 40, height: 96 })]
            : [
                placeButton(content.showGlobal, {
                  x: 0,
                  y: BOARD_TOP - 380,
                  width: COLUMN_WIDTH - 40,
                  height: 96,
                }),
                placeButton(content.retry, {
                  x: 0,
                  y: BOARD_TOP - 500,
                  width: COLUMN_WIDTH - 40,
                  height: 80,
                }),
              ],
      };
    case 'global-message':
      return { texts: [text(content.text, 30, BOARD_TOP - 100, { tone: 'muted' })], buttons: [] };
    case 'global-failed':
      return {
        texts: [
          text(content.title, 40, BOARD_TOP - 100, { bold: true }),
          text(content.body, 28, BOARD_TOP - 200, { tone: 'muted', width: COLUMN_WIDTH - 80, height: 120 }),
        ],
        buttons: [
          placeButton(content.retry, { x: 0, y: BOARD_TOP - 340, width: COLUMN_WIDTH - 80, height: 88 }),
        ],
      };
    case 'global-rows':
      return { texts: rowTexts(area, content.rows, content.hint), buttons: [] };
  }
}

export function leaderboardModel(content: BoardContent, screen: ScreenSize = DESIGN_SCREEN): ScreenModel {
  const [friendsTab, globalTab] = content.tabs;
  const inner = body(content.body, screen);
  // Title, close and tabs hang from the top edge at the Canvas edition's distances (CSS px times PX).
  const { top } = edges(screen);
  const titleY = top - 36 * screen.px;
  const tabsY = top - 92 * screen.px;
  return {
    texts: [
      text(content.title, 44, titleY, { align: 'left', bold: true, width: COLUMN_WIDTH - 100, x: -50 }),
      ...inner.texts,
    ],
    buttons: [
      placeButton(content.close, { x: COLUMN_WIDTH / 2 - 36, y: titleY, width: 72, height: 72 }),
      placeButton(friendsTab, { x: LEFT_HALF_X, y: tabsY, width: HALF_WIDTH, height: 72 }),
      placeButton(globalTab, { x: RIGHT_HALF_X, y: tabsY, width: HALF_WIDTH, height: 72 }),
      ...inner.buttons,
    ],
    panel: content.body.kind === 'friends' ? { view: 'board', box: friendBoardBox(screen) } : null,
    painting: null,
  };
}
