import { expect, test } from '@playwright/test';
import { DOUYIN_SHARE_WITHOUT_TAP } from '../../../simulator/server/errors';
import { TAP_WINDOW_MS } from '../../../simulator/web/game/touches';
import {
  callIn,
  expectEventually,
  gameFrame,
  openFreshMainFrame,
  openMainFrame,
  type SimWindow,
  shareFromTap,
  useSimulator,
} from './harness';

const simulator = useSimulator();

test('shareToUser puts a card in the friend’s inbox; opening it launches the game as the friend with the query', async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  await request.post(`${main}/__sim/reset`);
  await request.post(`${main}/__sim/authorization`, {
    data: { openId: 'sim-ava', scopes: ['user.info.basic', 'user.friends.mutual'] },
  });
  const { context } = await openMainFrame(page, main);

  const sent = await callIn(context, 'shareToUser', {
    imageUrl: `${main}/share-images/default.png`,
    openid: 'sim-leo',
    title: 'Beat my 3000!',
    subtitle: 'Star Lanes',
    templateType: 2,
    query: 'challenge=3000&from=ava',
  });
  expect(sent).toMatchObject({ ok: true, result: { errMsg: 'shareToUser:ok' } });
  const { cards } = await (await request.get(`${main}/__sim/inbox/sim-leo`)).json();
  expect(cards).toHaveLength(1);
  expect(cards[0]).toMatchObject({
    from_open_id: 'sim-ava',
    title: 'Beat my 3000!',
    template_type: 2,
    query: 'challenge=3000&from=ava',
    channel: 'shareToUser',
  });

  // Switch to Léo in the devtools, then open the card from his inbox.
  await page.getByLabel('Active user').selectOption('sim-leo');
  await page.getByRole('button', { name: 'Switch', exact: true }).click();
  const inbox = page.getByRole('region', { name: 'Inbox' });
  await expect(inbox).toContainText('Beat my 3000!');
  await inbox.getByRole('button', { name: 'Open' }).click();
  await expectEventually(() =>
    gameFrame(page).evaluate(
      () => (globalThis as unknown as SimWindow).fixture?.launch.query.challenge === '3000',
    ),
  );
  const game = gameFrame(page);
  expect(await game.evaluate(() => (globalThis as unknown as SimWindow).tt.getLaunchOptionsSync())).toEqual({
    query: { challenge: '3000', from: 'ava' },
    scene: 'share_card',
  });
  // The game now runs as Léo: his login code exchanges to his open_id.
  const login = await callIn(game, 'login');
  const token = await request.post(`${main}/v2/oauth/token/`, {
    form: {
      client_key: 'sim-fixture-client-key',
      client_secret: 'e2e-secret',
      code: login.result.code as string,
      grant_type: 'authorization_code',
    },
  });
  expect((await token.json()).open_id).toBe('sim-leo');
});

test('shareAppMessage opens the contact picker and sends to the picked friend', async ({ page, request }) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  const shared = await shareFromTap(page, game, {
    imageUrl: `${main}/share-images/default.png`,
    title: 'Play Star Lanes with me',
    query: 'invite=ava',
  });
  const picker = page.getByRole('dialog', { name: 'Send to' });
  await expect(picker.getByRole('button', { name: 'Send' })).toBeDisabled();
  await picker.getByRole('button', { name: 'Zoë 🌸' }).click();
  await picker.getByRole('button', { name: 'Send' }).click();
  expect(await shared()).toEqual({ ok: true, result: { errMsg: 'shareAppMessage:ok' } });
  const { cards } = await (await request.get(`${main}/__sim/inbox/sim-zoe`)).json();
  expect(cards.map((card: { query: string; channel: string }) => [card.channel, card.query])).toEqual([
    ['shareAppMessage', 'invite=ava'],
  ]);

  // Cancelling the picker fails the call and sends nothing; no imageUrl or title is needed (TikTok's SDK page).
  const cancelled = await shareFromTap(page, game, { templateType: '2' });
  await picker.getByRole('button', { name: 'Cancel' }).click();
  expect(await cancelled()).toMatchObject({ ok: false, result: { errMsg: 'shareAppMessage:fail cancel' } });
  expect((await (await request.get(`${main}/__sim/inbox/sim-zoe`)).json()).cards).toHaveLength(1);
});

test('a share the player did not start with a tap fails with 21102, and no picker opens', async ({
  page,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  const untapped = await callIn(game, 'shareAppMessage', { title: 'Play with me', query: 'invite=ava' });
  expect(untapped).toEqual({
    ok: false,
    result: {
      errMsg: 'shareAppMessage:fail can not be shared without clicking by user',
      errNo: DOUYIN_SHARE_WITHOUT_TAP,
      error: { error_code: 21102, error_msg: 'can not be shared without clicking by user', error_extra: {} },
    },
  });
  await expect(page.getByRole('dialog', { name: 'Send to' })).toHaveCount(0);

  // A tap more than a second ago no longer counts.
  const box = await page.locator('#game-frame').boundingBox();
  if (!box) throw new Error('game frame not on screen');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const clock = () => game.evaluate(() => performance.now());
  const liftedBy = await clock();
  // Waits on the runtime's own clock, which the tap window is measured on, until the window has closed.
  await expect.poll(clock, { timeout: 5_000 }).toBeGreaterThan(liftedBy + TAP_WINDOW_MS);
  expect((await callIn(game, 'shareAppMessage', {})).result.errNo).toBe(21102);
});
