import { expect, test } from '@playwright/test';
import { callIn, expectEventually, gameFrame, openMainFrame, type SimWindow, useSimulator } from './harness';

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
  await request.post(`${main}/__sim/reset`);
  const { game } = await openMainFrame(page, main);
  const shared = callIn(game, 'shareAppMessage', {
    imageUrl: `${main}/share-images/default.png`,
    title: 'Play Star Lanes with me',
    query: 'invite=ava',
  });
  const picker = page.getByRole('dialog', { name: 'Send to' });
  await expect(picker.getByRole('button', { name: 'Send' })).toBeDisabled();
  await picker.getByRole('button', { name: 'Zoë 🌸' }).click();
  await picker.getByRole('button', { name: 'Send' }).click();
  expect(await shared).toMatchObject({ ok: true, result: { errMsg: 'shareAppMessage:ok' } });
  const { cards } = await (await request.get(`${main}/__sim/inbox/sim-zoe`)).json();
  expect(cards.map((card: { query: string; channel: string }) => [card.channel, card.query])).toEqual([
    ['shareAppMessage', 'invite=ava'],
  ]);

  // Cancelling the picker fails the call and sends nothing.
  const cancelled = callIn(game, 'shareAppMessage', { imageUrl: `${main}/share-images/default.png` });
  await picker.getByRole('button', { name: 'Cancel' }).click();
  expect(await cancelled).toMatchObject({ ok: false, result: { errMsg: 'shareAppMessage:fail cancel' } });
  expect((await (await request.get(`${main}/__sim/inbox/sim-zoe`)).json()).cards).toHaveLength(1);
});
