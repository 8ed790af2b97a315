/**
 * Vertical scrolling with a finger and inertia, as pure state: the board feeds it pointer positions and
 * frame times, and asks for more frames only while `moving` is true.
 */

/** Release speeds below this (px/ms) are a tap or a careful stop, not a fling. */
const MIN_FLING_VELOCITY = 0.05;
/** Inertia ends when slower than this (px/ms): under one px per frame. */
const STOP_VELOCITY = 0.02;
/** Time constant of the exponential slow-down, close to iOS's native lists. */
const DECELERATION_MS = 325;
/** Only the last moments of a drag decide the fling velocity. */
const VELOCITY_WINDOW_MS = 100;
/** A frame gap longer than this (a stall, a hidden tab) is not applied as motion. */
const MAX_STEP_MS = 50;
const FIRST_STEP_MS = 16;

interface Sample {
  y: number;
  time: number;
}

export class Scroller {
  offset = 0;
  private max_ = 0;
  private velocity_ = 0;
  private lastStep_: number | null = null;
  private samples_: Sample[] = [];

  get maxOffset(): number {
    return this.max_;
  }

  get moving(): boolean {
    return this.velocity_ !== 0;
  }

  setBounds(contentHeight: number, viewportHeight: number): void {
    this.max_ = Math.max(0, contentHeight - viewportHeight);
    this.offset = clamp(this.offset, 0, this.max_);
  }

  scrollTo(offset: number): void {
    this.offset = clamp(offset, 0, this.max_);
    this.velocity_ = 0;
  }

  startDrag(y: number, time: number): void {
    this.velocity_ = 0;
    this.samples_ = [{ y, time }];
  }

  /** Moves the content with the finger; returns true when the offset changed. */
  drag(y: number, time: number): boolean {
    const last = this.samples_[this.samples_.length - 1];
    if (last === undefined) return false;
    const before = this.offset;
    this.offset = clamp(this.offset - (y - last.y), 0, this.max_);
    this.samples_.push({ y, time });
    while (this.samples_.length > 2 && time - (this.samples_[0]?.time ?? time) > VELOCITY_WINDOW_MS)
      this.samples_.shift();
    return this.offset !== before;
  }

  /** Lets go: keeps gliding when the finger was moving fast enough. */
  release(time: number): void {
    const first = this.samples_[0];
    const last = this.samples_[this.samples_.length - 1];
    this.samples_ = [];
    this.lastStep_ = null;
    if (first === undefined || last === undefined || time - last.time > VELOCITY_WINDOW_MS) return;
    const elapsed = last.time - first.time;
    if (elapsed <= 0) return;
    const velocity = -(last.y - first.y) / elapsed;
    this.velocity_ = Math.abs(velocity) >= MIN_FLING_VELOCITY ? velocity : 0;
  }

  stop(): void {
    this.velocity_ = 0;
    this.samples_ = [];
  }

  /** Advances inertia to frame time `time`; returns true while still moving. */
  step(time: number): boolean {
    if (this.velocity_ === 0) return false;
    const elapsed =
      this.lastStep_ === null ? FIRST_STEP_MS : Math.min(MAX_STEP_MS, Math.max(0, time - this.lastStep_));
    this.lastStep_ = time;
    this.offset += this.velocity_ * elapsed;
    this.velocity_ *= Math.exp(-elapsed / DECELERATION_MS);
    if (this.offset <= 0 || this.offset >= this.max_) {
      this.offset = clamp(this.offset, 0, this.max_);
      this.velocity_ = 0;
    }
    if (Math.abs(this.velocity_) < STOP_VELOCITY) this.velocity_ = 0;
    return this.velocity_ !== 0;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
