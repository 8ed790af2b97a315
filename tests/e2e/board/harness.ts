/**
 * Opens the open data context in Chromium on the fake runtime: a page served by Playwright's router (no
 * server, no network), the production bundle, avatars as CORS-enabled PNGs of one colour each.
 */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { GAME_ZONE } from '../../../assets/scripts/platform/buildConfig';
import { levelEndMessage } from '../../../assets/scripts/social/protocol';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import {
  type FakeConfig,
  type FakeState,
  installFakeRuntime,
  type RawFriend,
} from '../../../bench/board/fakeRuntime';
import { bundleOpenDataContext } from '../../../tools/openDataContextBundle';

export const ORIGIN = 'http://board.test';
let bundle: Promise<string> | null = null;

/** A distinct, saturated colour per avatar id, so a pixel tells which friend a row shows. */
export function avatarColor(id: string): [number, number, number] {
  // FNV-1a, spread over twelve hues 30° apart: neighbours in the tests never share a colour.
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const hue = ((hash % 12) * 30) / 60;
  const x = Math.round(255 * (1 - Math.abs((hue % 2) - 1)));
  const sector = Math.floor(hue);
  return ([
    [255, x, 0],
    [x, 255, 0],
    [0, 255, x],
    [0, x, 255],
    [x, 0, 255],
    [255, 0, x],
  ][sector] ?? [255, 0, 0]) as [number, number, number];
}

function avatarPng(id: string): Buffer {
  const png = new PNG({ width: 16, height: 16 });
  const [r, g, b] = avatarColor(id);
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
  return PNG.sync.write(png);
}

/** The cloud keys the bundle reads: those of the zone the build configuration holds (`test` in development). */
const keys = scoreKeysFor(GAME_ZONE);

export function friend(id: string, name: string, score: string | null, achievedAt = 1_000): RawFriend {
  return {
    open_id: id,
    display_name: name,
    avatar_url: `${ORIGIN}/avatars/${id}.png`,
    data:
      score === null
        ? []
        : [
            { key: keys.score, value: score },
            { key: keys.meta, value: JSON.stringify({ v: 1, level: 1, achievedAt }) },
          ],
  };
}

export interface HarnessOptions extends Partial<FakeConfig> {
  /** Delay before each avatar answers, ms; `Infinity` never answers. */
  avatarDelayMs?: number;
  failingAvatars?: string[];
}

export async function openHarness(page: Page, options: HarnessOptions = {}): Promise<void> {
  bundle ??= bundleOpenDataContext();
  const source = await bundle;
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html><body style="margin:0;background:#000"><script src="/index.js"></script></body></html>',
      });
    }
    if (path === '/index.js') return route.fulfill({ contentType: 'text/javascript', body: source });
    const avatar = /^\/avatars\/([\w-]+)\.png$/.exec(path);
    if (avatar?.[1] !== undefined) {
      const id = avatar[1];
      if (options.failingAvatars?.includes(id)) return route.fulfill({ status: 404, body: 'no avatar' });
      if (options.avatarDelayMs === Number.POSITIVE_INFINITY) return;
      if (options.avatarDelayMs) await new Promise((resolve) => setTimeout(resolve, options.avatarDelayMs));
      return route.fulfill({
        contentType: 'image/png',
        headers: { 'access-control-allow-origin': '*' },
        body: avatarPng(id),
      });
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
  const config: FakeConfig = {
    friends: options.friends ?? [],
    failApis: options.failApis ?? {},
    latencyMs: options.latencyMs ?? 0,
    shareFails: options.shareFails ?? false,
  };
  await page.addInitScript(installFakeRuntime, config);
  await page.goto(`${ORIGIN}/`);
}

export function post(page: Page, message: unknown): Promise<void> {
  return page.evaluate((value) => {
    const fake = (window as unknown as { __fake: FakeState }).__fake;
    fake.listener?.(value);
  }, message);
}

export function fake<T>(page: Page, read: (state: FakeState) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__fake)`) as Promise<T>;
}

/**
 * A level-4 score of 1,080 while your stored best (your row of the specs' seeded friends) is 800: a new
 * best that passes Ana and Maya (both 900).
 */
export const NEW_BEST_AFTER_800 = levelEndMessage({
  runId: 'run-1080',
  score: 1_080,
  level: 4,
  achievedAt: 2_000,
});

export const showMessage = (fields: Record<string, unknown> = {}) => ({
  v: 1,
  type: 'show',
  view: 'board',
  rect: { x: 20, y: 60, width: 320, height: 480 },
  viewport: { width: 360, height: 640 },
  pixelRatio: 3,
  you: { openId: 'you' },
  authorized: true,
  ...fields,
});

/** The RGBA of one device pixel of the shared canvas at CSS point (x, y). */
export function pixel(page: Page, x: number, y: number): Promise<[number, number, number, number]> {
  return page.evaluate(
    ({ px, py }) => {
      const canvas = document.getElementById('shared') as HTMLCanvasElement;
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      const data = ctx.getImageData(Math.floor(px * scale), Math.floor(py * scale), 1, 1).data;
      return [data[0], data[1], data[2], data[3]] as [number, number, number, number];
    },
    { px: x, py: y },
  );
}
