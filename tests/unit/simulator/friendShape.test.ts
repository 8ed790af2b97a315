import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContextPlatform } from '../../../assets/scripts/platform/index';
import { DOUYIN_FRIEND_LIMIT } from '../../../simulator/server/friendShape';
import { makeWorld, okResult, type World } from './world';

/** getFriendCloudStorage in the guide's shape (TikTok mode) and in Douyin's, and the wrapper reading both. */

let world: World;
beforeEach(() => {
  world = makeWorld();
  world.store.grant('sim-ava', ['user.info.basic', 'user.friends.mutual']);
  world.store.grant('sim-omar', ['user.info.basic', 'user.friends.mutual']);
});
afterEach(() => world.dispose());

const behaveAsDouyin = () => {
  world.platform.device = { ...world.platform.device, platform: 'douyin' };
};

const rows = async (args: unknown = { keyList: ['highScore'] }) =>
  okResult(await world.call('context', 'getFriendCloudStorage', args)).data as Record<string, unknown>[];

/** The wrapper over the simulator's platform, as the open data context uses it. */
function wrapper() {
  const tt = {
    getFriendCloudStorage(options: { keyList: string[]; success(r: unknown): void; fail(r: unknown): void }) {
      const { success, fail, ...args } = options;
      void world.call('context', 'getFriendCloudStorage', args).then((outcome) => {
        if (outcome.kind === 'ok') success(outcome.result);
        else if (outcome.kind === 'fail') fail(outcome.fail);
      });
    },
  };
  return createContextPlatform({ globals: { tt } });
}

describe('friend data shape', () => {
  it("serves the guide's rows by default", async () => {
    const [first] = await rows();
    expect(Object.keys(first ?? {}).sort()).toEqual([
      'avatar_url',
      'data',
      'display_name',
      'open_id',
      'user_id',
    ]);
    expect(first).toMatchObject({ open_id: 'sim-ava', display_name: 'Ava Chen' });
  });

  it("serves Douyin's UserGameData rows when switched, with the same people and values", async () => {
    const guide = await rows();
    behaveAsDouyin();
    const douyin = await rows();
    expect(douyin).toHaveLength(guide.length);
    for (const row of douyin) {
      expect(Object.keys(row).sort()).toEqual(['KVDataList', 'avatarUrl', 'nickname', 'openid']);
    }
    expect(douyin.map((row) => row.openid)).toEqual(guide.map((row) => row.open_id));
    expect(douyin.map((row) => row.KVDataList)).toEqual(guide.map((row) => row.data));
    expect(douyin[0]).toMatchObject({ openid: 'sim-ava', nickname: 'Ava Chen' });
  });

  it('caps Douyin answers at 100 rows, the player first; the guide shape is not capped', async () => {
    world.platform.switchUser('sim-omar');
    expect((await rows()).length).toBeGreaterThan(DOUYIN_FRIEND_LIMIT);
    behaveAsDouyin();
    const capped = await rows();
    expect(capped).toHaveLength(DOUYIN_FRIEND_LIMIT);
    expect(capped[0]?.openid).toBe('sim-omar');
  });

  it('the wrapper reads the same friends from either shape', async () => {
    const fromGuide = await wrapper().getFriendCloudStorage(['highScore']);
    behaveAsDouyin();
    const fromDouyin = await wrapper().getFriendCloudStorage(['highScore']);
    expect(fromDouyin).toEqual(fromGuide);
    expect(fromDouyin.friends.length).toBeGreaterThan(10);
    expect(fromDouyin.dropped).toBe(0);
  });

  it('a reset returns to the mode the simulator started with', async () => {
    behaveAsDouyin();
    world.platform.reset();
    expect(world.platform.device.platform).toBe('tiktok');
  });
});
