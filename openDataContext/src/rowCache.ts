/**
 * Rows drawn once into their own small bitmaps, then copied while scrolling. Copying a bitmap at a
 * whole-pixel offset is the cheapest thing a 2d canvas does; text, round-clipped avatars and buttons are
 * the most expensive, so a scroll frame costs a handful of copies.
 *
 * Rows are drawn on one scratch `OffscreenCanvas` and kept as `ImageBitmap`s: a canvas records drawing
 * and rasterizes it only when its pixels are first needed, so a row kept as a canvas would be rasterized
 * inside the scroll frame that first copies it; `transferToImageBitmap` rasterizes it when it is drawn,
 * which may be in idle time. Where `OffscreenCanvas` is missing, `create` returns null and the board
 * draws rows directly: correct, only slower.
 */

type RowContext = CanvasRenderingContext2D;

interface Entry {
  bitmap: ImageBitmap;
  signature: string;
}

/** Rows kept beyond the visible ones, so a small scroll back does not redraw them. */
const SPARE_ROWS = 4;
/** Rows beyond each edge of the viewport drawn ahead in idle time (fewer than the spare rows kept). */
const PREPARED_ROWS = 2;

/** The rows just beyond a viewport showing rows `first` to `last` that idle time draws ahead, nearest first. */
export function rowsAhead(first: number, last: number): number[] {
  const rows: number[] = [];
  for (let ahead = 1; ahead <= PREPARED_ROWS; ahead += 1) rows.push(last + ahead, first - ahead);
  return rows;
}

/** Every row idle time keeps drawn, most urgent first: the visible ones, yours (-1: none), those ahead. */
export function rowsToPrepare(first: number, last: number, youIndex: number): number[] {
  const rows: number[] = [];
  for (let index = first; index <= last; index += 1) rows.push(index);
  if (youIndex >= 0) rows.push(youIndex);
  return [...rows, ...rowsAhead(first, last)];
}

export class RowCache {
  private readonly entries_ = new Map<number, Entry>();
  private scratch_: { canvas: OffscreenCanvas; ctx: RowContext } | null = null;
  renders = 0;

  static create(): RowCache | null {
    const supported =
      typeof OffscreenCanvas !== 'undefined' &&
      typeof OffscreenCanvas.prototype.transferToImageBitmap === 'function';
    return supported ? new RowCache() : null;
  }

  /** Sets the bitmap size in device pixels; a change drops every cached row. */
  setSize(width: number, height: number): void {
    if (
      this.scratch_ !== null &&
      width === this.scratch_.canvas.width &&
      height === this.scratch_.canvas.height
    )
      return;
    for (const entry of this.entries_.values()) entry.bitmap.close();
    this.entries_.clear();
    this.scratch_ = null;
    if (width < 1 || height < 1) return;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d') as unknown as RowContext | null;
    this.scratch_ = ctx === null ? null : { canvas, ctx };
  }

  /** Whether rows can be drawn into bitmaps (false until sized, or when no 2d context was given). */
  get ready(): boolean {
    return this.scratch_ !== null;
  }

  /** Whether row `index` is cached with this `signature`. */
  has(index: number, signature: string): boolean {
    return this.entries_.get(index)?.signature === signature;
  }

  /** The bitmap of row `index`, redrawn by `render` only when its `signature` changed. */
  get(index: number, signature: string, render: (ctx: RowContext) => void): ImageBitmap | null {
    const cached = this.entries_.get(index);
    if (cached !== undefined && cached.signature === signature) return cached.bitmap;
    const scratch = this.scratch_;
    if (scratch === null) return null;
    scratch.ctx.setTransform(1, 0, 0, 1, 0, 0);
    render(scratch.ctx);
    const bitmap = scratch.canvas.transferToImageBitmap();
    cached?.bitmap.close();
    this.entries_.set(index, { bitmap, signature });
    this.renders += 1;
    return bitmap;
  }

  /** Drops rows far from the visible range [first, last], except `keep` (your pinned row). */
  retain(first: number, last: number, keep: number): void {
    for (const [index, entry] of this.entries_) {
      if (index === keep || (index >= first - SPARE_ROWS && index <= last + SPARE_ROWS)) continue;
      entry.bitmap.close();
      this.entries_.delete(index);
    }
  }
}
