/** The friend board's header, and what it says instead of rows: loading, no access, a failure, no friends. */
import { formatScore } from '../../assets/scripts/social/displayName';
import type { FriendsState } from './friendStore';
import { type Box, drawButton, drawMessage } from './paint';
import type { Scroller } from './scroller';
import { board, colors, font } from './theme';

export interface BoardStateModel {
  readonly state: FriendsState['kind'];
  readonly problem: 'unauthorized' | 'failed' | null;
  readonly rows: readonly unknown[];
  readonly friendCount: number;
  /** Your best, when the board has no friends to show beside it. */
  readonly yourBest: number | null;
}

export function drawHeader(ctx: CanvasRenderingContext2D, width: number, model: BoardStateModel): void {
  ctx.fillStyle = colors.header;
  ctx.fillRect(0, 0, width, board.headerHeight);
  ctx.fillStyle = colors.text;
  ctx.font = font(17, 700);
  ctx.fillText('Friends', board.paddingX, board.headerHeight / 2);
  if (model.state === 'ready' && model.friendCount > 0) {
    ctx.fillStyle = colors.muted;
    ctx.font = font(13);
    ctx.textAlign = 'right';
    ctx.fillText(`${model.rows.length} players`, width - board.paddingX, board.headerHeight / 2);
    ctx.textAlign = 'left';
  }
}

/** Draws the board's message below the header; returns the retry button's box when there is one. */
export function drawState(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  model: BoardStateModel,
): Box | null {
  const top = board.headerHeight;
  const room = Math.max(0, height - top);
  if (model.state === 'loading' || model.state === 'idle') {
    drawMessage(ctx, width, top, room, 'Loading friends…', ['Fetching your friends’ best scores.']);
    return null;
  }
  if (model.state === 'error' && model.problem === 'unauthorized') {
    drawMessage(ctx, width, top, room, 'See how you rank', [
      'Allow friend access to compare',
      'scores with friends who play and',
      'hear when you pass one of them.',
    ]);
    return null;
  }
  if (model.state === 'error') {
    const y = drawMessage(ctx, width, top, room, 'Couldn’t load friends', [
      'Check your connection and retry.',
    ]);
    const box = { x: width / 2 - 60, y: y + 4, width: 120, height: 36 };
    drawButton(ctx, box, 'Retry', colors.button);
    return box;
  }
  drawMessage(ctx, width, top, room, 'No friends play yet', [
    model.yourBest !== null ? `Your best: ${formatScore(model.yourBest)}` : 'Be the first to set a score.',
    'Invite a friend with the button',
    'below and race for the top.',
  ]);
  return null;
}

/**
 * The scroll position, as a thin bar at the right edge of the list, on whole device pixels under the
 * identity transform: a scroll frame then fills it without antialiased edges.
 */
export function drawScrollbar(
  ctx: CanvasRenderingContext2D,
  scroller: Scroller,
  list: { top: number; height: number; width: number },
  scaleX: number,
  scaleY: number,
): void {
  const max = scroller.maxOffset;
  if (max <= 0) return;
  const thumb = Math.max(24, (list.height * list.height) / (list.height + max));
  const y = list.top + ((list.height - thumb) * scroller.offset) / max;
  const top = Math.round(y * scaleY);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = colors.scrollbar;
  ctx.fillRect(
    Math.round((list.width - 4) * scaleX),
    top,
    Math.round(3 * scaleX),
    Math.round((y + thumb) * scaleY) - top,
  );
  ctx.setTransform(scaleX, 0, 0, scaleY, 0, 0);
}
