/**
 * The leaderboard: a Friends / Global toggle and a close button over the board area. Friends: the open
 * data context's image covers the area (the game only says where). Global: the game server's rows, drawn
 * here. The words and buttons come from the flow's content.
 */
import {
  type BoardBody,
  type BoardContent,
  type GlobalRow,
  RANK_GAP_MARK,
} from '../../assets/scripts/shell/index';
import type { LayoutOf } from '../screen';
import { colors } from '../theme';
import {
  type Button,
  column,
  drawBackdrop,
  drawParagraph,
  drawText,
  place,
  type Rect,
  roundRect,
} from '../ui';

const ROW_HEIGHT = 44;
const INVITE_HEIGHT = 48;

export const layoutBoard: LayoutOf<'leaderboard'> = (content: BoardContent, view) => {
  const { width, height } = view;
  const col = column(width);
  const boardRect: Rect = { x: col.x, y: 124, width: col.width, height: height - 124 - INVITE_HEIGHT - 36 };
  const tabWidth = (col.width - 8) / 2;
  const [friendsTab, globalTab] = content.tabs;
  const buttons: Button[] = [
    place(content.close, { x: width - 56, y: 16, width: 40, height: 40 }),
    place(friendsTab, { x: col.x, y: 72, width: tabWidth, height: 40 }),
    place(globalTab, { x: col.x + tabWidth + 8, y: 72, width: tabWidth, height: 40 }),
    ...bodyButtons(content.body, boardRect),
  ];
  return {
    buttons,
    contextRect: content.body.kind === 'friends' ? boardRect : null,
    playArea: null,
    draw(ctx) {
      drawBackdrop(ctx, width, height);
      drawText(ctx, content.title, col.x, 36, { size: 24, weight: 800 });
      drawBody(ctx, content.body, boardRect);
    },
  };
};

function bodyButtons(body: BoardBody, board: Rect): Button[] {
  switch (body.kind) {
    case 'friends':
      return [
        place(body.invite, {
          x: board.x,
          y: board.y + board.height + 16,
          width: board.width,
          height: INVITE_HEIGHT,
        }),
      ];
    case 'friends-alternative': {
      const y = board.y + 190;
      const x = board.x + 20;
      const width = board.width - 40;
      if (body.showGlobal === null) return [place(body.retry, { x, y, width, height: 52 })];
      return [
        place(body.showGlobal, { x, y, width, height: 52 }),
        place(body.retry, { x, y: y + 64, width, height: 44 }),
      ];
    }
    case 'global-failed':
      return [place(body.retry, { x: board.x + 40, y: board.y + 150, width: board.width - 80, height: 48 })];
    default:
      return [];
  }
}

function panel(ctx: CanvasRenderingContext2D, rect: Rect): void {
  roundRect(ctx, rect, 14);
  ctx.fillStyle = colors.panel;
  ctx.fill();
}

function drawBody(ctx: CanvasRenderingContext2D, body: BoardBody, board: Rect): void {
  const centerX = board.x + board.width / 2;
  switch (body.kind) {
    case 'friends':
      // The open data context's image covers this rectangle; this frame shows while it loads.
      panel(ctx, board);
      return;
    case 'friends-alternative':
      panel(ctx, board);
      drawText(ctx, body.title, centerX, board.y + 44, { size: 21, weight: 800, align: 'center' });
      drawParagraph(ctx, body.body, centerX, board.y + 84, board.width - 40, {
        size: 15,
        align: 'center',
        color: colors.muted,
        lineHeight: 21,
      });
      return;
    case 'global-message':
      panel(ctx, { ...board, height: 220 });
      drawText(ctx, body.text, centerX, board.y + 60, { size: 16, align: 'center', color: colors.muted });
      return;
    case 'global-failed':
      panel(ctx, { ...board, height: 220 });
      drawText(ctx, body.title, centerX, board.y + 56, { size: 22, weight: 800, align: 'center' });
      drawParagraph(ctx, body.body, centerX, board.y + 92, board.width - 40, {
        size: 14,
        align: 'center',
        color: colors.muted,
        lineHeight: 19,
      });
      return;
    case 'global-rows':
      drawRows(ctx, body.rows, body.hint, board);
      return;
  }
}

function drawRows(
  ctx: CanvasRenderingContext2D,
  rows: readonly GlobalRow[],
  hint: string | null,
  board: Rect,
): void {
  // The panel fits the rows it has: one or two players in a tall empty box look like a broken board.
  const shown = rows.slice(0, Math.floor(board.height / ROW_HEIGHT));
  const area = { ...board, height: shown.length * ROW_HEIGHT };
  ctx.save();
  panel(ctx, area);
  ctx.clip();
  shown.forEach((row, index) => {
    const y = board.y + index * ROW_HEIGHT;
    if (row.isYou || index % 2 === 1) {
      ctx.fillStyle = row.isYou ? colors.highlight : 'rgba(255,255,255,0.03)';
      ctx.fillRect(board.x, y, board.width, ROW_HEIGHT);
    }
    const mid = y + ROW_HEIGHT / 2;
    drawText(ctx, String(row.rank), board.x + 24, mid, {
      size: 15,
      weight: 800,
      align: 'center',
      color: row.rank <= 3 ? colors.gold : colors.muted,
    });
    drawText(ctx, row.name, board.x + 48, mid, {
      size: 15,
      weight: row.isYou ? 700 : 400,
      maxWidth: board.width - 140,
    });
    drawText(ctx, row.score, board.x + board.width - 14, mid, { size: 15, weight: 700, align: 'right' });
  });
  // Where ranks are skipped (1, then the rows around yours), dots between the two ranks say so.
  shown.forEach((row, index) => {
    if (row.afterGap)
      drawText(ctx, RANK_GAP_MARK, board.x + 24, board.y + index * ROW_HEIGHT, {
        size: 13,
        align: 'center',
        color: colors.muted,
      });
  });
  ctx.restore();
  if (hint !== null) {
    drawText(ctx, hint, board.x + board.width / 2, area.y + area.height + 24, {
      size: 14,
      align: 'center',
      color: colors.muted,
      maxWidth: board.width - 24,
    });
  }
}
