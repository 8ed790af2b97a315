import { natives } from '../shared/natives';
import { securityError } from '../shared/readBack';
import type { SharedCanvasState } from '../shared/wire';

/**
 * getOpenDataContext().canvas in the game domain (the native path, what Cocos's SubContextView uses):
 * a real canvas the game can size and draw with drawImage or texImage2D every frame, holding the open
 * data context's latest frame (an ImageBitmap the context sent through the Main Frame, which stays
 * untainted so WebGL accepts it). The game cannot draw on it or export it; reading it back through
 * another canvas is refused by the read-back rule (readBackRules.ts).
 */

const sizeAccessor = (name: 'width' | 'height') => {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, name);
  if (!descriptor?.get || !descriptor.set) throw new Error(`canvas ${name} accessor missing`);
  return { get: descriptor.get, set: descriptor.set };
};

export function createOpenDataCanvas(
  initial: SharedCanvasState,
  onResize: (patch: { width?: number; height?: number }) => void,
) {
  const canvas = natives.createElement('canvas');
  const accessors = { width: sizeAccessor('width'), height: sizeAccessor('height') };
  accessors.width.set.call(canvas, initial.width);
  accessors.height.set.call(canvas, initial.height);
  // The simulator's own pen, taken before getContext is closed to the game.
  const painter = canvas.getContext('2d');
  if (!painter) throw new Error('the shared canvas could not get a 2D context');
  const drawImage = CanvasRenderingContext2D.prototype.drawImage as (
    image: CanvasImageSource,
    x: number,
    y: number,
  ) => void;
  const clearRect = CanvasRenderingContext2D.prototype.clearRect;

  for (const name of ['width', 'height'] as const) {
    Object.defineProperty(canvas, name, {
      get: () => accessors[name].get.call(canvas) as number,
      set: (value: unknown) => {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 8192)
          throw new RangeError(`getOpenDataContext().canvas.${name} must be an integer 1..8192`);
        accessors[name].set.call(canvas, value);
        onResize({ [name]: value });
      },
    });
  }
  Object.defineProperty(canvas, 'getContext', {
    value: () => {
      throw new Error(
        'getOpenDataContext().canvas: the game domain cannot draw on the shared canvas; draw it with drawImage or texImage2D',
      );
    },
  });
  for (const name of ['toDataURL', 'toBlob'] as const)
    Object.defineProperty(canvas, name, {
      value: () => {
        throw securityError(`getOpenDataContext().canvas.${name}`);
      },
    });

  return {
    canvas,
    /** Size set from the other domain, applied without echoing back. */
    adopt(state: SharedCanvasState): void {
      if (accessors.width.get.call(canvas) !== state.width) accessors.width.set.call(canvas, state.width);
      if (accessors.height.get.call(canvas) !== state.height) accessors.height.set.call(canvas, state.height);
    },
    paint(bitmap: ImageBitmap): void {
      const width = accessors.width.get.call(canvas) as number;
      const height = accessors.height.get.call(canvas) as number;
      clearRect.call(painter, 0, 0, width, height);
      drawImage.call(painter, bitmap, 0, 0);
      bitmap.close();
    },
  };
}
