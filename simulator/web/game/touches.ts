/** Pointer events on the game viewport, delivered in the mini game touch-event shape. */

export interface Touch {
  identifier: number;
  clientX: number;
  clientY: number;
  pageX: number;
  pageY: number;
  force: number;
}

export interface TouchEventShape {
  touches: Touch[];
  changedTouches: Touch[];
  timeStamp: number;
}

type Phase = 'start' | 'move' | 'end' | 'cancel';
type Listener = (event: TouchEventShape) => void;

/** Far from any pointerId a browser hands out, so the wheel's finger never collides with a real one. */
export const WHEEL_TOUCH_ID = 0x7fff_0000;
/** A pause in the wheel longer than this lifts the finger; also longer than a fling's velocity window. */
export const WHEEL_IDLE_MS = 150;
/** Shorter drags end as touchcancel: a wheel nudge must never read as a tap on what is under the pointer. */
export const WHEEL_MIN_DRAG_PX = 12;
const LINE_PX = 16;
/**
 * How long after a finger lifts a call still counts as started by that tap. Douyin refuses a share "not
 * started by a click" without saying how it measures it; a second covers a handler that waits a frame or
 * a promise, and not a timer the game set itself (an assumption, docs/simulator.md).
 */
export const TAP_WINDOW_MS = 1000;

interface WheelDrag {
  x: number;
  startY: number;
  y: number;
  timer: number;
}

/**
 * Phones have no wheel, but a developer at a desk reaches for one. Like desktop touch emulators, the
 * simulator turns a burst of wheel events into one finger drag at the pointer (touchstart, a touchmove
 * per wheel event, touchend after a pause), so any touch-scrolled list scrolls, wherever it is drawn.
 */
export class TouchInput {
  private readonly listeners: Record<Phase, Set<Listener>> = {
    start: new Set(),
    move: new Set(),
    end: new Set(),
    cancel: new Set(),
  };
  private readonly active = new Map<number, Touch>();
  private wheelDrag: WheelDrag | null = null;
  private lastLiftAt = Number.NEGATIVE_INFINITY;
  /** True while touchend listeners run. */
  private inTouchEnd = false;
  /**
   * The frame's own clock, the one event time stamps count in, kept before the game runs: Cocos's
   * web-adapter replaces `window.performance` with `{now: Date.now}`, which made every tap look too old.
   */
  private readonly now: () => number;

  constructor(private readonly target: Window) {
    this.now = target.performance.now.bind(target.performance);
    target.addEventListener('pointerdown', (event) => this.pointer('start', event));
    target.addEventListener('pointermove', (event) => this.pointer('move', event));
    target.addEventListener('pointerup', (event) => this.pointer('end', event));
    target.addEventListener('pointercancel', (event) => this.pointer('cancel', event));
    // Not passive: the wheel is consumed here, so it does not also scroll the Main Frame page.
    target.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
  }

  on(phase: Phase, listener: unknown): void {
    if (typeof listener !== 'function') throw new TypeError(`onTouch${phase}: listener must be a function`);
    this.listeners[phase].add(listener as Listener);
  }

  /**
   * Whether a call made now is the player's. TikTok mode: a finger is on the screen or lifted within
   * TAP_WINDOW_MS. Douyin mode: the call runs inside an `onTouchEnd` listener, synchronously (Douyin's
   * forum: a share from a later callback fails).
   */
  fromTap(rule: 'window' | 'touchEnd' = 'window'): boolean {
    if (rule === 'touchEnd') return this.inTouchEnd;
    if (this.active.size > 0) return true;
    return this.now() - this.lastLiftAt <= TAP_WINDOW_MS;
  }

  off(phase: Phase, listener?: unknown): void {
    if (listener === undefined) this.listeners[phase].clear();
    else this.listeners[phase].delete(listener as Listener);
  }

  private pointer(phase: Phase, event: PointerEvent): void {
    // A mouse moving with no button down is not a touch.
    if (phase !== 'start' && !this.active.has(event.pointerId)) return;
    if (phase === 'start') this.finishWheelDrag(event.timeStamp, 'cancel');
    const touch = this.touch(event.pointerId, event.clientX, event.clientY, event.pressure);
    this.emit(phase, { ...touch, pageX: event.pageX, pageY: event.pageY }, event.timeStamp);
  }

  private wheel(event: WheelEvent): void {
    event.preventDefault();
    // A finger (or held mouse button) is already dragging: that gesture owns the screen.
    if ([...this.active.keys()].some((id) => id !== WHEEL_TOUCH_ID)) return;
    const unit =
      event.deltaMode === WheelEvent.DOM_DELTA_LINE
        ? LINE_PX
        : event.deltaMode === WheelEvent.DOM_DELTA_PAGE
          ? this.target.innerHeight
          : 1;
    // Wheel down shows what is further down the list: the finger moves up.
    const delta = -event.deltaY * unit;
    if (delta === 0) return;
    const inside = (y: number) => y >= 0 && y <= this.target.innerHeight;
    if (this.wheelDrag && !inside(this.wheelDrag.y + delta)) this.finishWheelDrag(event.timeStamp, 'end');
    if (!this.wheelDrag) {
      this.wheelDrag = { x: event.clientX, startY: event.clientY, y: event.clientY, timer: 0 };
      this.emit('start', this.touch(WHEEL_TOUCH_ID, event.clientX, event.clientY, 0.5), event.timeStamp);
    }
    const drag = this.wheelDrag;
    // A single notch longer than the screen still stays on the screen.
    drag.y = Math.min(Math.max(drag.y + delta, 0), this.target.innerHeight);
    this.emit('move', this.touch(WHEEL_TOUCH_ID, drag.x, drag.y, 0.5), event.timeStamp);
    this.target.clearTimeout(drag.timer);
    drag.timer = this.target.setTimeout(() => this.finishWheelDrag(this.now(), 'end'), WHEEL_IDLE_MS);
  }

  private finishWheelDrag(timeStamp: number, phase: 'end' | 'cancel'): void {
    const drag = this.wheelDrag;
    if (!drag) return;
    this.wheelDrag = null;
    this.target.clearTimeout(drag.timer);
    const moved = Math.abs(drag.y - drag.startY) >= WHEEL_MIN_DRAG_PX;
    this.emit(moved ? phase : 'cancel', this.touch(WHEEL_TOUCH_ID, drag.x, drag.y, 0.5), timeStamp);
  }

  private touch(identifier: number, clientX: number, clientY: number, force: number): Touch {
    const pageX = clientX + this.target.scrollX;
    const pageY = clientY + this.target.scrollY;
    return { identifier, clientX, clientY, pageX, pageY, force };
  }

  private emit(phase: Phase, touch: Touch, timeStamp: number): void {
    if (phase === 'start' || phase === 'move') this.active.set(touch.identifier, touch);
    else {
      this.active.delete(touch.identifier);
      // The event's own time, so a late-running handler measures from the lift, not from when it ran.
      if (phase === 'end') this.lastLiftAt = Math.max(this.lastLiftAt, timeStamp);
    }
    const shape: TouchEventShape = {
      touches: [...this.active.values()],
      changedTouches: [touch],
      timeStamp,
    };
    this.inTouchEnd = phase === 'end';
    try {
      for (const listener of this.listeners[phase]) listener(shape);
    } finally {
      this.inTouchEnd = false;
    }
  }
}
