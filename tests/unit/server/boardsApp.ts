import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/app';
import { SessionTokens } from '../../../server/auth/sessionToken';
import type { BoardSettings } from '../../../server/leaderboards/boards';
import type { ScoreStorage } from '../../../server/storage/types';
import { fakeReplay, GAME_ORIGIN, runScoring, SESSION_SECRET } from './harness';

/** One row as the API answers it, reduced to what the zone and period tests compare. */
export interface BoardAnswer {
  status: number;
  /** `rank:openId:score` per entry. */
  rows: string[];
  zone: string | undefined;
  nextResetAt: number | null | undefined;
  error: string | undefined;
}

export interface BoardsApp {
  app: FastifyInstance;
  clock: { now: number };
  /** POST /v1/runs as `openId` with a run scoring `score`; `zone` omitted when undefined. */
  play(
    openId: string,
    score: number,
    zone?: string,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** GET /v1/leaderboards/<path>, as `openId` when given (for around=me). */
  read(path: string, openId?: string): Promise<BoardAnswer>;
  close(): Promise<void>;
}

/**
 * The server on any storage, with a settable clock and board settings, and no platform: sessions are
 * signed here directly, so the same tests run on SQLite and on Redis.
 */
export async function startBoardsApp(
  storage: ScoreStorage,
  start: number,
  boards: BoardSettings = {},
): Promise<BoardsApp> {
  const clock = { now: start };
  const now = () => clock.now;
  const tokens = new SessionTokens(SESSION_SECRET, 24 * 60 * 60 * 1000, now);
  const app = buildServer({
    storage,
    platform: { apiBase: 'http://127.0.0.1:9', clientKey: 'k', clientSecret: 's' },
    sessionSecret: SESSION_SECRET,
    gameOrigin: GAME_ORIGIN,
    replay: fakeReplay,
    now,
    limits: { runsPerMinute: 10_000, readsPerWindow: 10_000 },
    boards,
  });
  await app.ready();
  const bearer = (openId: string) => ({ authorization: `Bearer ${tokens.issue(openId).token}` });
  return {
    app,
    clock,
    async play(openId, score, zone) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/runs',
        headers: bearer(openId),
        payload: { ...(zone === undefined ? {} : { zone }), run: runScoring(score) },
      });
      return { status: response.statusCode, body: response.json() };
    },
    async read(path, openId) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/leaderboards/${path}`,
        headers: openId ? bearer(openId) : {},
      });
      const body = response.json() as {
        entries?: { rank: number; openId: string; score: number }[];
        zone?: string;
        nextResetAt?: number | null;
        error?: string;
      };
      return {
        status: response.statusCode,
        rows: (body.entries ?? []).map((e) => `${e.rank}:${e.openId}:${e.score}`),
        zone: body.zone,
        nextResetAt: body.nextResetAt,
        error: body.error,
      };
    },
    async close() {
      await app.close();
      await storage.close();
    },
  };
}
