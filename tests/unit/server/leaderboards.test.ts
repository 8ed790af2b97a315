import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Boards } from '../../../server/leaderboards/boards';
import { decodeCursor, encodeCursor } from '../../../server/leaderboards/cursor';
import { type Harness, runScoring, START, startHarness } from './harness';

interface Entry {
  rank: number;
  openId: string;
  score: number;
  displayName: string | null;
}
interface Board {
  entries: Entry[];
  nextCursor: string | null;
  nextResetAt: number | null;
}

describe('weekly periods', () => {
  it('start on Monday 00:00 UTC and reset at the next one', () => {
    const boards = new Boards();
    const weekly = (now: number) => boards.target('default', 'weekly', now);
    expect(weekly(START)).toEqual({ board: 'weekly:2026-11-23', nextResetAt: Date.UTC(2026, 10, 30) });
    const mondayMidnight = Date.UTC(2026, 10, 30);
    expect(weekly(mondayMidnight - 1).board).toBe('weekly:2026-11-23');
    expect(weekly(mondayMidnight).board).toBe('weekly:2026-11-30');
    expect(weekly(Date.UTC(2026, 10, 29, 23, 59, 59)).board).toBe('weekly:2026-11-23');
  });
});

describe('cursors', () => {
  it('round-trip and reject anything else', () => {
    const position = { sortKey: -42 * 2 ** 32 + 7, openId: 'player-1' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    const bad = [
      'not base64!',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[1.5,"x"]').toString('base64url'),
      Buffer.from(`[${2 ** 60},"x"]`).toString('base64url'),
      Buffer.from('[1,"has space"]').toString('base64url'),
      Buffer.from('[1,"x",3]').toString('base64url'),
      'x'.repeat(301),
    ];
    for (const cursor of bad) expect(decodeCursor(cursor), cursor).toBeNull();
  });
});

describe('GET /v1/leaderboards/:board', () => {
  let h: Harness;
  const tokens = new Map<string, string>();
  beforeEach(async () => {
    h = await startHarness({ runsPerMinute: 1000 });
    tokens.clear();
  });
  afterEach(async () => {
    await h.close();
  });

  async function play(openId: string, score: number) {
    let token = tokens.get(openId);
    if (!token) {
      token = await h.login(openId);
      tokens.set(openId, token);
    }
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${token}` },
      payload: { run: runScoring(score) },
    });
    expect(response.statusCode).toBe(200);
  }
  async function board(query: string, as?: string): Promise<{ status: number; body: Board }> {
    const token = as ? tokens.get(as) : undefined;
    const response = await h.app.inject({
      method: 'GET',
      url: `/v1/leaderboards/${query}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.statusCode, body: response.json() };
  }
  const names = (b: Board) => b.entries.map((e) => `${e.rank}:${e.openId}:${e.score}`);

  it('returns the top entries with the documented fields, and pages through all with cursors', async () => {
    for (let i = 1; i <= 7; i++) await play(`p${i}`, i * 10);
    const first = await board('global?limit=3');
    expect(first.status).toBe(200);
    expect(names(first.body)).toEqual(['1:p7:70', '2:p6:60', '3:p5:50']);
    expect(first.body.entries[0]).toEqual({
      rank: 1,
      openId: 'p7',
      displayName: null,
      avatarUrl: null,
      score: 70,
      achievedAt: START,
    });
    expect(first.body.nextResetAt).toBeNull();
    const second = await board(`global?limit=3&cursor=${first.body.nextCursor}`);
    expect(names(second.body)).toEqual(['4:p4:40', '5:p3:30', '6:p2:20']);
    const third = await board(`global?limit=3&cursor=${second.body.nextCursor}`);
    expect(names(third.body)).toEqual(['7:p1:10']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('breaks ties by the earlier time, then open_id', async () => {
    await play('zed', 50);
    h.clock.now += 2000;
    await play('bob', 50);
    await play('amy', 50);
    expect(names((await board('global')).body)).toEqual(['1:zed:50', '2:amy:50', '3:bob:50']);
  });

  it('weekly: says when it resets and starts empty on Monday 00:00 UTC', async () => {
    await play('p1', 40);
    const thisWeek = await board('weekly');
    expect(thisWeek.body.nextResetAt).toBe(Date.UTC(2026, 10, 30));
    expect(names(thisWeek.body)).toEqual(['1:p1:40']);
    h.clock.now = Date.UTC(2026, 10, 30);
    const nextWeek = await board('weekly');
    expect(nextWeek.body).toEqual({
      entries: [],
      nextCursor: null,
      zone: 'default',
      nextResetAt: Date.UTC(2026, 11, 7),
    });
    expect(names((await board('global')).body)).toEqual(['1:p1:40']);
    await play('p2', 10);
    expect(names((await board('weekly')).body)).toEqual(['1:p2:10']);
  });

  it('around=me shows a window around the caller and always rank 1', async () => {
    for (let i = 1; i <= 30; i++) await play(`p${String(i).padStart(2, '0')}`, 1000 - i);
    const around = await board('global?around=me&limit=5', 'p20');
    expect(around.status).toBe(200);
    expect(names(around.body)).toEqual([
      '1:p01:999',
      '18:p18:982',
      '19:p19:981',
      '20:p20:980',
      '21:p21:979',
      '22:p22:978',
    ]);
    const next = await board(`global?limit=5&cursor=${around.body.nextCursor}`);
    expect(next.body.entries[0]?.rank).toBe(23);
    const top = await board('global?around=me&limit=5', 'p02');
    expect(names(top.body)).toEqual(['1:p01:999', '2:p02:998', '3:p03:997', '4:p04:996', '5:p05:995']);
    const last = await board('global?around=me&limit=5', 'p30');
    expect(names(last.body)).toEqual(['1:p01:999', '28:p28:972', '29:p29:971', '30:p30:970']);
    expect(last.body.nextCursor).toBeNull();
  });

  it('around=me for a player not on the board shows the top; without a session it is 401', async () => {
    await play('p1', 10);
    h.clock.now = Date.UTC(2026, 10, 30, 1);
    tokens.clear();
    await play('p2', 5);
    tokens.set('p1', await h.login('p1'));
    expect(names((await board('weekly?around=me&limit=5', 'p1')).body)).toEqual(['1:p2:5']);
    expect((await board('global?around=me')).status).toBe(401);
  });

  it('validates board, limit, cursor and around', async () => {
    await play('p1', 10);
    for (const query of [
      'yearly',
      'global?zone=Default',
      'global?zone=-test',
      'global?zone=',
      'global?limit=0',
      'global?limit=101',
      'global?limit=abc',
      'global?limit=2.5',
      'global?cursor=%3Cscript%3E',
      'global?around=you',
    ]) {
      const { status, body } = await board(query, 'p1');
      expect(status, query).toBe(400);
      expect(typeof (body as unknown as { message: string }).message).toBe('string');
    }
    expect((await board('global?around=me&cursor=abc', 'p1')).status).toBe(400);
  });
});
