import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';

/** Generated, deterministic images: avatars (a symmetric 5×5 identicon) and a default share card image. */

const AVATAR_SIZE = 96;
const avatarCache = new Map<string, Buffer>();

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

export function avatarPng(openId: string): Buffer {
  const cached = avatarCache.get(openId);
  if (cached) return cached;
  const hash = createHash('sha256').update(openId).digest();
  const hue = ((hash[0] ?? 0) * 256 + (hash[1] ?? 0)) % 360;
  const ink = hsl(hue, 0.65, 0.45);
  const paper = hsl((hue + 180) % 360, 0.35, 0.9);
  const png = new PNG({ width: AVATAR_SIZE, height: AVATAR_SIZE });
  const cell = AVATAR_SIZE / 6;
  for (let y = 0; y < AVATAR_SIZE; y++) {
    for (let x = 0; x < AVATAR_SIZE; x++) {
      const cx = Math.floor((x - cell / 2) / cell);
      const cy = Math.floor((y - cell / 2) / cell);
      const inside = cx >= 0 && cx < 5 && cy >= 0 && cy < 5;
      const column = cx < 3 ? cx : 4 - cx;
      const on = inside && ((hash[2 + cy * 3 + column] ?? 0) & 1) === 1;
      const [r, g, b] = on ? ink : paper;
      const offset = (y * AVATAR_SIZE + x) * 4;
      png.data[offset] = r;
      png.data[offset + 1] = g;
      png.data[offset + 2] = b;
      png.data[offset + 3] = 255;
    }
  }
  const buffer = PNG.sync.write(png);
  avatarCache.set(openId, buffer);
  return buffer;
}

let shareImage: Buffer | undefined;

export function defaultShareImagePng(): Buffer {
  if (shareImage) return shareImage;
  const width = 300;
  const height = 240;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4;
      png.data[offset] = 254;
      png.data[offset + 1] = Math.round(44 + (y / height) * 120);
      png.data[offset + 2] = Math.round(85 + (x / width) * 120);
      png.data[offset + 3] = 255;
    }
  }
  shareImage = PNG.sync.write(png);
  return shareImage;
}
