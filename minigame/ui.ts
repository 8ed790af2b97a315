/** Buttons and text drawing shared by the screens. All coordinates are CSS px of the game viewport. */
import type { ButtonContent, ButtonStyle } from '../assets/scripts/shell/index';
import type { Rect } from '../assets/scripts/social/protocol';
import { colors, font } from './theme';

export type { Rect };

/** A button of the flow's content, placed: the app hit-tests it and hands its action to the flow. */
export interface Button extends ButtonContent {
  readonly rect: Rect;
}

export const place = (content: ButtonContent, rect: Rect): Button => ({ ...content, rect });

export function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && y >= rect.y && x < rect.x + rect.width && y < rect.y + rect.height;
}

export function roundRect(ctx: CanvasRenderingContext2D, rect: Rect, radius: number): void {
  const r = Math.min(radius, rect.width / 2, rect.height / 2);
  ctx.beginPath();
  ctx.moveTo(rect.x + r, rect.y);
  ctx.arcTo(rect.x + rect.width, rect.y, rect.x + rect.width, rect.y + rect.height, r);
  ctx.arcTo(rect.x + rect.width, rect.y + rect.height, rect.x, rect.y + rect.height, r);
  ctx.arcTo(rect.x, rect.y + rect.height, rect.x, rect.y, r);
  ctx.arcTo(rect.x, rect.y, rect.x + rect.width, rect.y, r);
  ctx.closePath();
}

const fills: Record<ButtonStyle, string> = {
  primary: colors.accent,
  secondary: colors.panelEdge,
  quiet: 'rgba(255,255,255,0.06)',
  chip: colors.panel,
  'chip-on': colors.accent,
  icon: 'rgba(255,255,255,0.08)',
};

export function drawButton(ctx: CanvasRenderingContext2D, button: Button, pressed: boolean): void {
  const { enabled } = button;
  ctx.save();
  ctx.globalAlpha = enabled ? 1 : 0.4;
  roundRect(ctx, button.rect, button.style === 'icon' ? button.rect.height / 2 : 12);
  ctx.fillStyle = fills[button.style];
  ctx.fill();
  if (button.style === 'quiet' || button.style === 'chip') {
    ctx.strokeStyle = colors.panelEdge;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  if (pressed && enabled) {
    ctx.fillStyle = 'rgba(0,0,0,0.22)';
    ctx.fill();
  }
  const size = button.style === 'chip' || button.style === 'chip-on' ? 14 : button.style === 'icon' ? 18 : 16;
  drawText(ctx, button.label, button.rect.x + button.rect.width / 2, button.rect.y + button.rect.height / 2, {
    size,
    weight: 700,
    align: 'center',
    color: colors.text,
    maxWidth: button.rect.width - 12,
  });
  ctx.restore();
}

export interface TextOptions {
  size: number;
  weight?: 400 | 600 | 700 | 800;
  color?: string;
  align?: CanvasTextAlign;
  baseline?: CanvasTextBaseline;
  maxWidth?: number;
}

/** Draws one line of text, shrinking it to `maxWidth` rather than letting it overflow. */
export function drawText(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  options: TextOptions,
): void {
  ctx.font = font(options.size, options.weight ?? 400);
  ctx.fillStyle = options.color ?? colors.text;
  ctx.textAlign = options.align ?? 'left';
  ctx.textBaseline = options.baseline ?? 'middle';
  if (options.maxWidth !== undefined) ctx.fillText(text, x, y, options.maxWidth);
  else ctx.fillText(text, x, y);
}

/** Splits text into lines that fit `maxWidth` at the current font. */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function drawParagraph(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
  options: TextOptions & { lineHeight: number },
): number {
  ctx.font = font(options.size, options.weight ?? 400);
  const lines = wrapText(ctx, text, maxWidth);
  lines.forEach((line, index) => {
    drawText(ctx, line, x, y + index * options.lineHeight, options);
  });
  return lines.length * options.lineHeight;
}

/** A static starry backdrop; static on purpose, so screenshots of menus are repeatable. */
export function drawBackdrop(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  const gradient = ctx.createLinearGradient(0, 0, 0, height);
  gradient.addColorStop(0, colors.sky);
  gradient.addColorStop(1, colors.skyLow);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = 'rgba(255,255,255,0.35)';
  let seed = 7;
  for (let i = 0; i < 40; i += 1) {
    seed = (seed * 16807) % 2147483647;
    const x = (seed % 1000) / 1000;
    seed = (seed * 16807) % 2147483647;
    const y = (seed % 1000) / 1000;
    ctx.fillRect(Math.round(x * width), Math.round(y * height), 1.5, 1.5);
  }
}

/** The content column: centred, at most 420 px wide, 20 px side margins on a phone. */
export function column(width: number): { x: number; width: number } {
  const columnWidth = Math.min(420, width - 40);
  return { x: Math.round((width - columnWidth) / 2), width: columnWidth };
}
