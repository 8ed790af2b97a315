/**
 * The friend leaderboard surface. Only the rows inside the viewport are laid out and drawn, so a frame
 * costs the same with 20 friends or 2,000. Your row is highlighted, and pinned to the bottom while it is
 * scrolled out of view.
 */
import { formatScore } from '../../assets/scripts/social/displayName.js';
import type { Ranked } from '../../assets/scripts/social/ranking.js';
import type { AvatarCache } from './avatars.js';
import type { FriendsState, Player } from './friendStore.js';
import {
  type Box,
  contains,
  drawAvatar,
  drawButton,
  drawMessage,
  type ShareStatus,
  shareButtonLook,
} from './paint.js';
import { RowCache } from './rowCache.js';
import { Scroller } from './scroller.js';
import { drawFitted, fitText } from './text.js';
import { board, colors, font } from './theme.js';

export type Row = Ranked<Player>;

export type BoardAction = { kind: 'share'; row: Row } | { kind: 'retry' };

export interface BoardModel {
  readonly state: FriendsState['kind'];
  readonly problem: 'unauthorized' | 'failed' | null;
  readonly rows: readonly Row[];
  readonly youIndex: number;
  readonly friendCount: number;
  readonly shares: ReadonlyMap<string, ShareStatus>;
}

/** A finger must travel this far (CSS px) before a press becomes a scroll instead of a tap. */
const DRAG_THRESHOLD = 8;
const BUTTON_SLOP = 6;

export class BoardView {
  readonly scroller = new Scroller();
  private width = 0;
  private height = 0;
  private scaleX = 1;
  private scaleY = 1;
  private readonly rowCache = RowCache.create();
  private rowCount = 0;
  private youIndex = -1;
  private press: { x: number; y: number; dragging: boolean; stoppedFling: boolean } | null = null;
  private retryButton: Box | null = null;
  /** What the last full repaint showed; a different key means the next frame repaints everything. */
  private drawnKey = '';

  constructor(private readonly avatars: AvatarCache) {}

  /** Surface size in CSS px, and device pixels per CSS px on each axis. */
  setSize(width: number, height: number, scaleX: number, scaleY: number): void {
    this.width = width;
    this.height = height;
    this.scaleX = scaleX;
    this.scaleY = scaleY;
    this.rowCache?.setSize(Math.round(width * scaleX), Math.round(board.rowHeight * scaleY));
    this.updateBounds();
  }

  /** How many row bitmaps were drawn so far (the benchmark and tests read it). */
  get rowRenders(): number {
    return this.rowCache?.renders ?? 0;
  }

  setRows(rowCount: number, youIndex: number): void {
    this.rowCount = rowCount;
    this.youIndex = youIndex;
    this.updateBounds();
  }

  private get listTop(): number {
    return board.headerHeight;
  }

  private get listHeight(): number {
    return Math.max(0, this.height - board.headerHeight);
  }

  private updateBounds(): void {
    // Room under the last row for your pinned row, so it never hides the bottom of the board.
    const pinnedRoom = this.youIndex >= 0 && this.youIndex < this.rowCount - 1 ? board.rowHeight : 0;
    this.scroller.setBounds(this.rowCount * board.rowHeight + pinnedRoom, this.listHeight);
  }

  /** The next frame repaints everything (the canvas was cleared or resized). */
  invalidateAll(): void {
    this.drawnKey = '';
  }

  /**
   * Draws one frame; returns true while inertia still needs frames. When only the list changed (a
   * scroll, a row's avatar or share state), the header and the states are left as they are.
   */
  draw(ctx: CanvasRenderingContext2D, model: BoardModel, time: number): boolean {
    const moving = this.scroller.step(time);
    const showRows = model.state === 'ready' && model.friendCount > 0;
    const key = `${model.state}|${model.problem}|${model.rows.length}|${this.width}|${this.height}`;
    if (key !== this.drawnKey || !showRows) {
      this.drawnKey = key;
      ctx.fillStyle = colors.background;
      ctx.fillRect(0, 0, this.width, this.height);
      this.retryButton = null;
      this.drawHeader(ctx, model);
      if (!showRows) {
        this.drawState(ctx, model);
        return moving;
      }
      // A full repaint draws rows directly: allocating row bitmaps would only slow the first frame.
      this.drawRows(ctx, model, false);
    } else {
      this.drawRows(ctx, model, true);
    }
    this.drawPinnedRow(ctx, model);
    this.drawScrollbar(ctx);
    return moving;
  }

  private drawHeader(ctx: CanvasRenderingContext2D, model: BoardModel): void {
    ctx.fillStyle = colors.header;
    ctx.fillRect(0, 0, this.width, board.headerHeight);
    ctx.fillStyle = colors.text;
    ctx.font = font(17, 700);
    ctx.fillText('Friends', board.paddingX, board.headerHeight / 2);
    if (model.state === 'ready' && model.friendCount > 0) {
      ctx.fillStyle = colors.muted;
      ctx.font = font(13);
      ctx.textAlign = 'right';
      ctx.fillText(`${model.rows.length} players`, this.width - board.paddingX, board.headerHeight / 2);
      ctx.textAlign = 'left';
    }
  }

  private drawState(ctx: CanvasRenderingContext2D, model: BoardModel): void {
    const top = this.listTop;
    const height = this.listHeight;
    if (model.state === 'loading' || model.state === 'idle') {
      drawMessage(ctx, this.width, top, height, 'Loading friends…', ['Fetching your friends’ best scores.']);
      return;
    }
    if (model.state === 'error' && model.problem === 'unauthorized') {
      drawMessage(ctx, this.width, top, height, 'See how you rank', [
        'Allow friend access to compare',
        'scores with friends who play and',
        'hear when you pass one of them.',
      ]);
      return;
    }
    if (model.state === 'error') {
      const y = drawMessage(ctx, this.width, top, height, 'Couldn’t load friends', [
        'Check your connection and retry.',
      ]);
      const box = { x: this.width / 2 - 60, y: y + 4, width: 120, height: 36 };
      drawButton(ctx, box, 'Retry', colors.button);
      this.retryButton = box;
      return;
    }
    const you = model.youIndex >= 0 ? model.rows[model.youIndex] : undefined;
    drawMessage(ctx, this.width, top, height, 'No friends play yet', [
      you?.best ? `Your best: ${formatScore(you.best.score)}` : 'Be the first to set a score.',
      'Invite a friend with the button',
      'below and race for the top.',
    ]);
  }

  private drawRows(ctx: CanvasRenderingContext2D, model: BoardModel, cached: boolean): void {
    const offset = this.scroller.offset;
    const first = Math.max(0, Math.floor(offset / board.rowHeight));
    const last = Math.min(model.rows.length - 1, Math.floor((offset + this.listHeight) / board.rowHeight));
    const cache = cached ? this.rowCache : null;
    if (cache === null) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, this.listTop, this.width, this.listHeight);
      ctx.clip();
    }
    for (let index = first; index <= last; index += 1) {
      const row = model.rows[index];
      const y = this.listTop + index * board.rowHeight - offset;
      if (row === undefined) continue;
      if (cache === null) this.drawRow(ctx, row, index, y, model);
      else this.copyRow(ctx, cache, row, index, y, model);
    }
    if (cache === null) ctx.restore();
    // Below a short list, clear what a taller frame may have left.
    const end = this.listTop + model.rows.length * board.rowHeight - offset;
    if (end < this.height) {
      ctx.fillStyle = colors.background;
      ctx.fillRect(0, end, this.width, this.height - end);
    }
    this.rowCache?.retain(first, last, model.youIndex);
  }

  /** Your row, pinned to the bottom while the list has scrolled it out of view. */
  private drawPinnedRow(ctx: CanvasRenderingContext2D, model: BoardModel): void {
    const you = model.rows[model.youIndex];
    const yourTop = this.listTop + model.youIndex * board.rowHeight - this.scroller.offset;
    if (you === undefined || (yourTop >= this.listTop && yourTop + board.rowHeight <= this.height)) return;
    const pinnedTop = this.height - board.rowHeight;
    ctx.fillStyle = 'rgba(0,0,0,0.35)';
    ctx.fillRect(0, pinnedTop - 3, this.width, 3);
    if (this.rowCache === null) this.drawRow(ctx, you, model.youIndex, pinnedTop, model);
    else this.copyRow(ctx, this.rowCache, you, model.youIndex, pinnedTop, model);
  }

  /** The row's bitmap (redrawn only when its content changed), copied at a whole device pixel. */
  private copyRow(
    ctx: CanvasRenderingContext2D,
    cache: RowCache,
    row: Row,
    index: number,
    y: number,
    model: BoardModel,
  ): void {
    const status = model.shares.get(row.openId) ?? '';
    const avatarReady = this.avatars.get(row.avatarUrl) !== null;
    const signature = `${row.openId}|${row.name}|${row.rank}|${row.best?.score}|${row.isYou}|${index & 1}|${status}|${avatarReady}`;
    const bitmap = cache.get(index, signature, (rowCtx) => {
      rowCtx.setTransform(this.scaleX, 0, 0, this.scaleY, 0, 0);
      rowCtx.textBaseline = 'middle';
      rowCtx.textAlign = 'left';
      this.drawRow(rowCtx, row, index, 0, model);
    });
    if (bitmap === null) {
      this.drawRow(ctx, row, index, y, model);
      return;
    }
    const top = Math.round(y * this.scaleY);
    const listTop = Math.round(this.listTop * this.scaleY);
    // The top row may be partly under the header: copy only the part below it.
    const skip = Math.max(0, listTop - top);
    if (skip >= bitmap.height) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(
      bitmap,
      0,
      skip,
      bitmap.width,
      bitmap.height - skip,
      0,
      top + skip,
      bitmap.width,
      bitmap.height - skip,
    );
    ctx.setTransform(this.scaleX, 0, 0, this.scaleY, 0, 0);
  }

  private drawRow(
    ctx: CanvasRenderingContext2D,
    row: Row,
    index: number,
    y: number,
    model: BoardModel,
  ): void {
    const height = board.rowHeight;
    const middle = y + height / 2;
    // Opaque, so a cached row bitmap fully replaces what was under it.
    ctx.fillStyle = row.isYou ? colors.you : index % 2 === 1 ? colors.rowAlt : colors.background;
    ctx.fillRect(0, y, this.width, height);
    if (row.isYou) {
      ctx.fillStyle = colors.youEdge;
      ctx.fillRect(0, y, 4, height);
    }

    let x = board.paddingX;
    ctx.textAlign = 'center';
    ctx.fillStyle = row.rank !== null && row.rank <= 3 ? colors.rankTop : colors.muted;
    ctx.font = font(row.rank !== null && row.rank < 1000 ? 16 : 12, 700);
    ctx.fillText(row.rank === null ? '–' : String(row.rank), x + board.rankWidth / 2, middle);
    ctx.textAlign = 'left';
    x += board.rankWidth + 4;

    drawAvatar(ctx, this.avatars, row, x, middle - board.avatarSize / 2, board.avatarSize, this.scaleX);
    x += board.avatarSize + board.gap;

    const buttonRoom = row.isYou ? 0 : board.buttonWidth + board.gap;
    const textWidth = Math.max(0, this.width - x - buttonRoom - board.paddingX);
    ctx.fillStyle = colors.text;
    ctx.font = font(15, 600);
    drawFitted(ctx, fitText(ctx, row.name, textWidth), x, middle - 9);
    ctx.fillStyle = row.isYou ? colors.youEdge : colors.muted;
    ctx.font = font(13);
    const score = row.best === null ? 'No score yet' : `${formatScore(row.best.score)} pts`;
    ctx.fillText(row.isYou ? `${score} · You` : score, x, middle + 10);

    if (!row.isYou) {
      const look = shareButtonLook(model.shares.get(row.openId), row.best === null ? 'Invite' : 'Challenge');
      drawButton(ctx, this.buttonBox(y), look.label, look.fill, this.scaleX);
    }
  }

  private drawScrollbar(ctx: CanvasRenderingContext2D): void {
    const max = this.scroller.maxOffset;
    if (max <= 0) return;
    const track = this.listHeight;
    const thumb = Math.max(24, (track * track) / (track + max));
    const y = this.listTop + ((track - thumb) * this.scroller.offset) / max;
    ctx.fillStyle = colors.scrollbar;
    ctx.fillRect(this.width - 4, y, 3, thumb);
  }

  private buttonBox(rowTop: number): Box {
    return {
      x: this.width - board.paddingX - board.buttonWidth,
      y: rowTop + (board.rowHeight - board.buttonHeight) / 2,
      width: board.buttonWidth,
      height: board.buttonHeight,
    };
  }

  /** What a tap at (x, y) means; your own row and the pinned copy of it have no button. */
  hitTest(x: number, y: number, model: BoardModel): BoardAction | null {
    if (this.retryButton !== null && contains(this.retryButton, x, y, BUTTON_SLOP)) return { kind: 'retry' };
    if (model.state !== 'ready' || y < this.listTop) return null;
    const yourTop = this.listTop + model.youIndex * board.rowHeight - this.scroller.offset;
    const pinned = model.youIndex >= 0 && (yourTop < this.listTop || yourTop + board.rowHeight > this.height);
    if (pinned && y >= this.height - board.rowHeight) return null;
    const index = Math.floor((y - this.listTop + this.scroller.offset) / board.rowHeight);
    const row = model.rows[index];
    if (row === undefined || row.isYou) return null;
    const rowTop = this.listTop + index * board.rowHeight - this.scroller.offset;
    return contains(this.buttonBox(rowTop), x, y, BUTTON_SLOP) ? { kind: 'share', row } : null;
  }

  /** Feeds a pointer event; returns the tap's action, if any, and whether a redraw is needed. */
  pointer(
    phase: 'down' | 'move' | 'up' | 'cancel',
    x: number,
    y: number,
    time: number,
    model: BoardModel,
  ): { action: BoardAction | null; redraw: boolean } {
    switch (phase) {
      case 'down': {
        const stoppedFling = this.scroller.moving;
        this.scroller.startDrag(y, time);
        this.press = { x, y, dragging: false, stoppedFling };
        return { action: null, redraw: stoppedFling };
      }
      case 'move': {
        const press = this.press;
        if (press === null) return { action: null, redraw: false };
        if (!press.dragging && Math.abs(y - press.y) < DRAG_THRESHOLD) return { action: null, redraw: false };
        press.dragging = true;
        return { action: null, redraw: this.scroller.drag(y, time) };
      }
      case 'up': {
        const press = this.press;
        this.press = null;
        if (press === null) return { action: null, redraw: false };
        if (press.dragging) {
          this.scroller.drag(y, time);
          this.scroller.release(time);
          return { action: null, redraw: true };
        }
        this.scroller.stop();
        return { action: press.stoppedFling ? null : this.hitTest(x, y, model), redraw: false };
      }
      case 'cancel':
        this.press = null;
        this.scroller.stop();
        return { action: null, redraw: false };
    }
  }
}
