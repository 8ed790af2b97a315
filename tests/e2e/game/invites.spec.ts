import { expect, test } from '@playwright/test';
import { drawn, recordDrawnText } from './contextText';
import { analytics, GameDriver, PHONE_PAGE, PLAYER, simGet, simPost } from './driver';

test.use(PHONE_PAGE);

interface Inbox {
  cards: { id: number; from_open_id: string; query: string }[];
  stories: number;
}

test('an invite card carries the score to beat, and opening it greets the friend with the challenge', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const game = await GameDriver.open(page);
  const result = await game.playLevel1(true);
  await game.tap('menu');
  await game.waitForScreen('menu');

  await game.tap('invite');
  const picker = page.getByRole('dialog');
  await picker.getByRole('button', { name: 'Priya Raman' }).click();
  await picker.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(async () => (await analytics()).events.invite_sent).toBe(1);
  // The confirmation never covers the button it confirms (nor any other).
  await expect.poll(async () => (await game.sample()).toast?.text).toBe('Invite sent!');
  const { toast, buttons } = await game.sample();
  for (const [id, rect] of Object.entries(buttons)) {
    const apart =
      (toast?.rect.y ?? 0) + (toast?.rect.height ?? 0) <= rect.y ||
      rect.y + rect.height <= (toast?.rect.y ?? 0);
    expect(apart, `the toast covers "${id}"`).toBe(true);
  }

  await game.tap('story');
  await expect.poll(async () => (await analytics()).events.invite_sent).toBe(2);
  expect((await simGet<Inbox>(`/__sim/inbox/${PLAYER}`)).stories).toBe(1);

  const inbox = await simGet<Inbox>('/__sim/inbox/sim-priya');
  const card = inbox.cards.filter((c) => c.from_open_id === PLAYER).at(-1);
  if (!card) throw new Error('no card from the player in the friend’s inbox');
  const query = new URLSearchParams(card.query);
  expect(query.get('from')).toBe(PLAYER);
  // The game knows at least the best it just reached (the server may know a better one).
  expect(Number(query.get('beat'))).toBeGreaterThanOrEqual(result.score);

  await simPost('/__sim/open-card', { id: card.id });
  await expect
    .poll(async () => (await game.sample().catch(() => null))?.openId, { timeout: 20_000 })
    .toBe('sim-priya');
  await game.waitForScreen('menu');
  const beat = Number(query.get('beat')).toLocaleString('en-US');
  expect((await game.sample()).greeting).toBe(`A friend challenges you: beat ${beat} points!`);
});

test('on a new device, the invite card carries the best the menu shows, and the friend is greeted with it', async ({
  page,
}) => {
  await page.addInitScript(recordDrawnText);
  // Ava's best, 3,000, is in the cloud (the menu's line, drawn by the open data context) and on the
  // game server; this device never played.
  const game = await GameDriver.open(page);
  await expect.poll(() => drawn(page)).toContain('Best score 3,000');
  await game.tap('invite');
  const picker = page.getByRole('dialog');
  await picker.getByRole('button', { name: 'Priya Raman' }).click();
  await picker.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(async () => (await analytics()).events.invite_sent).toBe(1);

  const card = (await simGet<Inbox>('/__sim/inbox/sim-priya')).cards.find((c) => c.from_open_id === PLAYER);
  if (!card) throw new Error('no card from the player in the friend’s inbox');
  expect(new URLSearchParams(card.query).get('beat')).toBe('3000');
  await simPost('/__sim/open-card', { id: card.id });
  await expect
    .poll(async () => (await game.sample().catch(() => null))?.greeting, { timeout: 20_000 })
    .toBe('A friend challenges you: beat 3,000 points!');
});

test('a card opened while the game is in the background brings its challenge back with onShow, without a restart', async ({
  page,
}) => {
  const game = await GameDriver.open(page);
  await game.tap('invite');
  const picker = page.getByRole('dialog');
  await picker.getByRole('button', { name: 'Priya Raman' }).click();
  await picker.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(async () => (await game.sample()).toast?.text).toBe('Invite sent!');
  const card = (await simGet<Inbox>('/__sim/inbox/sim-priya')).cards.find((c) => c.from_open_id === PLAYER);
  if (!card) throw new Error('no card from the player in the friend’s inbox');

  // Priya plays; her game goes to the background, and then she opens the card from her inbox.
  await game.switchPlayer('sim-priya');
  expect((await game.sample()).greeting).toBeNull();
  await game.frame().evaluate(() => {
    (globalThis as unknown as { __sameGame: boolean }).__sameGame = true;
  });
  await page.getByRole('button', { name: 'Send to background' }).click();
  await simPost('/__sim/open-card', { id: card.id, warm: true });

  // Ava's seeded best travels with the card.
  await expect
    .poll(async () => (await game.sample()).greeting)
    .toBe('A friend challenges you: beat 3,000 points!');
  // The same game, brought back, not started again.
  expect(
    await game.frame().evaluate(() => (globalThis as unknown as { __sameGame?: boolean }).__sameGame),
  ).toBe(true);
  expect((await game.sample()).screen).toBe('menu');
  const enter = await game
    .frame()
    .evaluate(() =>
      (
        globalThis as unknown as { tt: { getEnterOptionsSync(): { scene: string } } }
      ).tt.getEnterOptionsSync(),
    );
  expect(enter.scene).toBe('share_card');
});

test('a double tap on "Invite friends" opens one contact picker, and a cancelled invite can be sent again', async ({
  page,
}) => {
  const game = await GameDriver.open(page);
  await game.doubleTap('invite');
  const picker = page.getByRole('dialog');
  await expect(picker).toHaveCount(1);
  await picker.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(async () => (await game.sample()).toast?.text).toBe('Invite not sent');
  await expect(picker).toHaveCount(0);
  await game.tap('invite');
  await expect(page.getByRole('dialog')).toHaveCount(1);
});

test('on a TikTok before direct message sharing, "Invite friends" asks for an update and opens no picker', async ({
  page,
}) => {
  const game = await GameDriver.open(page);
  await simPost('/__sim/tiktok-version', { version: '40.2.0' });
  await game.tap('invite');
  await expect
    .poll(async () => (await game.sample()).toast?.text)
    .toBe('Invites need a newer TikTok: update the app');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await analytics()).events.invite_sent ?? 0).toBe(0);
  // Story sharing needs no such version: it still works.
  await game.tap('story');
  await expect.poll(async () => (await game.sample()).toast?.text).toBe('Shared to your story!');
});
