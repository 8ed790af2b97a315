import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../assets/scripts/games/runRecord';
import { PlatformError } from '../../../assets/scripts/platform/index';
import {
  createServerClient,
  loadGlobalBoard,
  parseGlobalBoard,
  parseSession,
  ServerError,
} from '../../../assets/scripts/shell/index';
import { fakeRequest } from './fakes';

const session = { token: 'tok-1', openId: 'open-you', expiresAt: 10_000_000 };

function client(routes: Parameters<typeof fakeRequest>[0], login = async () => ({ code: 'login-code' })) {
  const log: { url: string; data: unknown }[] = [];
  const server = createServerClient({ login, request: fakeRequest(routes, log) }, { now: () => 1_000 });
  return { server, log };
}

describe('game server client', () => {
  it('opens a session from the silent login code', async () => {
    const { server, log } = client({ 'POST /v1/session': () => ({ statusCode: 200, data: session }) });
    expect(await server.ensureSession()).toEqual(session);
    expect(log).toEqual([{ url: 'http://localhost:9530/v1/session', data: { code: 'login-code' } }]);
    expect(await server.ensureSession()).toEqual(session);
    expect(log).toHaveLength(1);
  });

  it('plays offline when login or the server fails, and says which one failed', async () => {
    const board = async (server: ReturnType<typeof client>['server']) => loadGlobalBoard(server);
    const unreachable = client({});
    expect(await unreachable.server.ensureSession()).toBeNull();
    expect(await board(unreachable.server)).toMatchObject({ status: 'failed', problem: 'unreachable' });
    const noLogin = client({ 'POST /v1/session': () => ({ statusCode: 200, data: session }) }, async () => {
      throw new PlatformError('login', 'failed', 'no network');
    });
    expect(await noLogin.server.ensureSession()).toBeNull();
    // The server was up: a failed platform login is not "the server cannot be reached".
    expect(await board(noLogin.server)).toMatchObject({ status: 'failed', problem: 'login' });
    expect(noLogin.log).toEqual([]);
    const rejected = client({
      'POST /v1/session': () => ({ statusCode: 401, data: { error: 'used code' } }),
    });
    expect(await rejected.server.ensureSession()).toBeNull();
    expect(await board(rejected.server)).toMatchObject({ status: 'failed', problem: 'refused' });
  });

  it("names the build's zone in every run and board read, so a test build never reaches the live board", async () => {
    const verdict = { best: 50, rank: 3, newBest: true };
    const routes = {
      'POST /v1/session': () => ({ statusCode: 200, data: session }),
      'POST /v1/runs': () => ({ statusCode: 200, data: verdict }),
      'GET /v1/leaderboards/global': () => ({ statusCode: 200, data: { entries: [], nextCursor: null } }),
    };
    const run = { v: 1, level: 1, seed: 7, claimedScore: 50, inputs: [] } as unknown as RunRecord;
    for (const zone of ['test', 'default']) {
      const log: { url: string; data: unknown }[] = [];
      const login = async () => ({ code: 'login-code' });
      const server = createServerClient(
        { login, request: fakeRequest(routes, log) },
        { zone, now: () => 1_000 },
      );
      expect(await server.submitRun(run)).toEqual(verdict);
      await loadGlobalBoard(server);
      expect(log.slice(1).map((entry) => [entry.url, entry.data])).toEqual([
        ['http://localhost:9530/v1/runs', { zone, run }],
        [`http://localhost:9530/v1/leaderboards/global?zone=${zone}&limit=20&around=me`, undefined],
      ]);
    }
  });

  it('sends the bearer token and reads the global board', async () => {
    let authorization = '';
    const { server, log } = client({
      'POST /v1/session': () => ({ statusCode: 200, data: session }),
      'GET /v1/leaderboards/global': (_body, header) => {
        authorization = header.Authorization ?? '';
        return {
          statusCode: 200,
          data: {
            entries: [
              { rank: 1, openId: 'a', displayName: 'Ada', avatarUrl: '', score: 900, achievedAt: 1 },
              { rank: 'x', openId: 'b', score: 5 },
            ],
            nextCursor: null,
          },
        };
      },
    });
    const state = await loadGlobalBoard(server);
    expect(authorization).toBe('Bearer tok-1');
    // A development build reads its own zone's board (the committed build configuration is zone test).
    expect(log[1]?.url).toBe('http://localhost:9530/v1/leaderboards/global?zone=test&limit=20&around=me');
    expect(state).toEqual({
      status: 'ready',
      entries: [{ rank: 1, openId: 'a', displayName: 'Ada', score: 900 }],
      youOpenId: 'open-you',
    });
  });

  it('reports a server failure with a reason when the board cannot be read', async () => {
    const { server } = client({
      'POST /v1/session': () => ({ statusCode: 200, data: session }),
      'GET /v1/leaderboards/global': () => ({ statusCode: 503, data: {} }),
    });
    expect(await loadGlobalBoard(server)).toEqual({
      status: 'failed',
      problem: 'refused',
      reason: 'GET /v1/leaderboards/global failed: HTTP 503',
    });
    const error = await server
      .submitRun({ v: 1, seed: 1, level: 1, inputs: [], claimedScore: 0 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ServerError);
    // Worth retrying: the server may be back; a 422 (the run itself refused) never is.
    expect((error as ServerError).retryable).toBe(true);
    expect(new ServerError('POST /v1/runs', 'refused', 422, 'HTTP 422').retryable).toBe(false);
  });

  it('rejects malformed answers', () => {
    expect(parseSession({ token: '', openId: 'a', expiresAt: 1 })).toBeNull();
    expect(parseSession({ token: 't', openId: 'a', expiresAt: -1 })).toBeNull();
    expect(parseSession('token')).toBeNull();
    expect(parseGlobalBoard({ entries: 'none' })).toBeNull();
    expect(parseGlobalBoard({ entries: [{ rank: 1, openId: 'a', score: 1.5 }] })).toEqual([]);
  });
});

describe('player best from the server', () => {
  it('finds the player on the board around them, or null', async () => {
    const entries = [
      { rank: 3, openId: 'someone', displayName: 'S', score: 900 },
      { rank: 4, openId: 'open-you', displayName: 'You', score: 800 },
    ];
    const { server } = client({
      'POST /v1/session': () => ({ statusCode: 200, data: session }),
      'GET /v1/leaderboards/global': () => ({ statusCode: 200, data: { entries } }),
    });
    expect(await server.playerBest()).toBe(800);
    const empty = client({
      'POST /v1/session': () => ({ statusCode: 200, data: session }),
      'GET /v1/leaderboards/global': () => ({ statusCode: 200, data: { entries: entries.slice(0, 1) } }),
    });
    expect(await empty.server.playerBest()).toBeNull();
  });
});
