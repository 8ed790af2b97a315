import { expect, test } from '@playwright/test';
import { canIUseIn, contextFrame, openFreshMainFrame, shareFromTap, useSimulator } from './harness';

/**
 * TikTok's SDK Sharing page: a shareAppMessage card takes the title and image configured for the game (the
 * Developer Portal's; here game.json dev.shareCard or the devtools' field), whatever the game passes.
 * Douyin shows the game's own.
 */

const simulator = useSimulator();
test.use({ viewport: { width: 1280, height: 900 } });

interface Inbox {
  cards: { title: string; image_url: string; query: string; channel: string }[];
}

test("TikTok mode: the card shows the configured title and image, not the game's; Douyin mode shows the game's", async ({
  page,
  request,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  const configured = { title: 'Star Lanes', imageUrl: `${main}/share-images/default.png` };
  const phone = page.getByRole('region', { name: 'Phone' });
  await phone.getByLabel('Share card title').fill(configured.title);
  await phone.getByLabel('Share card image URL').fill(configured.imageUrl);
  await phone.getByRole('button', { name: 'Apply' }).last().click();
  await expect(phone.getByRole('status')).toHaveText('✓ Share card configured');
  // The API does not offer what TikTok ignores.
  expect(await canIUseIn(game, ['shareAppMessage.object.title', 'shareAppMessage.object.imageUrl'])).toEqual([
    false,
    false,
  ]);

  const gameCard = {
    title: 'Beat my 3,000!',
    imageUrl: 'https://cdn.example.com/mine.png',
    query: 'invite=ava',
  };
  const shared = await shareFromTap(page, game, gameCard);
  const picker = page.getByRole('dialog', { name: 'Send to' });
  await expect(picker.getByRole('figure', { name: 'Card' })).toHaveText('Star Lanes');
  await picker.getByRole('button', { name: 'Zoë 🌸' }).click();
  await picker.getByRole('button', { name: 'Send' }).click();
  expect((await shared()).ok).toBe(true);
  const zoe = (await (await request.get(`${main}/__sim/inbox/sim-zoe`)).json()) as Inbox;
  expect(zoe.cards.map(({ title, image_url, query }) => ({ title, image_url, query }))).toEqual([
    { title: 'Star Lanes', image_url: configured.imageUrl, query: 'invite=ava' },
  ]);

  await request.post(`${main}/__sim/platform`, { data: { mode: 'douyin' } });
  await expect(phone.getByLabel('Platform')).toHaveValue('douyin');
  expect(await canIUseIn(game, ['shareAppMessage.object.title'])).toEqual([true]);
  const douyin = await shareFromTap(page, game, gameCard);
  await expect(picker.getByRole('figure', { name: 'Card' })).toHaveText(gameCard.title);
  await picker.getByRole('button', { name: 'Priya Raman' }).click();
  await picker.getByRole('button', { name: 'Send' }).click();
  expect((await douyin()).ok).toBe(true);
  const priya = (await (await request.get(`${main}/__sim/inbox/sim-priya`)).json()) as Inbox;
  expect(priya.cards[0]).toMatchObject({ title: gameCard.title, image_url: gameCard.imageUrl });

  // shareToUser keeps the guide's title and image in both modes; the context's canIUse agrees.
  expect(await canIUseIn(contextFrame(page), ['shareToUser.object.title'])).toEqual([true]);
});

test("the configured card comes from game.json dev.shareCard, else the game's name and the default image", async ({
  request,
}) => {
  const main = simulator.sim.urls.main;
  await request.post(`${main}/__sim/reset`);
  const { shareCard } = (await (await request.get(`${main}/__sim/device`)).json()) as {
    shareCard: { title: string; imageUrl: string };
  };
  // The fixture package names no project and configures no card.
  expect(shareCard).toEqual({ title: '', imageUrl: `${main}/share-images/default.png` });
  const refused = await request.post(`${main}/__sim/share-card`, { data: { imageUrl: 'card.png' } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toBe('imageUrl must be an absolute http(s) URL');
});
