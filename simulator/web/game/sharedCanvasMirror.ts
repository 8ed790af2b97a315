import { SharedCanvasStyle } from '../shared/canvasStyle';
import type { SharedCanvasState } from '../shared/wire';

/** The game domain sees the shared canvas's size and placement only, never a drawing context. */
export function sharedCanvasMirror(
  state: SharedCanvasState,
  onChange: (patch: Partial<SharedCanvasState>) => void,
) {
  const style = new SharedCanvasStyle((values) => onChange({ style: values }));
  style.adopt(state.style);
  let { width, height } = state;
  const size = (name: 'width' | 'height', value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 8192) {
      throw new RangeError(`sharedCanvas.${name} must be an integer 1..8192`);
    }
    return value;
  };
  const mirror = {
    get width() {
      return width;
    },
    set width(value: number) {
      width = size('width', value);
      onChange({ width });
    },
    get height() {
      return height;
    },
    set height(value: number) {
      height = size('height', value);
      onChange({ height });
    },
    style,
  };
  const adopt = (next: SharedCanvasState) => {
    width = next.width;
    height = next.height;
    style.adopt(next.style);
  };
  return { mirror, adopt };
}

export function refuseReadingMainCanvases(): void {
  const refuse = (name: string) =>
    function (this: HTMLCanvasElement): never {
      throw new DOMException(
        `${name} is refused in the game domain while an open data context is configured`,
        'SecurityError',
      );
    };
  HTMLCanvasElement.prototype.toDataURL = refuse('toDataURL');
  HTMLCanvasElement.prototype.toBlob = refuse('toBlob');
}
