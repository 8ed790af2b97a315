import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { Drawn, Rgba } from './renderProbe';

/**
 * What a page screenshot shows where the render plan (renderProbe.ts) says the engine drew: a pixel of the
 * game frame, and how much of a label's box is in the label's own colour.
 */

export interface Shot {
  png: PNG;
  /** The game frame's top-left corner in the screenshot. */
  origin: { x: number; y: number };
}

export async function shoot(page: Page): Promise<Shot> {
  const box = await page.locator('#game-frame').boundingBox();
  if (!box) throw new Error('the game frame has no box');
  return { png: PNG.sync.read(await page.screenshot()), origin: { x: box.x, y: box.y } };
}

/** The pixel at (x, y) CSS px of the game frame. */
export function pixel({ png, origin }: Shot, x: number, y: number): Rgba {
  const index = (Math.round(origin.y + y) * png.width + Math.round(origin.x + x)) * 4;
  return { r: png.data[index] ?? 0, g: png.data[index + 1] ?? 0, b: png.data[index + 2] ?? 0, a: 255 };
}

export const near = (a: Rgba, b: Rgba, tolerance = 10): boolean =>
  Math.abs(a.r - b.r) <= tolerance && Math.abs(a.g - b.g) <= tolerance && Math.abs(a.b - b.b) <= tolerance;

export const hex = ({ r, g, b }: Rgba) =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** Pixels of a box in the label's own colour, and in any other colour. */
export function labelPixels(shot: Shot, label: Drawn): { inColor: number; other: number } {
  let inColor = 0;
  let other = 0;
  for (let y = Math.ceil(label.rect.y); y < label.rect.y + label.rect.height; y++) {
    for (let x = Math.ceil(label.rect.x); x < label.rect.x + label.rect.width; x++) {
      if (near(pixel(shot, x, y), label.color, 24)) inColor++;
      else other++;
    }
  }
  return { inColor, other };
}

/**
 * Labels whose text is not visibly drawn in their box, in their colour (a dozen pixels of each, the text
 * and the background around it), worded for a failure message.
 */
export function faintLabels(shot: Shot, labels: readonly Drawn[]): string[] {
  return labels.flatMap((label) => {
    const { inColor, other } = labelPixels(shot, label);
    return inColor >= 12 && other >= 12
      ? []
      : [`${label.text}: ${inColor} pixels in ${hex(label.color)}, ${other} others`];
  });
}

/**
 * Pixels of a box that stand out from its top-left corner's colour (the background behind a label): a
 * few dots, anti-aliased to no pixel of the label's exact colour, still count.
 */
export function inkPixels(shot: Shot, rect: Drawn['rect']): number {
  const background = pixel(shot, rect.x + 1, rect.y + 1);
  let ink = 0;
  for (let y = Math.ceil(rect.y); y < rect.y + rect.height; y++) {
    for (let x = Math.ceil(rect.x); x < rect.x + rect.width; x++) {
      if (!near(pixel(shot, x, y), background, 40)) ink++;
    }
  }
  return ink;
}
