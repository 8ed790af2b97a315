/**
 * One score limit, one home (GameInfo.scoreLimit): a score at the limit goes through the run, the game
 * server's board and the friend board; one above is refused at each of them for the same stated reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../assets/scripts/games/runRecord';
import { parseRunRecord } from '../../../assets/scripts/games/runRecord';
import { scoreProblem } from '../../../assets/scripts/games/scoreLimit';
import { encodeBestScore, parseCloudScore } from '../../../assets/scripts/social/cloudScore';
import { parseContextMessage } from '../../../assets/scripts/social/protocol';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import { toPlayer } from '../../../openDataContext/src/friendStore';
import { buildServer } from '../../../server/app';
import { SessionTokens } from '../../../server/auth/sessionToken';
import { gameReplay } from '../../../server/gameReplay';
import type { ScoreStorage } from '../../../server/storage/types';
import { testGame } from '../testGame';
import { GAME_ORIGIN, SESSION_SECRET } from './harness';
import { useBothBackends } from './redisServer';

// Tally's level 3 at its most: 300 ticks, each input 4, ten points apiece.
const LIMIT = 12_000;
const game = { ...testGame, info: { ...testGame.info, scoreLimit: LIMIT } };
const KEYS = scoreKeysFor('default');
const REASON = scoreProblem(LIMIT + 1, LIMIT);

const runAtTheLimit: RunRecord = {
  v: 1,
  seed: 1,
  level: 3,
  inputs: Array.from({ length: 300 }, (_, tick) => [tick, 4] as const),
  claimedScore: LIMIT,
};

describe("the game's score limit", () => {
  it('is the one reason everywhere', () => {
    expect(REASON).toBe("score must be a whole number from 0 to 12000, the game's score limit; got 12001");
  });

  it('lets a run at the limit through the run record, the cloud and a message; refuses one above', () => {
    expect(parseRunRecord(runAtTheLimit, game)).toEqual({ ok: true, run: runAtTheLimit });
    expect(game.replay(runAtTheLimit).score).toBe(LIMIT);
    const above = parseRunRecord({ ...runAtTheLimit, claimedScore: LIMIT + 1 }, game);
    expect(above.ok === false && above.error).toBe(`invalid run record: claimedScore: ${REASON}`);

    const best = { score: LIMIT, level: 3, achievedAt: 5 };
    expect(parseCloudScore(encodeBestScore(best, KEYS, LIMIT), KEYS, LIMIT)?.score).toBe(LIMIT);
    expect(() => encodeBestScore({ ...best, score: LIMIT + 1 }, KEYS, LIMIT)).toThrow(REASON);

    const message = { v: 1, type: 'levelEnd', runId: 'r', level: 3, achievedAt: 5 };
    expect(parseContextMessage({ ...message, score: LIMIT }, LIMIT).ok).toBe(true);
    expect(parseContextMessage({ ...message, score: LIMIT + 1 }, LIMIT)).toEqual({
      ok: false,
      reason: `levelEnd.${REASON}`,
    });
  });

  it("shows a friend at the limit on the friend board, and no score for a friend's value above it", () => {
    const friend = (value: string) =>
      toPlayer(
        { openId: 'f', displayName: 'Friend', avatarUrl: '', data: [{ key: KEYS.score, value }] },
        { keys: KEYS, scoreLimit: LIMIT },
      );
    expect(friend(String(LIMIT)).best?.score).toBe(LIMIT);
    expect(friend(String(LIMIT + 1)).best).toBeNull();
  });

  describe.each(useBothBackends('score-limit'))('on the game server (%s)', (_name, open) => {
    let close: (() => Promise<void>) | null = null;
    afterEach(async () => {
      await close?.();
      close = null;
    });

    async function server(storage: ScoreStorage) {
      const app = buildServer({
        storage,
        platform: { apiBase: 'http://127.0.0.1:9', clientKey: 'k', clientSecret: 's' },
        sessionSecret: SESSION_SECRET,
        gameOrigin: GAME_ORIGIN,
        replay: gameReplay(game),
        limits: { scoreLimit: LIMIT },
      });
      await app.ready();
      close = async () => {
        await app.close();
        await storage.close();
      };
      const token = new SessionTokens(SESSION_SECRET, 60_000, Date.now).issue('player').token;
      const submit = (run: unknown) =>
        app.inject({
          method: 'POST',
          url: '/v1/runs',
          headers: { authorization: `Bearer ${token}` },
          payload: { run },
        });
      return { app, submit };
    }

    it('keeps a run at the limit on the board and refuses one above with the same reason', async () => {
      const { app, submit } = await server(await open());
      const above = await submit({ ...runAtTheLimit, claimedScore: LIMIT + 1 });
      expect(above.statusCode).toBe(400);
      expect(above.json().message).toContain(REASON);
      const at = await submit(runAtTheLimit);
      expect(at.json()).toMatchObject({ best: LIMIT, newBest: true });
      const board = await app.inject({ method: 'GET', url: '/v1/leaderboards/global' });
      expect(board.json().entries.map((entry: { score: number }) => entry.score)).toEqual([LIMIT]);
    });
  });
});
