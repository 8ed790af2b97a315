/**
 * The open data context in Chromium on a fake runtime: real canvas, real pixels, the production bundle.
 * The simulator journeys (simulator.spec.ts) check the same behaviour through the whole platform.
 */
import { expect, type Page, test } from '@playwright/test';
import { levelEndMessage } from '../../../assets/scripts/social/protocol';
import type { FakeConfig } from '../../../bench/board/fakeRuntime';
import { animationFrames } from '../game/driver';
import {
  avatarColor,
  fake,
  friend,
  NEW_BEST_AFTER_800,
  openHarness,
  pixel,
  post,
  showMessage,
} from './harness';

test.use({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 3 });

const seeded = [
  friend('leo', 'Leo', '1200'),
  friend('maya', 'Maya', '900', 500),
  friend('you', 'Sam', '800'),
  friend('kim', 'Kim', '700'),
  friend('ana', 'Ana 🎉', '900', 100),
  friend('rtl', 'مريم', null),
];

const lastFrame = (page: Page) => fake(page, (state) => state.lastFrame);
// Rows are redrawn one at a time as their avatars arrive, so "shown" means drawn since the page opened.
const frameShows = (page: Page, text: string) =>
  expect.poll(() => fake(page, (state) => state.everything), { timeout: 5_000 }).toContain(text);
// Row i's avatar centre and the "you" edge bar, CSS px inside the surface (44 px header, 56 px rows).
const avatarCentre = (row: number) => ({ x: 12 + 34 + 4 + 18, y: 44 + row * 56 + 28 });
const near = (actual: number[], expected: number[]) =>
  expected.every((value, i) => Math.abs((actual[i] ?? -1) - value) <= 8);

async function tap(page: Page, x: number, y: number) {
  await post(page, { v: 1, type: 'pointer', phase: 'down', x, y, time: 1_000 });
  await post(page, { v: 1, type: 'pointer', phase: 'up', x, y, time: 1_050 });
}

test('lists friends in rank order with you marked, crisp at the device pixel ratio', async ({ page }) => {
  await openHarness(page, { friends: seeded });
  await post(page, showMessage());
  await frameShows(page, 'Leo');

  const box = await page.locator('#shared').boundingBox();
  expect(box).toEqual({ x: 20, y: 60, width: 320, height: 480 });
  expect(
    await page.evaluate(() => [
      document.querySelector('canvas')?.width,
      document.querySelector('canvas')?.height,
    ]),
  ).toEqual([960, 1440]);

  const order = ['leo', 'ana', 'maya', 'you', 'kim', 'rtl'];
  for (const [row, id] of order.slice(0, 5).entries()) {
    const { x, y } = avatarCentre(row);
    await expect
      .poll(async () => near(await pixel(page, x, y), avatarColor(id)), { message: `row ${row} is ${id}` })
      .toBe(true);
  }
  expect(near(await pixel(page, 2, avatarCentre(3).y), [0xa9, 0x8b, 0xff])).toBe(true);
  // Rows are redrawn one by one as their avatars arrive, so read every text drawn since the show.
  expect(await fake(page, (state) => state.everything)).toEqual(
    expect.arrayContaining(['1', '2', '2', '4', '5', '–', '800 pts · You', 'مريم', 'Ana 🎉']),
  );
});

test('a failing avatar keeps its placeholder and is asked for once', async ({ page }) => {
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/avatars/leo.png')) requests += 1;
  });
  await openHarness(page, { friends: seeded, failingAvatars: ['leo'] });
  await post(page, showMessage());
  await frameShows(page, 'Leo');
  const { x, y } = avatarCentre(1);
  await expect.poll(async () => near(await pixel(page, x, y), avatarColor('ana'))).toBe(true);
  const placeholder = await pixel(page, avatarCentre(0).x, avatarCentre(0).y);
  expect(placeholder[3]).toBe(255);
  expect(near(placeholder, avatarColor('leo'))).toBe(false);
  const frames = await fake(page, (state) => state.framesRequested);
  await post(page, showMessage());
  await expect.poll(() => fake(page, (state) => state.framesRequested)).toBeGreaterThan(frames);
  // A second request would start when the re-shown board draws its rows: twenty frames later, none.
  await animationFrames(page, 20);
  expect(requests).toBe(1);
});

test('after a new best the notice names the friends passed and the next to beat', async ({ page }) => {
  await openHarness(page, { friends: seeded });
  await post(page, NEW_BEST_AFTER_800);
  await post(page, showMessage({ view: 'notice', rect: { x: 20, y: 420, width: 320, height: 100 } }));
  await expect
    .poll(() => lastFrame(page))
    .toEqual([
      'New best! Saved ✓',
      'You passed Ana 🎉!',
      'Tell them',
      'You passed Maya!',
      'Tell them',
      '121 points to beat Leo',
    ]);
  // Four 25 px lines in the 100 px strip: Maya's is the third, its middle at 62.5.
  await tap(page, 280, 62);
  await frameShows(page, 'Sent ✓');
  const shares = await fake(page, (state) => state.shares);
  expect(shares).toEqual([
    {
      openid: 'maya',
      title: 'I just passed you with 1,080!',
      subtitle: 'Maya, beat 1,080 to take it back.',
      imageUrl: 'http://127.0.0.1:9529/openDataContext/assets/share-card.png',
      templateType: 1,
      // Opening the card greets Maya with the score to beat.
      query: 'from=you&challenger=Sam&beat=1080',
    },
  ]);
});

test("a row's challenge goes to that friend once, and the row shows the result", async ({ page }) => {
  await openHarness(page, { friends: seeded });
  await post(page, showMessage());
  await frameShows(page, 'Leo');
  await tap(page, 280, 44 + 4 * 56 + 28);
  await frameShows(page, 'Sent ✓');
  // "Sent ✓" is not a send button: tapping it again sends nothing more.
  for (let again = 0; again < 4; again += 1) await tap(page, 280, 44 + 4 * 56 + 28);
  const shares = await fake(page, (state) => state.shares);
  expect(shares).toEqual([expect.objectContaining({ openid: 'kim', title: 'Beat my 800 points!' })]);
});

test('each state appears under its fault', async ({ page }) => {
  await openHarness(page, { friends: seeded, failApis: { getFriendCloudStorage: 'network error' } });
  await post(page, showMessage({ authorized: false }));
  await frameShows(page, 'See how you rank');
  expect(await fake(page, (state) => state.friendCalls)).toBe(0);

  await post(page, showMessage());
  await frameShows(page, 'Couldn’t load friends');

  await page.evaluate(() => {
    const fake = (window as unknown as { __fake: { config: FakeConfig } }).__fake;
    fake.config.failApis = {};
    fake.config.latencyMs = 1_500;
    fake.config.friends = fake.config.friends.filter((entry) => entry.open_id === 'you');
  });
  // The retry button sits under the error message, centred.
  await tap(page, 160, 44 + 218 + 10);
  await frameShows(page, 'Loading friends…');
  await frameShows(page, 'No friends play yet');
  expect(await lastFrame(page)).toContain('Your best: 800');
});

test('with the board hidden, no animation frames are requested', async ({ page }) => {
  await openHarness(page, { friends: seeded, avatarDelayMs: 400 });
  await post(page, showMessage());
  await frameShows(page, 'Leo');
  await post(page, { v: 1, type: 'hide' });
  const before = await fake(page, (state) => state.framesRequested);
  await post(page, levelEndMessage({ runId: 'run-9999', score: 9_999, level: 9, achievedAt: 3_000 }));
  await post(page, { v: 1, type: 'pointer', phase: 'down', x: 100, y: 300, time: 1 });
  await post(page, { v: 1, type: 'pointer', phase: 'move', x: 100, y: 100, time: 20 });
  // Fifty of the page's frames, past the 400 ms avatars: a running loop would have asked for each.
  await animationFrames(page, 50);
  expect(await fake(page, (state) => state.framesRequested)).toBe(before);
});

test('1,000 rows scroll with inertia that stops by itself, your row pinned meanwhile', async ({ page }) => {
  const many = Array.from({ length: 1_000 }, (_, i) => friend(`f${i}`, `Friend ${i}`, String(100_000 - i)));
  many.push(friend('you', 'Sam', '50000'));
  await openHarness(page, { friends: many, avatarDelayMs: Number.POSITIVE_INFINITY });
  await post(page, showMessage());
  await frameShows(page, 'Friend 0');
  expect(await lastFrame(page)).toContain('50,000 pts · You');
  const start = await fake(page, (state) => state.framesRequested);
  for (let i = 0; i <= 6; i += 1) {
    await post(page, {
      v: 1,
      type: 'pointer',
      phase: i === 0 ? 'down' : 'move',
      x: 150,
      y: 400 - i * 50,
      time: i * 16,
    });
  }
  await post(page, { v: 1, type: 'pointer', phase: 'up', x: 150, y: 100, time: 100 });
  await expect.poll(() => lastFrame(page)).not.toContain('Friend 0');
  const settle = async () => {
    const first = await fake(page, (state) => state.framesRequested);
    await animationFrames(page, 20);
    return (await fake(page, (state) => state.framesRequested)) - first;
  };
  await expect.poll(settle, { timeout: 10_000 }).toBe(0);
  expect((await fake(page, (state) => state.framesRequested)) - start).toBeGreaterThan(20);
  const rows = (await lastFrame(page)).filter((text) => text.startsWith('Friend '));
  expect(rows.length).toBeLessThanOrEqual(9);
});

test('rows are drawn ahead in idle time, so a scroll frame only copies them', async ({ page }) => {
  const forty = Array.from({ length: 40 }, (_, i) => friend(`f${i}`, `Friend ${i}`, String(10_000 - i)));
  forty.push(friend('you', 'Sam', '10'));
  await openHarness(page, { friends: forty });
  await post(page, showMessage());
  await expect
    .poll(async () => near(await pixel(page, avatarCentre(0).x, avatarCentre(0).y), avatarColor('f0')))
    .toBe(true);
  // Idle time: the visible rows, your pinned row and two rows beyond the edge get their bitmaps. Wait
  // until no text has been drawn, in a frame or between frames, for ten of the page's frames.
  await expect
    .poll(async () => {
      const before = (await fake(page, (state) => state.everything)).length;
      await animationFrames(page, 10);
      return (await fake(page, (state) => state.everything)).length === before;
    })
    .toBe(true);
  const textsBefore = await fake(page, (state) => state.textsInFrames);
  const nextFrame = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  await post(page, { v: 1, type: 'pointer', phase: 'down', x: 150, y: 400, time: 0 });
  // Ten moves of 10 px a frame: 100 px, less than the two rows drawn ahead.
  for (let step = 1; step <= 10; step += 1) {
    await post(page, { v: 1, type: 'pointer', phase: 'move', x: 150, y: 400 - step * 10, time: step * 100 });
    await nextFrame();
  }
  await nextFrame();
  expect(await fake(page, (state) => state.textsInFrames)).toBe(textsBefore);
  // 100 px down (the first 10 px pass the tap threshold and move too); row 8 was below the edge.
  for (const row of [2, 3, 7, 8]) {
    const y = 44 + row * 56 + 28 - 100;
    await expect
      .poll(async () => near(await pixel(page, avatarCentre(0).x, y), avatarColor(`f${row}`)), {
        message: `row ${row} is copied 100 px up`,
      })
      .toBe(true);
  }
  expect(near(await pixel(page, 2, 480 - 28), [0xa9, 0x8b, 0xff])).toBe(true);
});

test('a scroll frame leaves your pinned row alone, and the scroll bar leaves no trace on it', async ({
  page,
}) => {
  const forty = Array.from({ length: 40 }, (_, i) => friend(`f${i}`, `Friend ${i}`, String(10_000 - i)));
  forty.push(friend('you', 'Sam', '10'));
  await openHarness(page, { friends: forty });
  await post(page, showMessage());
  await expect.poll(async () => (await pixel(page, 2, 480 - 28)).slice(0, 3)).toEqual([0xa9, 0x8b, 0xff]);
  const nextFrame = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  const dragTo = async (y: number, time: number) => {
    await post(page, { v: 1, type: 'pointer', phase: 'move', x: 150, y, time });
    await nextFrame();
  };
  // The scroll bar's right-edge thumb (CSS x 316-319) over the pinned row (y 424-480), then away again.
  const thumbOverPinned = () => pixel(page, 317, 430);
  const you = [0x3a, 0x2f, 0x6b];
  await post(page, { v: 1, type: 'pointer', phase: 'down', x: 150, y: 400, time: 0 });
  // 1,700 px down of 1,860: the 83 px thumb ends at y 450, inside the pinned row.
  for (let step = 1; step <= 17; step += 1) await dragTo(400 - step * 100, step * 16);
  await nextFrame();
  expect(near(await thumbOverPinned(), you)).toBe(false);
  // Back up 300 px: the thumb (y 310-393 by then) has left the pinned row, which is copied once more.
  for (let step = 1; step <= 3; step += 1) await dragTo(-1300 + step * 100, (17 + step) * 16);
  // From here, count the copies of a whole row to the pinned row's place (device y 1272).
  await page.evaluate(() => {
    const counter = window as unknown as { pinnedCopies: number };
    counter.pinnedCopies = 0;
    const original = CanvasRenderingContext2D.prototype.drawImage;
    CanvasRenderingContext2D.prototype.drawImage = function (
      this: CanvasRenderingContext2D,
      ...args: unknown[]
    ) {
      if (args.length === 3 && args[2] === 1272) counter.pinnedCopies += 1;
      return (original as (...a: unknown[]) => void).apply(this, args);
    } as typeof original;
  });
  // On to 1,000 px in four frames that leave the pinned row as it is: the thumb is at y 234-317.
  for (let step = 4; step <= 7; step += 1) await dragTo(-1300 + step * 100, (17 + step) * 16);
  await nextFrame();
  await expect.poll(async () => near(await thumbOverPinned(), you)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { pinnedCopies: number }).pinnedCopies)).toBe(0);
  expect(near(await pixel(page, 2, 480 - 28), [0xa9, 0x8b, 0xff])).toBe(true);
  // The thumb itself is drawn, lighter than the row beside it.
  expect((await pixel(page, 317, 260))[0]).toBeGreaterThan((await pixel(page, 310, 260))[0] + 20);
});
