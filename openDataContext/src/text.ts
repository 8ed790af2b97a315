/**
 * Text that fits its column: cut at a grapheme boundary (never inside an emoji or a combining sequence)
 * with an ellipsis, measured once per text, font and width, because measuring on every scroll frame
 * would cost more than drawing.
 */
import { graphemes, isRightToLeft } from '../../assets/scripts/social/displayName';

export interface FittedText {
  readonly text: string;
  readonly rtl: boolean;
}

const MAX_CACHED = 4_000;
const cache = new Map<string, FittedText>();

type Measure = Pick<CanvasRenderingContext2D, 'measureText' | 'font'>;

export function fitText(ctx: Measure, text: string, maxWidth: number): FittedText {
  const key = `${ctx.font}\u0000${maxWidth}\u0000${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  if (cache.size >= MAX_CACHED) cache.clear();
  const fitted: FittedText = { text: cut(ctx, text, maxWidth), rtl: isRightToLeft(text) };
  cache.set(key, fitted);
  return fitted;
}

function cut(ctx: Measure, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const parts = graphemes(text);
  // Longest prefix that fits with the ellipsis, by binary search over grapheme counts.
  let low = 0;
  let high = parts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (ctx.measureText(`${parts.slice(0, middle).join('').trimEnd()}…`).width <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${parts.slice(0, low).join('').trimEnd()}…`;
}

/**
 * Draws a fitted text in a left-anchored column. Right-to-left names run right-to-left inside it, so
 * their ellipsis lands at their logical end (the left) instead of after the first word.
 */
export function drawFitted(ctx: CanvasRenderingContext2D, fitted: FittedText, x: number, y: number): void {
  if (!fitted.rtl) {
    ctx.fillText(fitted.text, x, y);
    return;
  }
  ctx.direction = 'rtl';
  ctx.textAlign = 'left';
  ctx.fillText(fitted.text, x, y);
  ctx.direction = 'ltr';
}
