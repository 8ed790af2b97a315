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

export class TouchInput {
  private readonly listeners: Record<Phase, Set<Listener>> = {
    start: new Set(),
    move: new Set(),
    end: new Set(),
    cancel: new Set(),
  };
  private readonly active = new Map<number, Touch>();

  constructor(target: Window) {
    target.addEventListener('pointerdown', (event) => this.handle('start', event));
    target.addEventListener('pointermove', (event) => this.handle('move', event));
    target.addEventListener('pointerup', (event) => this.handle('end', event));
    target.addEventListener('pointercancel', (event) => this.handle('cancel', event));
  }

  on(phase: Phase, listener: unknown): void {
    if (typeof listener !== 'function') throw new TypeError(`onTouch${phase}: listener must be a function`);
    this.listeners[phase].add(listener as Listener);
  }

  off(phase: Phase, listener?: unknown): void {
    if (listener === undefined) this.listeners[phase].clear();
    else this.listeners[phase].delete(listener as Listener);
  }

  private handle(phase: Phase, event: PointerEvent): void {
    // A mouse moving with no button down is not a touch.
    if (phase !== 'start' && !this.active.has(event.pointerId)) return;
    const touch: Touch = {
      identifier: event.pointerId,
      clientX: event.clientX,
      clientY: event.clientY,
      pageX: event.pageX,
      pageY: event.pageY,
      force: event.pressure,
    };
    if (phase === 'start' || phase === 'move') this.active.set(event.pointerId, touch);
    else this.active.delete(event.pointerId);
    const shape: TouchEventShape = {
      touches: [...this.active.values()],
      changedTouches: [touch],
      timeStamp: event.timeStamp,
    };
    for (const listener of this.listeners[phase]) listener(shape);
  }
}
