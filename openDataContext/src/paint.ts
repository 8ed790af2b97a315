/** Small drawing helpers shared by the board and the notice. Everything is in CSS px. */
import type { AvatarCache } from './avatars';
import { colors, font } from './theme';

export type ShareStatus = 'sending' | 'sent' | 'failed';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `roundRect` is missing on older mini game runtimes, so the path is built by hand. */
export function roundedRect(ctx: CanvasRenderingContext2D, box: Box, radius: number): void {
  const r = Math.min(radius, box.width / 2, box.height / 2);
  const { x, y, width, height } = box;
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + width, y, x + width, y + height, r);
  ctx.arcTo(x + width, y + height, x, y + height, r);
  ctx.arcTo(x, y + height, x, y, r);
  ctx.arcTo(x, y, x + width, y, r);
  ctx.closePath();
}

export function contains(box: Box, x: number, y: number, slop = 0): boolean {
  return (
    x >= box.x - slop && x <= box.x + box.width + slop && y >= box.y - slop && y <= box.y + box.height + slop
  );
}

const PLACEHOLDER_COLORS = ['#5b5bd6', '#d6455b', '#2f9e8f', '#c77d1a', '#7d4fc4', '#3b82c4'];

function placeholderColor(openId: string): string {
  let hash = 0;
  for (let i = 0; i < openId.length; i += 1) hash = (hash * 31 + openId.charCodeAt(i)) | 0;
  return PLACEHOLDER_COLORS[Math.abs(hash) % PLACEHOLDER_COLORS.length] ?? '#5b5bd6';
}

/** A round avatar; a coloured disc with the name's first letter while loading or when it failed. */
export function drawAvatar(
  ctx: CanvasRenderingContext2D,
  avatars: AvatarCache,
  player: { openId: string; name: string; avatarUrl: string },
  x: number,
  y: number,
  size: number,
  pixelScale: number,
): void {
  const round = avatars.round(player.avatarUrl, Math.round(size * pixelScale));
  if (round !== null) {
    ctx.drawImage(round, x, y, size, size);
    return;
  }
  const image = avatars.get(player.avatarUrl);
  const radius = size / 2;
  ctx.save();
  ctx.beginPath();
  ctx.arc(x + radius, y + radius, radius, 0, Math.PI * 2);
  if (image !== null) {
    ctx.clip();
    ctx.drawImage(image as unknown as CanvasImageSource, x, y, size, size);
  } else {
    ctx.fillStyle = placeholderColor(player.openId);
    ctx.fill();
    ctx.fillStyle = colors.text;
    ctx.font = font(Math.round(size * 0.45), 600);
    ctx.textAlign = 'center';
    ctx.fillText(initial(player.name), x + radius, y + radius + 1);
    ctx.textAlign = 'left';
  }
  ctx.restore();
}

function initial(name: string): string {
  const first = name.codePointAt(0);
  return first === undefined ? '?' : String.fromCodePoint(first).toUpperCase();
}

const buttonBitmaps = new Map<string, OffscreenCanvas>();

/**
 * A pill button. With `pixelScale`, the button is drawn once per look into a bitmap and copied after
 * that: every board row has one, and a rounded, antialiased path plus text is costly to redraw.
 */
export function drawButton(
  ctx: CanvasRenderingContext2D,
  box: Box,
  label: string,
  fill: string,
  pixelScale?: number,
): void {
  if (pixelScale !== undefined && typeof OffscreenCanvas !== 'undefined') {
    const key = `${label}|${fill}|${box.width}|${box.height}|${pixelScale}`;
    let bitmap = buttonBitmaps.get(key);
    if (bitmap === undefined) {
      bitmap = new OffscreenCanvas(Math.ceil(box.width * pixelScale), Math.ceil(box.height * pixelScale));
      const bitmapCtx = bitmap.getContext('2d') as unknown as CanvasRenderingContext2D | null;
      if (bitmapCtx !== null) {
        bitmapCtx.scale(pixelScale, pixelScale);
        bitmapCtx.textBaseline = 'middle';
        paintButton(bitmapCtx, { ...box, x: 0, y: 0 }, label, fill);
        if (buttonBitmaps.size > 64) buttonBitmaps.clear();
        buttonBitmaps.set(key, bitmap);
      }
    }
    ctx.drawImage(bitmap, box.x, box.y, bitmap.width / pixelScale, bitmap.height / pixelScale);
    return;
  }
  paintButton(ctx, box, label, fill);
}

function paintButton(ctx: CanvasRenderingContext2D, box: Box, label: string, fill: string): void {
  ctx.fillStyle = fill;
  roundedRect(ctx, box, box.height / 2);
  ctx.fill();
  ctx.fillStyle = colors.buttonText;
  ctx.font = font(13, 600);
  ctx.textAlign = 'center';
  ctx.fillText(label, box.x + box.width / 2, box.y + box.height / 2 + 1);
  ctx.textAlign = 'left';
}

/** The label and colour of a share button in each state of its share. */
export function shareButtonLook(
  status: ShareStatus | undefined,
  idleLabel: string,
): { label: string; fill: string } {
  switch (status) {
    case 'sending':
      return { label: 'Sending…', fill: colors.buttonQuiet };
    case 'sent':
      return { label: 'Sent ✓', fill: colors.success };
    case 'failed':
      return { label: 'Not sent ↻', fill: colors.failure };
    default:
      return { label: idleLabel, fill: colors.button };
  }
}

/** A centred message panel, used by every state that has no rows to show. */
export function drawMessage(
  ctx: CanvasRenderingContext2D,
  width: number,
  top: number,
  height: number,
  title: string,
  lines: readonly string[],
): number {
  const blockHeight = 26 + lines.length * 20;
  let y = top + Math.max(12, (height - blockHeight) / 2 - 20);
  ctx.textAlign = 'center';
  ctx.fillStyle = colors.text;
  ctx.font = font(17, 700);
  ctx.fillText(title, width / 2, y + 10);
  y += 34;
  ctx.fillStyle = colors.muted;
  ctx.font = font(14);
  for (const line of lines) {
    ctx.fillText(line, width / 2, y);
    y += 20;
  }
  ctx.textAlign = 'left';
  return y;
}
