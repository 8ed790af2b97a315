import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { game } from '../../../assets/scripts/games/registered';
import { buildServer } from '../../../server/app';
import { SessionTokens } from '../../../server/auth/sessionToken';
import { gameReplay } from '../../../server/gameReplay';
import { RedisScoreStorage } from '../../../server/storage/redis';
import { SqliteScoreStorage } from '../../../server/storage/sqlite';
import type { ScoreStorage } from '../../../server/storage/types';
import { botRun } from '../testGame';
import { GAME_ORIGIN, SESSION_SECRET } from './harness';
import { rawRequest } from './rawHttp';
import { useRedis } from './redisServer';

const MARKUP = '<script>alert(1)</script>';
const ESCAPED = encodeURIComponent(MARKUP);

/** Requests that plant markup in every place a request has: path, parameters, query, body, headers. */
function plantedRequests(token: string): [name: string, request: string][] {
  const line = (method: string, path: string, headers = '', body = '') =>
    `${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}` +
    `${body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ''}\r\n${body}`;
  const json = 'Content-Type: application/json\r\n';
  const bearer = `Authorization: Bearer ${token}\r\n`;
  const run = JSON.stringify({ run: { ...botRun(game, 7, 1), [MARKUP]: 1 } });
  return [
    ['a path with a bad escape (curl --path-as-is)', line('GET', `/${MARKUP}%ZZ`)],
    ['a 120-character parameter', line('GET', `/v1/leaderboards/${MARKUP}${'x'.repeat(95)}`)],
    ['a parameter that is no board', line('GET', `/v1/leaderboards/${ESCAPED}`)],
    ['an unknown route', line('GET', `/v1/${ESCAPED}?${ESCAPED}=${ESCAPED}`)],
    ['a zone', line('GET', `/v1/leaderboards/global?zone=${ESCAPED}`)],
    ['a cursor', line('GET', `/v1/leaderboards/global?cursor=${ESCAPED}`)],
    ['a limit', line('GET', `/v1/leaderboards/global?limit=${ESCAPED}`)],
    ['a field name', line('POST', '/v1/session', json, JSON.stringify({ code: 'c', [MARKUP]: 1 }))],
    ['a body that is no JSON', line('POST', '/v1/session', json, MARKUP)],
    ['a code', line('POST', '/v1/session', json, JSON.stringify({ code: MARKUP }))],
    ['a content type', line('POST', '/v1/session', `Content-Type: text/html; x=${MARKUP}\r\n`, '{}')],
    ['a charset', line('POST', '/v1/session', `Content-Type: application/json; charset=${MARKUP}\r\n`, '{}')],
    ['a session token', line('POST', '/v1/runs', `${json}Authorization: Bearer ${MARKUP}\r\n`, '{}')],
    ['a field of the run record (the core parser quotes it)', line('POST', '/v1/runs', json + bearer, run)],
    ['a zone of a run', line('POST', '/v1/runs', json + bearer, JSON.stringify({ zone: MARKUP, run: {} }))],
    [
      'an event name',
      line('POST', '/v1/events', json + bearer, JSON.stringify({ events: [{ name: MARKUP, at: 1 }] })),
    ],
    ['a header Node cannot parse', `GET /${MARKUP} HTTP/1.1\r\nHost: x\r\nBad${MARKUP}: y\r\n\r\n`],
    ['headers too large', line('GET', '/health', `X-Big: ${MARKUP.repeat(2000)}\r\n`)],
  ];
}

function describeErrorReplies(name: string, open: () => Promise<ScoreStorage>): void {
  describe(`error replies on ${name}`, () => {
    it('never carry what the request planted, and are neither sniffed nor cached', async () => {
      const app: FastifyInstance = buildServer({
        storage: await open(),
        platform: { apiBase: 'http://127.0.0.1:9', clientKey: 'k', clientSecret: 's' },
        sessionSecret: SESSION_SECRET,
        gameOrigin: GAME_ORIGIN,
        replay: gameReplay(game),
        limits: { sessionsPerMinute: 1000, otherPerMinute: 1000 },
      });
      try {
        const port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
        const token = new SessionTokens(SESSION_SECRET, 60_000, Date.now).issue('player-1').token;
        for (const [what, request] of plantedRequests(token)) {
          const answer = await rawRequest(port, request);
          expect(answer.status, what).toBeGreaterThanOrEqual(400);
          expect(answer.body, what).not.toMatch(/script|alert|%3C|\\u003c/i);
          expect(JSON.parse(answer.body), what).toEqual({
            error: expect.any(String),
            message: expect.any(String),
          });
          expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
          expect(answer.headers['cache-control'], what).toBe('no-store');
          expect(answer.headers['content-type'], what).toMatch(/^application\/json/);
        }
      } finally {
        await app.close();
      }
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'lb-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
describeErrorReplies('SQLite', async () => new SqliteScoreStorage(join(dir, 'scores.db')));
const redis = useRedis();
describeErrorReplies('Redis', async () => {
  const client = redis().connect();
  await client.flushall();
  return new RedisScoreStorage(client);
});
