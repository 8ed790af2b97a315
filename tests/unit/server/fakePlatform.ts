import Fastify, { type FastifyInstance } from 'fastify';

export const CLIENT_KEY = 'test-client-key';
export const CLIENT_SECRET = 'test-client-secret';

interface IssuedCode {
  openId: string;
  expiresAt: number;
  used: boolean;
}

export interface FakeUser {
  display_name?: string | null;
  avatar_url?: string | null;
}

/**
 * The two platform endpoints the game server calls, in exactly the shapes of TikTok's API: one-time
 * codes that expire, a client key and secret check, and user info by access token.
 */
export class FakePlatform {
  readonly app: FastifyInstance = Fastify();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly tokens = new Map<string, string>();
  readonly users = new Map<string, FakeUser>();
  private counter = 0;
  /** When set, the token endpoint answers 503 (platform outage). */
  down = false;
  /** When set, refused codes answer 200 with an `error` body, as TikTok sometimes does. */
  errorsWithStatus200 = false;
  tokenRequests = 0;
  /** The secret the platform expects; change it to play a server configured with the wrong one. */
  clientSecret = CLIENT_SECRET;

  constructor(private readonly now: () => number = Date.now) {
    this.app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    this.app.post('/v2/oauth/token/', async (request, reply) => {
      this.tokenRequests++;
      if (this.down) return reply.code(503).send({ error: 'unavailable' });
      const form = request.body as Record<string, string>;
      const refuse = (description: string) =>
        reply
          .code(this.errorsWithStatus200 ? 200 : 400)
          .send({ error: 'invalid_grant', error_description: description, log_id: 'x' });
      if (form.client_key !== CLIENT_KEY || form.client_secret !== this.clientSecret) {
        return reply
          .code(401)
          .send({ error: 'invalid_client', error_description: 'client_key or client_secret is wrong' });
      }
      if (form.grant_type !== 'authorization_code') return refuse('bad grant_type');
      const issued = this.codes.get(form.code ?? '');
      if (!issued) return refuse('unknown code');
      if (issued.used) return refuse('code already used');
      if (issued.expiresAt <= this.now()) return refuse('code expired');
      issued.used = true;
      const accessToken = `act.${++this.counter}`;
      this.tokens.set(accessToken, issued.openId);
      return {
        open_id: issued.openId,
        scope: 'user.info.basic',
        access_token: accessToken,
        expires_in: 86400,
        refresh_token: `rft.${this.counter}`,
      };
    });
    this.app.get('/v2/user/info/', async (request, reply) => {
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      const openId = this.tokens.get(token);
      if (!openId) {
        return reply
          .code(401)
          .send({ data: {}, error: { code: 'access_token_invalid', message: 'bad token' } });
      }
      const user = this.users.get(openId) ?? {};
      return { data: { user: { open_id: openId, ...user } }, error: { code: 'ok', message: '' } };
    });
  }

  async start(): Promise<string> {
    return this.app.listen({ port: 0, host: '127.0.0.1' });
  }

  /** What `login()` / `authorizeOpenContext` would hand the game: a one-time code for this player. */
  issueCode(openId: string, ttlMs = 5 * 60_000): string {
    const code = `code-${++this.counter}-${openId}`;
    this.codes.set(code, { openId, expiresAt: this.now() + ttlMs, used: false });
    return code;
  }
}
