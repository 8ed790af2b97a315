import type { Painter, Point, TextStyle } from '../../../assets/scripts/games/painter';

export type PaintCall =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: string }
  | { kind: 'circle'; x: number; y: number; radius: number; color: string }
  | { kind: 'polygon'; points: readonly Point[]; color: string }
  | { kind: 'line'; from: Point; to: Point; color: string; width: number }
  | { kind: 'text'; value: string; x: number; y: number; style: TextStyle };

/** A Painter that keeps every call, to assert on what a game draws without a canvas. */
export function recordingPainter(): Painter & { calls: PaintCall[] } {
  const calls: PaintCall[] = [];
  return {
    calls,
    fillRect: (x, y, width, height, color) => calls.push({ kind: 'rect', x, y, width, height, color }),
    fillCircle: (x, y, radius, color) => calls.push({ kind: 'circle', x, y, radius, color }),
    fillPolygon: (points, color) => calls.push({ kind: 'polygon', points: [...points], color }),
    strokeLine: (from, to, color, width) => calls.push({ kind: 'line', from, to, color, width }),
    text: (value, x, y, style) => calls.push({ kind: 'text', value, x, y, style }),
  };
}
