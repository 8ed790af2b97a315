/**
 * Draw only on change: a frame is requested when something is invalidated while the surface is visible,
 * and at most one frame is ever pending. Hidden or idle, the context asks the platform for nothing.
 */
import type { ContextHost } from './host';

export type DrawFrame = (time: number) => boolean;

export class FrameScheduler {
  private pending_: number | null = null;
  private visible_ = false;
  private dirty_ = false;

  /** `draw` returns true when it wants another frame (an animation such as inertia is running). */
  constructor(
    private readonly host_: Pick<ContextHost, 'requestAnimationFrame' | 'cancelAnimationFrame'>,
    private readonly draw_: DrawFrame,
  ) {}

  setVisible(visible: boolean): void {
    this.visible_ = visible;
    if (visible) {
      this.schedule_();
    } else if (this.pending_ !== null) {
      this.host_.cancelAnimationFrame(this.pending_);
      this.pending_ = null;
    }
  }

  invalidate(): void {
    this.dirty_ = true;
    this.schedule_();
  }

  get framePending(): boolean {
    return this.pending_ !== null;
  }

  private schedule_(): void {
    if (!this.visible_ || !this.dirty_ || this.pending_ !== null) return;
    this.pending_ = this.host_.requestAnimationFrame((time) => {
      this.pending_ = null;
      if (!this.visible_) return;
      this.dirty_ = false;
      if (this.draw_(time)) this.invalidate();
    });
  }
}

/**
 * Work between frames (row bitmaps drawn ahead), one `tt.setTimeout` task at a time, each doing one piece
 * so a frame is never kept waiting. `work` returns true while pieces remain.
 */
export class IdleWork {
  private task_: number | null = null;
  private available_ = true;

  constructor(
    private readonly host_: Pick<ContextHost, 'setTimeout' | 'clearTimeout'>,
    private readonly work_: () => boolean,
  ) {}

  request(): void {
    if (this.task_ !== null || !this.available_) return;
    try {
      this.task_ = this.host_.setTimeout(() => {
        this.task_ = null;
        if (this.work_()) this.request();
      }, 0);
    } catch {
      // A runtime without `tt.setTimeout` still gets a correct board: rows are drawn when first shown.
      this.available_ = false;
    }
  }

  cancel(): void {
    if (this.task_ !== null) this.host_.clearTimeout(this.task_);
    this.task_ = null;
  }
}
