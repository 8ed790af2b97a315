import { SharedCanvasStyle } from '../shared/canvasStyle';
import type { SharedCanvasState, SharedCanvasStyleValues } from '../shared/wire';

/**
 * The open data context's shared canvas: a real canvas whose 2D context is wrapped so any drawing
 * marks it dirty. The runtime commits a dirty canvas once per display frame, and does nothing
 * while nothing is drawn.
 */

const drawingMethods = [
  'clearRect',
  'fillRect',
  'strokeRect',
  'fillText',
  'strokeText',
  'drawImage',
  'fill',
  'stroke',
  'putImageData',
  'reset',
] as const;

const sizeDescriptor = (name: 'width' | 'height') => {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, name);
  if (!descriptor?.get || !descriptor.set) throw new Error(`canvas ${name} accessor missing`);
  return { get: descriptor.get, set: descriptor.set };
};

export interface SharedCanvasHooks {
  onDirty(): void;
  onLayout(patch: { width?: number; height?: number; style?: SharedCanvasStyleValues }): void;
}

export function createSharedCanvas(initial: SharedCanvasState, hooks: SharedCanvasHooks) {
  const canvas = document.createElement('canvas');
  const widthAccessor = sizeDescriptor('width');
  const heightAccessor = sizeDescriptor('height');
  widthAccessor.set.call(canvas, initial.width);
  heightAccessor.set.call(canvas, initial.height);

  for (const [name, accessor] of [
    ['width', widthAccessor],
    ['height', heightAccessor],
  ] as const) {
    Object.defineProperty(canvas, name, {
      get: () => accessor.get.call(canvas),
      set: (value: number) => {
        accessor.set.call(canvas, value);
        // Resizing clears the canvas: that is a new (transparent) frame.
        hooks.onDirty();
        hooks.onLayout({ [name]: accessor.get.call(canvas) as number });
      },
    });
  }

  const style = new SharedCanvasStyle((values) => hooks.onLayout({ style: values }));
  style.adopt(initial.style);
  Object.defineProperty(canvas, 'style', { value: style });

  const originalGetContext = canvas.getContext.bind(canvas);
  let wrapped: CanvasRenderingContext2D | null = null;
  Object.defineProperty(canvas, 'getContext', {
    value: (type: string, options?: CanvasRenderingContext2DSettings) => {
      if (type !== '2d')
        throw new Error(
          `sharedCanvas.getContext('${type}'): only '2d' is available in the open data context`,
        );
      if (wrapped) return wrapped;
      const context = originalGetContext('2d', options);
      if (!context) return null;
      const record = context as unknown as Record<string, unknown>;
      for (const method of drawingMethods) {
        const original = record[method];
        if (typeof original !== 'function') continue;
        record[method] = (...args: unknown[]) => {
          hooks.onDirty();
          return (original as (...a: unknown[]) => unknown).apply(context, args);
        };
      }
      wrapped = context;
      return context;
    },
  });

  /** Size or style set from the game domain, applied without echoing back. */
  const adopt = (state: SharedCanvasState) => {
    if (widthAccessor.get.call(canvas) !== state.width) widthAccessor.set.call(canvas, state.width);
    if (heightAccessor.get.call(canvas) !== state.height) heightAccessor.set.call(canvas, state.height);
    style.adopt(state.style);
    hooks.onDirty();
  };

  return { canvas, adopt };
}
