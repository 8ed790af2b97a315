/**
 * The drawing calls a game's play area uses, the same in both editions: the Canvas 2D edition paints
 * them on its screen canvas (minigame/painter.ts), the Cocos edition with Graphics and Labels
 * (cocos/GraphicsPainter.ts). Coordinates are play area units, origin top-left, y down. Colours are
 * `#rrggbb`, or `#rrggbbaa` for see-through.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface TextStyle {
  readonly size: number;
  readonly color: string;
  readonly bold?: boolean;
  /** Where `x` is on the line; `y` is always the line's middle. */
  readonly align?: 'left' | 'center' | 'right';
}

export interface Painter {
  fillRect(x: number, y: number, width: number, height: number, color: string): void;
  fillCircle(x: number, y: number, radius: number, color: string): void;
  /** A closed shape through the points, in order. */
  fillPolygon(points: readonly Point[], color: string): void;
  strokeLine(from: Point, to: Point, color: string, width: number): void;
  text(value: string, x: number, y: number, style: TextStyle): void;
}

/** `#rrggbb` with an alpha from 0 to 1, as `#rrggbbaa`. */
export function withAlpha(color: string, alpha: number): string {
  const byte = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
  return `${color.slice(0, 7)}${byte.toString(16).padStart(2, '0')}`;
}
