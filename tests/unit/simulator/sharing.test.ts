import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  world = makeWorld();
  await world.platform.reset();
});
afterEach(() => world.dispose());

async function shareTo(openId: string, args: Record<string, unknown>) {
  const opened = await world.call('game', 'shareAppMessage', args);
  if (opened.kind !== 'contacts')
    throw new Error(`expected the contact picker, got ${JSON.stringify(opened)}`);
  return world.platform.finishShare(opened.ticket, [openId]);
}

describe("shareAppMessage as TikTok's SDK page types it", () => {
  it('sends a card without imageUrl or title: the configured card (here the default image) fills in', async () => {
    expect(await shareTo('sim-leo', { query: 'invite=ava' })).toEqual({
      kind: 'ok',
      result: { errMsg: 'shareAppMessage:ok' },
    });
    const [card] = world.store.inbox('sim-leo');
    expect(card).toMatchObject({
      image_url: 'http://localhost:9527/share-images/default.png',
      title: '',
      template_type: 1,
      query: 'invite=ava',
    });
  });

  it("takes templateType as the SDK page's string and as the guide's number", async () => {
    await shareTo('sim-leo', { templateType: '2' });
    await shareTo('sim-zoe', { templateType: 2 });
    expect(world.store.inbox('sim-leo')[0]?.template_type).toBe(2);
    expect(world.store.inbox('sim-zoe')[0]?.template_type).toBe(2);
  });
});
