/**
 * The leaderboard laid out: the Friends / Global toggle and a close button over the board area. Friends:
 * the open data context's board in the Leaderboard node. Global: the game server's rows, as labels.
 */
import type { BoardBody, BoardContent, GlobalRow } from '../shell/index';
import {
  type ButtonSpec,
  COLUMN_WIDTH,
  HALF_WIDTH,
  LEFT_HALF_X,
  placeButton,
  RIGHT_HALF_X,
  type ScreenModel,
  type TextSpec,
  text,
} from './screenModel';

/** Where the board area is: under the tabs, above the invite. */
export const BOARD_AREA = { x: 0, y: 0, width: COLUMN_WIDTH, height: 860 } as const;
const BOARD_TOP = BOARD_AREA.y + BOARD_AREA.height / 2;
const ROW_HEIGHT = 80;

function rowTexts(rows: readonly GlobalRow[], hint: string | null): TextSpec[] {
  const shown = rows.slice(0, Math.floor(BOARD_AREA.height / ROW_HEIGHT));
  const left = -COLUMN_WIDTH / 2;
  const texts = shown.flatMap((row, index): TextSpec[] => {
    const y = BOARD_TOP - ROW_HEIGHT * (index + 0.5);
    const tone = row.isYou ? 'accent' : 'text';
    return [
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

function body(content: BoardBody): { texts: TextSpec[]; buttons: ButtonSpec[] } {
  switch (content.kind) {
    case 'friends': {
      const below = BOARD_AREA.y - BOARD_AREA.height / 2 - 56;
      return {
        texts: [],
        buttons: [placeButton(content.invite, { x: 0, y: below, width: COLUMN_WIDTH, height: 80 })],
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
      return { texts: rowTexts(content.rows, content.hint), buttons: [] };
  }
}

export function leaderboardModel(content: BoardContent): ScreenModel {
  const [friendsTab, globalTab] = content.tabs;
  const inner = body(content.body);
  return {
    texts: [
      text(content.title, 44, 590, { align: 'left', bold: true, width: COLUMN_WIDTH - 100, x: -50 }),
      ...inner.texts,
    ],
    buttons: [
      placeButton(content.close, { x: COLUMN_WIDTH / 2 - 36, y: 590, width: 72, height: 72 }),
      placeButton(friendsTab, { x: LEFT_HALF_X, y: 500, width: HALF_WIDTH, height: 72 }),
      placeButton(globalTab, { x: RIGHT_HALF_X, y: 500, width: HALF_WIDTH, height: 72 }),
      ...inner.buttons,
    ],
    panel: content.body.kind === 'friends' ? { view: 'board', box: { ...BOARD_AREA } } : null,
    painting: null,
  };
}
