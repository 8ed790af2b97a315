/**
 * Draw only on change: a frame is requested when something is invalidated while the surface is visible,
 * and at most one frame is ever pending. Hidden or idle, the context asks the platform for nothing.
 */
import type { ContextHost } from './host';

export type DrawFrame = (time: number) => boolean;

export class FrameScheduler {
  private pending: number | null = null;
  private visible = false;
  private dirty = false;

  /** `draw` returns true when it wants another frame (an animation such as inertia is running). */
  constructor(
    private readonly host: Pick<ContextHost, 'requestAnimationFrame' | 'cancelAnimationFrame'>,
    private readonly draw: DrawFrame,
  ) {}

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) {
      this.schedule();
    } else if (this.pending !== null) {
      this.host.cancelAnimationFrame(this.pending);
      this.pending = null;
    }
  }

  invalidate(): void {
    this.dirty = true;
    this.schedule();
  }

  get framePending(): boolean {
    return this.pending !== null;
  }

  private schedule(): void {
    if (!this.visible || !this.dirty || this.pending !== null) return;
    this.pending = this.host.requestAnimationFrame((time) => {
      this.pending = null;
      if (!this.visible) return;
      this.dirty = false;
      if (this.draw(time)) this.invalidate();
    });
  }
}
