/**
 * Writes minigame/assets/share-card.png, the image of the game's share cards, from code (no image
 * editor needed): `npx tsx minigame/tools/makeShareCard.ts`. The PNG is committed; run this again only
 * to change the design.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const WIDTH = 500;
const HEIGHT = 400;
const png = new PNG({ width: WIDTH, height: HEIGHT });

type Color = readonly [number, number, number];
const SKY_TOP: Color = [15, 14, 34];
const SKY_BOTTOM: Color = [45, 36, 96];
const SHIP: Color = [254, 44, 85];
const GOLD: Color = [255, 209, 102];
const CYAN: Color = [37, 244, 238];

function put(x: number, y: number, [r, g, b]: Color): void {
  const i = (y * WIDTH + x) * 4;
  png.data[i] = r;
  png.data[i + 1] = g;
  png.data[i + 2] = b;
  png.data[i + 3] = 255;
}

/** Even-odd point-in-polygon test, enough for a few flat shapes. */
function inside(points: readonly [number, number][], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i] as [number, number];
    const [xj, yj] = points[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function star(cx: number, cy: number, radius: number): [number, number][] {
  return Array.from({ length: 10 }, (_, point) => {
    const r = point % 2 === 0 ? radius : radius * 0.45;
    const angle = -Math.PI / 2 + (point * Math.PI) / 5;
    return [cx + Math.cos(angle) * r, cy + Math.sin(angle) * r] as [number, number];
  });
}

const ship: [number, number][] = [
  [250, 150],
  [310, 290],
  [250, 255],
  [190, 290],
];
const stars = [star(110, 110, 42), star(400, 90, 30), star(410, 300, 38), star(90, 310, 24)];

for (let y = 0; y < HEIGHT; y += 1) {
  for (let x = 0; x < WIDTH; x += 1) {
    const t = y / (HEIGHT - 1);
    const mix = (channel: 0 | 1 | 2): number =>
      Math.round(SKY_TOP[channel] * (1 - t) + SKY_BOTTOM[channel] * t);
    let color: Color = [mix(0), mix(1), mix(2)];
    if (stars.some((shape) => inside(shape, x + 0.5, y + 0.5))) color = GOLD;
    if (inside(ship, x + 0.5, y + 0.5)) color = SHIP;
    if ((x - 250) ** 2 + (y - 225) ** 2 < 14 ** 2) color = CYAN;
    put(x, y, color);
  }
}

const out = join(dirname(fileURLToPath(import.meta.url)), '../assets/share-card.png');
writeFileSync(out, PNG.sync.write(png));
console.log(`wrote ${out}`);
