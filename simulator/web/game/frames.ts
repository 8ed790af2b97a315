import { natives } from '../shared/natives';

/**
 * tt.requestAnimationFrame with tt.setPreferredFramesPerSecond: frames come at the display rate until
 * the game asks for fewer (Cocos asks for its target frame rate at start-up), then callbacks wait until
 * the interval has passed.
 */
export function createFramePacer() {
  let interval = 0;
  let last = 0;
  let nextId = 1;
  const pending = new Map<number, number>();
  return {
    setPreferredFramesPerSecond(fps: unknown): void {
      if (typeof fps !== 'number' || !(fps > 0))
        throw new RangeError('setPreferredFramesPerSecond: fps must be a positive number');
      // 60 or more is the display rate: no pacing.
      interval = fps >= 60 ? 0 : 1000 / fps;
    },
    requestAnimationFrame(callback: FrameRequestCallback): number {
      const id = nextId++;
      const tick = (time: number) => {
        // 1 ms of slack so 30 fps on a 60 Hz display takes every other frame, not every third.
        if (interval > 0 && time !== last && time - last < interval - 1) {
          pending.set(id, natives.requestAnimationFrame(tick));
          return;
        }
        last = time;
        pending.delete(id);
        callback(time);
      };
      pending.set(id, natives.requestAnimationFrame(tick));
      return id;
    },
    cancelAnimationFrame(id: number): void {
      const native = pending.get(id);
      if (native !== undefined) natives.cancelAnimationFrame(native);
      pending.delete(id);
    },
  };
}
