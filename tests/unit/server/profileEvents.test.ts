import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanAvatarUrl, cleanDisplayName } from '../../../server/platform/cleanProfile';
import { type Harness, runScoring, START, startHarness } from './harness';

describe('POST /v1/profile', () => {
  let h: Harness;
  let token: string;
  beforeEach(async () => {
    h = await startHarness();
    token = await h.login('player-1');
  });
  afterEach(async () => {
    await h.close();
  });

  const saveProfile = (code: string) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/profile',
      headers: { authorization: `Bearer ${token}` },
      payload: { code },
    });

  it('reads name and avatar from the platform and shows them on the board as data, never markup', async () => {
    const markup = '<img src=x onerror="alert(1)">&lt;b&gt; 🧑‍🚀';
    h.platform.users.set('player-1', {
      display_name: markup,
      avatar_url: 'https://cdn.example/p1.png?a=1&b=2',
    });
    const response = await saveProfile(h.platform.issueCode('player-1'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ displayName: markup, avatarUrl: 'https://cdn.example/p1.png?a=1&b=2' });
    await h.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${token}` },
      payload: { run: runScoring(5) },
    });
    const board = await h.app.inject({ method: 'GET', url: '/v1/leaderboards/global' });
    expect(board.headers['content-type']).toMatch(/^application\/json/);
    expect(board.headers['x-content-type-options']).toBe('nosniff');
    expect(board.body).not.toMatch(/[<>&\u2028]/);
    expect(board.body).toContain('\\u003cimg');
    expect(board.json().entries[0]).toMatchObject({ displayName: markup, achievedAt: START });
  });

  it('drops a non-http avatar and bounds a very long name', async () => {
    h.platform.users.set('player-1', { display_name: 'x'.repeat(500), avatar_url: 'javascript:alert(1)' });
    const body = (await saveProfile(h.platform.issueCode('player-1'))).json();
    expect(body).toEqual({ displayName: 'x'.repeat(64), avatarUrl: null });
    expect(cleanDisplayName('👩‍👩‍👧'.repeat(70))).toBe('👩‍👩‍👧'.repeat(64));
    expect(cleanDisplayName('')).toBeNull();
    expect(cleanAvatarUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(cleanAvatarUrl('not a url')).toBeNull();
    expect(cleanAvatarUrl('http://x.example/a.png')).toBe('http://x.example/a.png');
  });

  it('refuses a code of another player (403), a used code (401), and needs a session (401)', async () => {
    h.platform.users.set('player-2', { display_name: 'Mallory' });
    const other = await saveProfile(h.platform.issueCode('player-2'));
    expect(other.statusCode).toBe(403);
    const code = h.platform.issueCode('player-1');
    expect((await saveProfile(code)).statusCode).toBe(200);
    expect((await saveProfile(code)).statusCode).toBe(401);
    const anonymous = await h.app.inject({ method: 'POST', url: '/v1/profile', payload: { code: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    await h.storage.submitScore([{ board: 'global', expiresAt: null }], {
      openId: 'player-2',
      score: 1,
      achievedAt: START,
    });
    expect((await h.storage.readRanks('global', 1, 1))[0]?.displayName).toBeNull();
  });
});

describe('POST /v1/events', () => {
  let h: Harness;
  let token: string;
  beforeEach(async () => {
    h = await startHarness({ eventsPerMinute: 10 });
    token = await h.login('player-1');
  });
  afterEach(async () => {
    await h.close();
  });

  // Over HTTP: the rate limit is on this path.
  const send = (payload: unknown) =>
    h.send({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${token}` },
      payload: payload as object,
    });

  it('stores valid events for the session player', async () => {
    const response = await send({
      events: [
        { name: 'leaderboard_open', entryPoint: 'menu', at: START - 5 },
        { name: 'level_end', at: START },
      ],
    });
    expect(response.json()).toEqual({ accepted: 2 });
    expect(await h.storage.recentEvents(10)).toEqual([
      { openId: 'player-1', name: 'level_end', entryPoint: null, at: START, receivedAt: START },
      { openId: 'player-1', name: 'leaderboard_open', entryPoint: 'menu', at: START - 5, receivedAt: START },
    ]);
  });

  it('takes a full queue of the game (200 events) in one batch', async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({
      name: 'board_shown',
      entryPoint: 'main_menu',
      at: START + i,
    }));
    expect((await send({ events })).json()).toEqual({ accepted: 200 });
    expect(await h.storage.recentEvents(500)).toHaveLength(200);
  });

  it('rejects malformed batches whole, storing nothing', async () => {
    const bad = [
      { events: [] },
      { events: [{ name: 'Bad Name', at: 1 }] },
      { events: [{ name: 'ok', at: -1 }] },
      { events: [{ name: 'ok', at: 1, openId: 'victim' }] },
      {
        events: [
          { name: 'ok', at: 1 },
          { name: '<script>', at: 1 },
        ],
      },
      { events: Array.from({ length: 201 }, () => ({ name: 'ok', at: 1 })) },
    ];
    for (const payload of bad) expect((await send(payload)).statusCode).toBe(400);
    expect(await h.storage.recentEvents(10)).toEqual([]);
  });

  it('is rate limited per player, counting refused batches too', async () => {
    for (let i = 0; i < 3; i++) expect((await send({ events: [] })).statusCode).toBe(400);
    for (let i = 0; i < 7; i++)
      expect((await send({ events: [{ name: 'tick', at: i }] })).statusCode).toBe(200);
    expect((await send({ events: [{ name: 'tick', at: 9 }] })).statusCode).toBe(429);
    expect(await h.storage.recentEvents(10)).toHaveLength(7);
  });
});
