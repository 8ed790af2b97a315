import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { game } from '../../../assets/scripts/games/registered';
import { gameReplay } from '../../../server/gameReplay';
import { botRun } from '../testGame';
import { type Harness, runScoring, START, startHarness } from './harness';

describe('POST /v1/runs', () => {
  let h: Harness;
  let token: string;
  beforeEach(async () => {
    h = await startHarness({ runsPerMinute: 10 });
    token = await h.login('player-1');
  });
  afterEach(async () => {
    await h.close();
  });

  // Over HTTP: the rate limit is on this path.
  const submitRaw = (payload: string, contentType = 'application/json', as = token) =>
    h.send({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${as}`, 'content-type': contentType },
      payload,
    });
  const submit = (body: unknown, as = token) => submitRaw(JSON.stringify(body), 'application/json', as);
  const storedBest = async (openId = 'player-1') =>
    (await h.storage.readRanks('global', 1, 100)).find((e) => e.openId === openId);

  it('accepts a run whose replay produces the claimed score, and keeps the best', async () => {
    const first = await submit({ run: runScoring(120) });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ best: 120, rank: 1, newBest: true });
    expect((await submit({ run: runScoring(80) })).json()).toEqual({ best: 120, rank: 1, newBest: false });
    const other = await h.login('player-2');
    expect((await submit({ run: runScoring(200) }, other)).json()).toEqual({
      best: 200,
      rank: 1,
      newBest: true,
    });
    expect((await submit({ run: runScoring(150) })).json()).toEqual({ best: 150, rank: 2, newBest: true });
    expect(await storedBest()).toMatchObject({ score: 150, achievedAt: START });
    expect((await h.storage.readRanks('weekly:2026-11-23', 1, 10)).map((e) => e.score)).toEqual([200, 150]);
  });

  it('rejects with 422 a run whose claimed score is 1 higher than its replay, and stores nothing', async () => {
    const response = await submit({ run: { ...runScoring(100), claimedScore: 101 } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      error: 'score_mismatch',
      message: 'the replay of this run scores 100, not the claimed 101',
    });
    expect(await storedBest()).toBeUndefined();
  });

  it('rejects with 422 a claim the replay does not reach even when the player already has a best', async () => {
    await submit({ run: runScoring(10) });
    expect((await submit({ run: { ...runScoring(10), claimedScore: 9000 } })).statusCode).toBe(422);
    expect((await storedBest())?.score).toBe(10);
  });

  it('rejects a malformed run record with 400 (as the core parser says), storing nothing', async () => {
    const response = await submit({ run: { v: 1, inputs: 'lots', claimedScore: 5 } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'invalid_run',
      message: 'invalid run record: inputs must be an array of integers',
    });
    expect(await storedBest()).toBeUndefined();
  });

  it('cannot submit for another player: an openId in the body is refused, one in the run must match', async () => {
    const smuggled = await submit({ run: runScoring(500), openId: 'victim' });
    expect(smuggled.statusCode).toBe(400);
    const named = await submit({ run: runScoring(500, { openId: 'victim' }) });
    expect(named.statusCode).toBe(403);
    expect(named.json().error).toBe('run_of_another_player');
    expect(await storedBest('victim')).toBeUndefined();
    expect(await storedBest('player-1')).toBeUndefined();
  });

  it('rejects NaN, negative, float, huge and string scores with 400, storing nothing', async () => {
    const raw = '{"run":{"v":1,"seed":7,"level":1,"inputs":[1],"claimedScore":NaN}}';
    expect((await submitRaw(raw)).statusCode).toBe(400);
    for (const claimedScore of [
      '-1',
      '1.5',
      '2097152',
      '1e400',
      '"5"',
      'null',
      '9007199254740993',
      'Infinity',
    ]) {
      const payload = `{"run":{"v":1,"seed":7,"level":1,"inputs":[1],"claimedScore":${claimedScore}}}`;
      const response = await submitRaw(payload);
      expect(response.statusCode, claimedScore).toBe(400);
      expect(response.json().error, claimedScore).toBe(
        claimedScore === 'Infinity' ? 'invalid_json' : 'invalid_request',
      );
    }
    expect(await storedBest()).toBeUndefined();
  });

  it('rejects a 2 MB body with 413 and non-JSON with 400/415, storing nothing', async () => {
    const huge = JSON.stringify({ run: runScoring(1, { inputs: Array(1_000_000).fill(0).concat([1]) }) });
    expect(huge.length).toBeGreaterThan(2_000_000);
    const tooLarge = await submitRaw(huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toBe('body_too_large');
    const notJson = await submitRaw('run=1&claimedScore=5');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toBe('invalid_json');
    const textPlain = await submitRaw(JSON.stringify({ run: runScoring(5) }), 'text/plain');
    expect(textPlain.statusCode).toBe(415);
    const protoPoison = await submitRaw('{"run":{"claimedScore":5,"inputs":[5]},"__proto__":{"x":1}}');
    expect(protoPoison.statusCode).toBe(400);
    expect(await storedBest()).toBeUndefined();
  });

  it('limits each player to the configured rate with 429, storing nothing over it', async () => {
    for (let i = 1; i <= 10; i++) expect((await submit({ run: runScoring(i) })).statusCode).toBe(200);
    const limited = await submit({ run: runScoring(999) });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate_limited' });
    expect((await storedBest())?.score).toBe(10);
    // The limit is per player, not global.
    const other = await h.login('player-2');
    expect((await submit({ run: runScoring(3) }, other)).statusCode).toBe(200);
  });

  it('1,000 concurrent submissions of one player through the routes keep exactly the maximum', async () => {
    await h.close();
    h = await startHarness({ runsPerMinute: 10_000 });
    token = await h.login('player-1');
    const scores = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 10_007);
    // Injected: a thousand sockets from one address would be over the connection cap.
    const responses = await Promise.all(
      scores.map((score) =>
        h.app.inject({
          method: 'POST',
          url: '/v1/runs',
          headers: { authorization: `Bearer ${token}` },
          payload: { run: runScoring(score) },
        }),
      ),
    );
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    expect(responses.filter((r) => r.json().newBest && r.json().best === Math.max(...scores))).toHaveLength(
      1,
    );
    const board = await h.storage.readRanks('global', 1, 10);
    expect(board.map((e) => [e.openId, e.score])).toEqual([['player-1', Math.max(...scores)]]);
  });
});

describe('POST /v1/runs with the registered game', () => {
  it('accepts a genuine run and rejects the same run claiming one point more, storing nothing for it', async () => {
    const h = await startHarness({}, gameReplay(game));
    try {
      const run = botRun(game, 2024, game.info.levelCount);
      const submit = async (openId: string, body: unknown) =>
        h.app.inject({
          method: 'POST',
          url: '/v1/runs',
          headers: { authorization: `Bearer ${await h.login(openId)}` },
          payload: body as object,
        });
      const cheat = await submit('cheater', { run: { ...run, claimedScore: run.claimedScore + 1 } });
      expect(cheat.statusCode).toBe(422);
      expect(cheat.json().error).toBe('score_mismatch');
      const honest = await submit('honest', { run });
      expect(honest.json()).toEqual({ best: run.claimedScore, rank: 1, newBest: true });
      const board = await h.storage.readRanks('global', 1, 10);
      expect(board.map((e) => [e.openId, e.score])).toEqual([['honest', run.claimedScore]]);
      const extraField = await submit('honest', { run: { ...run, bonus: 1 } });
      expect(extraField.statusCode).toBe(400);
      // The parser's reason once, without the field's name: nothing the client sent comes back.
      expect(extraField.json().message).toBe('invalid run record: unknown field');
    } finally {
      await h.close();
    }
  });
});
