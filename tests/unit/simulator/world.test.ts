import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LONG_NAME } from '../../../simulator/server/fixture';
import { mergeFaults, noFaults } from '../../../simulator/server/runtimeState';
import { makeWorld, okResult, type World } from './world';

let world: World;
beforeEach(() => {
  world = makeWorld();
  world.store.grant('sim-ava', ['user.info.basic', 'user.friends.mutual']);
});
afterEach(() => world.dispose());

interface Row {
  open_id: string;
  display_name: string;
  data: { key: string; value: string }[];
}

async function board(openId = 'sim-ava'): Promise<Row[]> {
  world.platform.switchUser(openId);
  world.store.grant(openId, ['user.info.basic', 'user.friends.mutual']);
  return okResult(await world.call('context', 'getFriendCloudStorage', { keyList: ['highScore'] }))
    .data as Row[];
}

describe('seeded fixture', () => {
  it('has at least 8 featured users, with emoji, right-to-left and 40-character names', () => {
    const names = world.store.users(false).map((user) => user.display_name);
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names.some((name) => /\p{Extended_Pictographic}/u.test(name))).toBe(true);
    expect(names.some((name) => /[\u0590-\u08ff]/.test(name))).toBe(true);
    expect(LONG_NAME).toHaveLength(40);
    expect(names).toContain(LONG_NAME);
  });

  it('gives the default player a board of known, distinct scores plus hostile values', async () => {
    const scores = Object.fromEntries((await board()).map((row) => [row.open_id, row.data[0]?.value]));
    expect(scores).toMatchObject({
      'sim-omar': '5600',
      'sim-leo': '4200',
      'sim-mariam': '3900',
      'sim-bart': '3100',
      'sim-ava': '3000',
      'sim-kenji': '2500',
      'sim-zoe': '1800',
      'sim-max': '1500',
      'sim-priya': '900',
      'sim-hex': 'abc',
      'sim-nora': '-50',
      'sim-hugo': '99999999999999999999999',
      'sim-emma': '',
    });
    expect(Object.keys(scores)).not.toContain('sim-grace');
  });

  it('has a player whose friends never played, and one with more than 200 friends who play', async () => {
    expect((await board('sim-noah')).map((row) => row.open_id)).toEqual(['sim-noah']);
    expect((await board('sim-omar')).length).toBeGreaterThan(200);
  });

  it('getFriendCloudStorage rows carry open_id, user_id, display_name, avatar_url and only the asked keys', async () => {
    world.platform.switchUser('sim-ava');
    const rows = okResult(
      await world.call('context', 'getFriendCloudStorage', { keyList: ['highScoreMeta'] }),
    ).data as Record<string, unknown>[];
    const leo = rows.find((row) => row.open_id === 'sim-leo');
    expect(leo).toEqual({
      open_id: 'sim-leo',
      user_id: 1002,
      display_name: 'Léo 🎮 Martin',
      avatar_url: 'http://localhost:9527/avatars/sim-leo.png',
      data: [
        { key: 'highScoreMeta', value: expect.stringMatching(/^\{"v":1,"level":5,"achievedAt":\d+\}$/) },
      ],
    });
  });

  it('reset returns to the fixture', async () => {
    await world.call('game', 'setUserCloudStorage', { data: [{ key: 'highScore', value: '1' }] });
    world.platform.reset();
    expect(world.store.cloud('sim-ava').find((item) => item.key === 'highScore')?.value).toBe('3000');
  });
});

describe('faults', () => {
  it('failApis makes exactly setUserCloudStorage fail, and stores nothing', async () => {
    world.platform.faults = { ...noFaults(), failApis: ['setUserCloudStorage'] };
    const failed = await world.call('game', 'setUserCloudStorage', {
      data: [{ key: 'highScore', value: '7777' }],
    });
    expect(failed.kind === 'fail' && failed.fail.errMsg).toBe(
      'setUserCloudStorage:fail injected fault (simulator devtools)',
    );
    expect(world.store.cloud('sim-ava').find((item) => item.key === 'highScore')?.value).toBe('3000');
    expect((await world.call('context', 'getUserCloudStorage', { keyList: ['highScore'] })).kind).toBe('ok');
  });

  it('statusCheckCode answers a missing scope with a code of its own, and a granted one as before', async () => {
    world.platform.faults = { ...noFaults(), statusCheckCode: 10002 };
    world.platform.switchUser('sim-ivy');
    const missing = await world.call('game', 'authorizeOpenContext', { get_status_only: true });
    expect(missing.kind === 'fail' && missing.fail.errNo).toBe(10002);
    world.platform.switchUser('sim-ava');
    expect((await world.call('game', 'authorizeOpenContext', { get_status_only: true })).kind).toBe('ok');
    expect(mergeFaults(noFaults(), { statusCheckCode: -1 })).toMatch(/statusCheckCode must be 0/);
    expect(mergeFaults(noFaults(), { statusCheckCode: 1.5 })).toMatch(/statusCheckCode must be 0/);
  });

  it('emptyFriends leaves only the player; latency delays the named API', async () => {
    world.platform.faults = { ...noFaults(), emptyFriends: true, latencyMs: { getFriendCloudStorage: 150 } };
    const started = Date.now();
    const rows = await board();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(rows.map((row) => row.open_id)).toEqual(['sim-ava']);
  });

  it('refuses malformed fault settings', () => {
    expect(mergeFaults(noFaults(), { failureRate: 2 })).toMatch(/failureRate must be 0..1/);
    expect(mergeFaults(noFaults(), { latencyMs: -1 })).toMatch(/latencyMs/);
    expect(mergeFaults(noFaults(), { failApis: 'setUserCloudStorage' })).toMatch(/failApis/);
    expect(mergeFaults(noFaults(), { flood: true })).toBe('unknown fault "flood"');
    expect(mergeFaults(noFaults(), { failureRate: { getFriendCloudStorage: 0.5 } })).toMatchObject({
      failureRate: { getFriendCloudStorage: 0.5 },
    });
  });
});

describe('analytics', () => {
  it('counts exposures and clicks per entry point with the click-through rate', async () => {
    for (const eventName of [
      'leaderboard_button_exposure',
      'leaderboard_button_exposure',
      'leaderboard_button_click',
    ]) {
      await world.call('game', 'reportAnalytics', { eventName, data: { entry_point: 'results' } });
    }
    await world.call('game', 'reportAnalytics', {
      eventName: 'leaderboard_button_exposure',
      data: { entry_point: 'main_menu' },
    });
    const { leaderboardButton, events } = world.platform.analytics.snapshot();
    expect(leaderboardButton.results).toEqual({ exposures: 2, clicks: 1, clickThroughRate: 0.5 });
    expect(leaderboardButton.main_menu).toEqual({ exposures: 1, clicks: 0, clickThroughRate: 0 });
    expect(leaderboardButton.total).toEqual({ exposures: 3, clicks: 1, clickThroughRate: 1 / 3 });
    expect(events.leaderboard_button_exposure).toBe(3);
  });
});
