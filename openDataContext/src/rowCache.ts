/**
 * Rows drawn once into their own small bitmaps, then copied while scrolling. Copying a bitmap at a
 * whole-pixel offset is the cheapest thing a 2d canvas does; text, round-clipped avatars and buttons are
 * the most expensive, so a scroll frame costs a handful of copies plus, now and then, one new row.
 *
 * Needs `OffscreenCanvas` (Chromium, the simulator, recent WebViews). Where it is missing, `create`
 * returns null and the board draws rows directly: correct, only slower.
 */

type RowContext = CanvasRenderingContext2D;

interface Entry {
  canvas: OffscreenCanvas;
  ctx: RowContext;
  signature: string;
}

/** Rows kept beyond the visible ones, so a small scroll back does not redraw them. */
const SPARE_ROWS = 4;

export class RowCache {
  private readonly entries = new Map<number, Entry>();
  private readonly pool: Entry[] = [];
  private width = 0;
  private height = 0;
  renders = 0;

  static create(): RowCache | null {
    return typeof OffscreenCanvas === 'undefined' ? null : new RowCache();
  }

  /** Sets the bitmap size in device pixels; a change drops every cached row. */
  setSize(width: number, height: number): void {
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.entries.clear();
    this.pool.length = 0;
  }

  /** The bitmap of row `index`, redrawn by `render` only when its `signature` changed. */
  get(index: number, signature: string, render: (ctx: RowContext) => void): OffscreenCanvas | null {
    const cached = this.entries.get(index);
    if (cached !== undefined && cached.signature === signature) return cached.canvas;
    const entry = cached ?? this.pool.pop() ?? this.allocate();
    if (entry === null) return null;
    this.entries.set(index, entry);
    entry.signature = signature;
    entry.ctx.setTransform(1, 0, 0, 1, 0, 0);
    render(entry.ctx);
    this.renders += 1;
    return entry.canvas;
  }

  /** Recycles rows far from the visible range [first, last], except `keep` (your pinned row). */
  retain(first: number, last: number, keep: number): void {
    for (const [index, entry] of this.entries) {
      if (index === keep || (index >= first - SPARE_ROWS && index <= last + SPARE_ROWS)) continue;
      this.entries.delete(index);
      this.pool.push(entry);
    }
  }

  private allocate(): Entry | null {
    if (this.width < 1 || this.height < 1) return null;
    const canvas = new OffscreenCanvas(this.width, this.height);
    const ctx = canvas.getContext('2d') as unknown as RowContext | null;
    return ctx === null ? null : { canvas, ctx, signature: '' };
  }
}
