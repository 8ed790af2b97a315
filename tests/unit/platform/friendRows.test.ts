import { describe, expect, it } from 'vitest';
import { createContextPlatform } from '../../../assets/scripts/platform/index';
import { fakeRuntime } from './fakeRuntime';

/** Both documented row shapes, mixed in one answer, with broken rows of each kind among them. */
const rows = [
  // The guide's shape.
  {
    open_id: 'g1',
    display_name: 'Guide Gina',
    avatar_url: 'https://a/g1.png',
    data: [{ key: 'highScore', value: '10' }],
  },
  // Douyin / WeChat UserGameData.
  {
    openid: 'd1',
    nickname: 'Douyin Dan',
    avatarUrl: 'https://a/d1.png',
    KVDataList: [{ key: 'highScore', value: '20' }],
  },
  // WeChat's getUserInfo spelling of the name.
  { openid: 'w1', nickName: 'Wei', avatarUrl: 'https://a/w1.png', KVDataList: [] },
  // Mixed fields: guide id, Douyin name and list.
  { open_id: 'm1', nickname: 'Mixed Mo', KVDataList: [{ key: 'highScore', value: '5' }] },
  // Malformed but usable: wrong types become empty, bad pairs are left out.
  { openid: 'd2', nickname: 42, avatarUrl: null, KVDataList: [{ key: 'highScore', value: 7 }, 'junk', null] },
  { open_id: '', openid: 'd3', display_name: '', nickname: 'Empty Guide Id' },
  // Unusable: no id in either shape, or an id that is not a string.
  { nickname: 'No Id', KVDataList: [{ key: 'highScore', value: '99' }] },
  { openid: 12345, nickname: 'Numeric Id' },
  { open_id: '', openid: '' },
  ['d9', 'array'],
  'd10',
  null,
];

describe('friend rows in both shapes', () => {
  it('reads the guide shape, Douyin/WeChat UserGameData and mixes of both; drops rows without an id', async () => {
    const fake = fakeRuntime({ getFriendCloudStorage: { success: { data: rows } } });
    const context = createContextPlatform({ globals: { tt: fake.runtime } });
    const { friends, dropped } = await context.getFriendCloudStorage(['highScore']);
    expect(friends).toEqual([
      {
        openId: 'g1',
        displayName: 'Guide Gina',
        avatarUrl: 'https://a/g1.png',
        data: [{ key: 'highScore', value: '10' }],
      },
      {
        openId: 'd1',
        displayName: 'Douyin Dan',
        avatarUrl: 'https://a/d1.png',
        data: [{ key: 'highScore', value: '20' }],
      },
      { openId: 'w1', displayName: 'Wei', avatarUrl: 'https://a/w1.png', data: [] },
      { openId: 'm1', displayName: 'Mixed Mo', avatarUrl: '', data: [{ key: 'highScore', value: '5' }] },
      { openId: 'd2', displayName: '', avatarUrl: '', data: [] },
      { openId: 'd3', displayName: 'Empty Guide Id', avatarUrl: '', data: [] },
    ]);
    expect(dropped).toBe(6);
  });

  it('a board of Douyin rows only is not "no friends"', async () => {
    const douyinOnly = rows.slice(1, 3);
    const fake = fakeRuntime({ getFriendCloudStorage: { success: { data: douyinOnly } } });
    const { friends, dropped } = await createContextPlatform({
      globals: { tt: fake.runtime },
    }).getFriendCloudStorage(['highScore']);
    expect(friends.map((friend) => friend.openId)).toEqual(['d1', 'w1']);
    expect(dropped).toBe(0);
  });

  it("getUserCloudStorage reads the guide's data and WeChat's KVDataList", async () => {
    const guide = fakeRuntime({ getUserCloudStorage: { success: { data: [{ key: 'a', value: '1' }] } } });
    const wechat = fakeRuntime({
      getUserCloudStorage: { success: { KVDataList: [{ key: 'a', value: '2' }, { key: 'b' }] } },
    });
    expect(
      await createContextPlatform({ globals: { tt: guide.runtime } }).getUserCloudStorage(['a']),
    ).toEqual([{ key: 'a', value: '1' }]);
    expect(
      await createContextPlatform({ globals: { tt: wechat.runtime } }).getUserCloudStorage(['a']),
    ).toEqual([{ key: 'a', value: '2' }]);
  });
});
