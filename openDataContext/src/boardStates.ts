/**
 * The friend board's header, what it says instead of rows (loading, no access, a failure, no friends),
 * and what it draws around the rows: the scroll bar, the clear under a short list, the pinned row's shadow.
 */
import { formatScore } from '../../assets/scripts/social/displayName';
import type { Row } from './boardRow';
import type { FriendsState } from './friendStore';
import { type Box, drawButton, drawMessage, type ShareStatus } from './paint';
import type { Scroller } from './scroller';
import { board, colors, font } from './theme';

/** What the board draws from: the friend data's state, the ranked rows, your place, the cards sent. */
export interface BoardModel {
  readonly state: FriendsState['kind'];
  readonly problem: 'unauthorized' | 'failed' | null;
  readonly rows: readonly Row[];
  readonly youIndex: number;
  readonly friendCount: number;
  readonly shares: ReadonlyMap<string, ShareStatus>;
}

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
    // The platform call failed or timed out; whether the phone is offline, the context cannot tell.
    const y = drawMessage(ctx, width, top, room, 'Couldn’t load friends', [
      'Your friends’ scores didn’t arrive.',
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

/** The scroll bar's thumb in device pixels. */
export interface DeviceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the scroll position's thin bar at the right edge of the list goes, on whole device pixels, or
 * null when the list does not scroll: filled under the identity transform, it has no antialiased edges.
 */
export function scrollThumb(
  scroller: Scroller,
  list: { top: number; height: number; width: number },
  scaleX: number,
  scaleY: number,
): DeviceRect | null {
  const max = scroller.maxOffset;
  if (max <= 0) return null;
  const thumb = Math.max(24, (list.height * list.height) / (list.height + max));
  const y = list.top + ((list.height - thumb) * scroller.offset) / max;
  const top = Math.round(y * scaleY);
  return {
    x: Math.round((list.width - 4) * scaleX),
    y: top,
    width: Math.round(3 * scaleX),
    height: Math.round((y + thumb) * scaleY) - top,
  };
}

/** Fills `box`, in device pixels: the canvas is under the identity transform. */
export function fillDeviceRect(ctx: CanvasRenderingContext2D, box: DeviceRect, fill: string): void {
  ctx.fillStyle = fill;
  ctx.fillRect(box.x, box.y, box.width, box.height);
}

/** Clears under a short list, from the last row's end to `bottom` (CSS px transform). */
export function clearBelowRows(
  ctx: CanvasRenderingContext2D,
  end: number,
  bottom: number,
  width: number,
): void {
  if (end >= bottom) return;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, end, width, bottom - end);
}

/** Height (CSS px) of the shadow line above the pinned row. */
const PINNED_SHADOW = 3;

/**
 * Shades the list's edge above your pinned row (at `bottom`, CSS px; none when it is the surface's
 * `height`), on whole device pixels under the identity transform, so that it never blends into the
 * pinned row, which a scroll frame leaves as it is.
 */
export function shadeAbovePinned(
  ctx: CanvasRenderingContext2D,
  bottom: number,
  height: number,
  width: number,
  scaleX: number,
  scaleY: number,
): void {
  if (bottom >= height) return;
  const edge = Math.round(bottom * scaleY);
  const shadow = Math.round(PINNED_SHADOW * scaleY);
  const box = { x: 0, y: edge - shadow, width: Math.round(width * scaleX), height: shadow };
  fillDeviceRect(ctx, box, 'rgba(0,0,0,0.35)');
}
