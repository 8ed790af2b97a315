/**
 * The friend leaderboard surface. Only the rows inside the viewport are laid out and drawn, so a frame
 * costs the same with 20 friends or 2,000. Your row is highlighted, and pinned to the bottom while it is
 * scrolled out of view.
 */
import type { PointerPhase } from '../../assets/scripts/social/protocol';
import type { AvatarCache } from './avatars';
import { BoardGesture } from './boardGesture';
import { copyRowBitmap, type Row, RowPainter, rowButtonBox } from './boardRow';
import {
  type BoardModel,
  clearBelowRows,
  drawHeader,
  drawState,
  fillDeviceRect,
  scrollThumb,
  shadeAbovePinned,
} from './boardStates';
import { type Box, contains } from './paint';
import { RowCache, rowsAhead, rowsToPrepare } from './rowCache';
import { Scroller } from './scroller';
import { board, colors } from './theme';

export type { BoardModel, Row };

type Canvas2D = CanvasRenderingContext2D;

export type BoardAction = { kind: 'share'; row: Row } | { kind: 'retry' };

const BUTTON_SLOP = 6;
const LIST_TOP = board.headerHeight;

export class BoardView {
  readonly scroller = new Scroller();
  private width_ = 0;
  private height_ = 0;
  private scaleX_ = 1;
  private scaleY_ = 1;
  private readonly rowCache_ = RowCache.create();
  private rowCount_ = 0;
  private youIndex_ = -1;
  private readonly gesture_ = new BoardGesture(this.scroller);
  private readonly rows_: RowPainter;
  private retryButton_: Box | null = null;
  /** What the last full repaint showed; a different key means the next frame repaints everything. */
  private drawnKey_ = '';
  /**
   * The pinned row the canvas shows (its signature and top), or '' when unknown: a scroll frame leaves
   * it where it is, since nothing else draws there while the scroll bar stays above it.
   */
  private pinnedShown_ = '';
  /** Whether the last frame copied the visible rows and yours, so the cache holds all of them. */
  private visibleCopied_ = false;

  constructor(avatars: AvatarCache) {
    this.rows_ = new RowPainter(avatars);
  }

  /** Surface size in CSS px, and device pixels per CSS px on each axis. */
  setSize(width: number, height: number, scaleX: number, scaleY: number): void {
    this.width_ = width;
    this.height_ = height;
    this.scaleX_ = scaleX;
    this.scaleY_ = scaleY;
    this.rowCache_?.setSize(Math.round(width * scaleX), Math.round(board.rowHeight * scaleY));
    this.pinnedShown_ = '';
    this.updateBounds_();
  }

  /** Row bitmaps drawn ahead of need, in idle time (the benchmark reports it). */
  idleRenders = 0;

  /** How many row bitmaps were drawn so far, in frames and in idle time (the benchmark and tests read it). */
  get rowRenders(): number {
    return this.rowCache_?.renders ?? 0;
  }

  setRows(rowCount: number, youIndex: number): void {
    this.rowCount_ = rowCount;
    this.youIndex_ = youIndex;
    this.updateBounds_();
  }

  private get listHeight_(): number {
    return Math.max(0, this.height_ - board.headerHeight);
  }

  private updateBounds_(): void {
    // Room under the last row for your pinned row, so it never hides the bottom of the board.
    const pinnedRoom = this.youIndex_ >= 0 && this.youIndex_ < this.rowCount_ - 1 ? board.rowHeight : 0;
    this.scroller.setBounds(this.rowCount_ * board.rowHeight + pinnedRoom, this.listHeight_);
  }

  /** The next frame repaints everything (the canvas was cleared or resized). */
  invalidateAll(): void {
    this.drawnKey_ = '';
  }

  /**
   * Draws one frame; returns true while inertia still needs frames. When only the list changed (a
   * scroll, a row's avatar or share state), the header and the states are left as they are.
   */
  draw(ctx: Canvas2D, model: BoardModel, time: number): boolean {
    const moving = this.scroller.step(time);
    this.visibleCopied_ = false;
    const showRows = model.state === 'ready' && model.friendCount > 0;
    const key = `${model.state}|${model.problem}|${model.rows.length}|${this.width_}|${this.height_}`;
    const fullRepaint = key !== this.drawnKey_ || !showRows;
    if (fullRepaint) {
      this.drawnKey_ = key;
      this.pinnedShown_ = '';
      ctx.fillStyle = colors.background;
      ctx.fillRect(0, 0, this.width_, this.height_);
      const stateModel = { ...model, yourBest: model.rows[model.youIndex]?.best?.score ?? null };
      drawHeader(ctx, this.width_, stateModel);
      this.retryButton_ = showRows ? null : drawState(ctx, this.width_, this.height_, stateModel);
      if (!showRows) return moving;
    }
    const list = { top: LIST_TOP, height: this.listHeight_, width: this.width_ };
    const thumb = scrollThumb(this.scroller, list, this.scaleX_, this.scaleY_);
    // A full repaint draws rows directly: waiting for row bitmaps would only slow the first frame.
    if (fullRepaint) this.drawRows_(ctx, model);
    else this.copyRows_(ctx, model, thumb === null ? 0 : thumb.y + thumb.height);
    if (thumb !== null) fillDeviceRect(ctx, thumb, colors.scrollbar);
    ctx.setTransform(this.scaleX_, 0, 0, this.scaleY_, 0, 0);
    return moving;
  }

  /** Draws the visible rows, and your pinned row, straight onto the canvas; leaves the identity transform. */
  private drawRows_(ctx: Canvas2D, model: BoardModel): void {
    const { first, last } = this.visibleRange_(model);
    const bottom = this.listBottom_(model);
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, LIST_TOP, this.width_, bottom - LIST_TOP);
    ctx.clip();
    for (let index = first; index <= last; index += 1) {
      const row = model.rows[index];
      if (row !== undefined) this.drawRow_(ctx, row, index, this.rowTop_(index), model);
    }
    ctx.restore();
    const you = model.rows[model.youIndex];
    if (you !== undefined && bottom < this.height_) this.drawRow_(ctx, you, model.youIndex, bottom, model);
    clearBelowRows(ctx, this.rowTop_(model.rows.length), bottom, this.width_);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    shadeAbovePinned(ctx, bottom, this.height_, this.width_, this.scaleX_, this.scaleY_);
  }

  /**
   * Copies the visible rows' bitmaps, and your pinned row's unless the canvas already shows it there, at
   * whole device pixels: the scroll frame. All copies share the identity transform (left set), since
   * switching transforms around each copy costs more than the copy. A row still without a bitmap is
   * drawn into one first. `thumbBottom`: where this frame's scroll bar ends, device px.
   */
  private copyRows_(ctx: Canvas2D, model: BoardModel, thumbBottom: number): void {
    const cache = this.rowCache_;
    if (cache === null || !cache.ready) {
      this.drawRows_(ctx, model);
      return;
    }
    const { first, last } = this.visibleRange_(model);
    const bottom = this.listBottom_(model);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    for (let index = first; index <= last; index += 1)
      this.copyRow_(ctx, index, this.rowTop_(index), bottom, model);
    const you = model.rows[model.youIndex];
    let pinned = '';
    if (you !== undefined && bottom < this.height_) {
      pinned = `${this.rowSignature_(you, model.youIndex, model)}|${bottom}`;
      if (pinned !== this.pinnedShown_) this.copyRow_(ctx, model.youIndex, bottom, this.height_, model);
      // A scroll bar drawn over the pinned row stays there: the next frame copies the row again.
      if (thumbBottom > Math.round(bottom * this.scaleY_)) pinned = '';
    }
    if (this.rowTop_(model.rows.length) < bottom) {
      ctx.setTransform(this.scaleX_, 0, 0, this.scaleY_, 0, 0);
      clearBelowRows(ctx, this.rowTop_(model.rows.length), bottom, this.width_);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      pinned = '';
    }
    this.pinnedShown_ = pinned;
    this.visibleCopied_ = true;
    shadeAbovePinned(ctx, bottom, this.height_, this.width_, this.scaleX_, this.scaleY_);
    cache.retain(first, last, model.youIndex);
  }

  /** Where the list ends: above your pinned row while it is scrolled out of view, else the bottom. */
  private listBottom_(model: BoardModel): number {
    return this.isPinned_(model) ? this.height_ - board.rowHeight : this.height_;
  }

  /**
   * Whether idle time has rows to draw ahead, asked after each frame: queuing an idle task costs a scroll
   * frame more than asking (benchmark: 0.03 ms of 1 ms), and most scroll frames need none.
   */
  hasRowsToPrepare(model: BoardModel): boolean {
    const cache = this.rowCache_;
    if (cache === null || model.state !== 'ready' || model.friendCount === 0) return false;
    if (!this.visibleCopied_) return true;
    const { first, last } = this.visibleRange_(model);
    for (const index of rowsAhead(first, last)) {
      const row = model.rows[index];
      if (row !== undefined && !cache.has(index, this.rowSignature_(row, index, model))) return true;
    }
    return false;
  }

  /**
   * Draws, in idle time between frames, one row bitmap a coming frame will need: a visible row not yet
   * cached, your pinned row, or a row just outside the viewport. A scroll frame then only copies.
   * Returns true while more rows are waiting.
   */
  prepareNext(model: BoardModel): boolean {
    const cache = this.rowCache_;
    if (cache === null || model.state !== 'ready' || model.friendCount === 0) return false;
    const { first, last } = this.visibleRange_(model);
    let drawn = false;
    for (const index of rowsToPrepare(first, last, model.youIndex)) {
      const row = model.rows[index];
      if (row === undefined || cache.has(index, this.rowSignature_(row, index, model))) continue;
      if (drawn) return true;
      this.rowBitmap_(row, index, model);
      this.idleRenders += 1;
      drawn = true;
    }
    return false;
  }

  private visibleRange_(model: BoardModel): { first: number; last: number } {
    const offset = this.scroller.offset;
    return {
      first: Math.max(0, Math.floor(offset / board.rowHeight)),
      last: Math.min(model.rows.length - 1, Math.floor((offset + this.listHeight_) / board.rowHeight)),
    };
  }

  private rowTop_(index: number): number {
    return LIST_TOP + index * board.rowHeight - this.scroller.offset;
  }

  /** Whether your row is scrolled out of view, so a copy of it is pinned to the bottom. */
  private isPinned_(model: BoardModel): boolean {
    if (model.youIndex < 0 || model.rows[model.youIndex] === undefined) return false;
    const yourTop = this.rowTop_(model.youIndex);
    return yourTop < LIST_TOP || yourTop + board.rowHeight > this.height_;
  }

  private rowSignature_(row: Row, index: number, model: BoardModel): string {
    return this.rows_.signature(row, index, model.shares.get(row.openId));
  }

  /** The row's bitmap, drawn now unless the cache holds it with the same content. */
  private rowBitmap_(row: Row, index: number, model: BoardModel): ImageBitmap | null | undefined {
    return this.rowCache_?.get(index, this.rowSignature_(row, index, model), (rowCtx) => {
      rowCtx.setTransform(this.scaleX_, 0, 0, this.scaleY_, 0, 0);
      rowCtx.textBaseline = 'middle';
      rowCtx.textAlign = 'left';
      this.drawRow_(rowCtx, row, index, 0, model);
    });
  }

  private copyRow_(ctx: Canvas2D, index: number, y: number, bottom: number, model: BoardModel): void {
    const row = model.rows[index];
    const bitmap = row === undefined ? null : this.rowBitmap_(row, index, model);
    const area = { top: LIST_TOP, bottom, width: this.width_ };
    if (bitmap) copyRowBitmap(ctx, bitmap, y, area, this.scaleX_, this.scaleY_);
  }

  private drawRow_(ctx: Canvas2D, row: Row, index: number, y: number, model: BoardModel): void {
    this.rows_.draw(ctx, row, index, y, this.width_, this.scaleX_, model.shares.get(row.openId));
  }

  /** What a tap at (x, y) means; your own row and the pinned copy of it have no button. */
  hitTest(x: number, y: number, model: BoardModel): BoardAction | null {
    if (this.retryButton_ !== null && contains(this.retryButton_, x, y, BUTTON_SLOP))
      return { kind: 'retry' };
    if (model.state !== 'ready' || y < LIST_TOP || y >= this.listBottom_(model)) return null;
    const index = Math.floor((y - LIST_TOP + this.scroller.offset) / board.rowHeight);
    const row = model.rows[index];
    if (row === undefined || row.isYou || row.mine) return null;
    return contains(rowButtonBox(this.width_, this.rowTop_(index)), x, y, BUTTON_SLOP)
      ? { kind: 'share', row }
      : null;
  }

  /**
   * Feeds a pointer event; returns the tap's action, if any, and whether a redraw is needed. The model
   * is read only for a tap: a drag's moves, one per frame, need none.
   */
  pointer(
    phase: PointerPhase,
    x: number,
    y: number,
    time: number,
    model: () => BoardModel,
  ): { action: BoardAction | null; redraw: boolean } {
    const { tap, redraw } = this.gesture_.pointer(phase, x, y, time);
    return { action: tap === null ? null : this.hitTest(tap.x, tap.y, model()), redraw };
  }
}
