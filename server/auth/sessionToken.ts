import { createHmac, timingSafeEqual } from 'node:crypto';
import { OPEN_ID_PATTERN } from '../leaderboards/order';

/**
 * Session tokens: `<payload>.<signature>`, both base64url; the payload is JSON `{v, sub, exp}` and the
 * signature its HMAC-SHA256 under the server's secret. Stateless, so any server process can check one;
 * the price is that a token cannot be revoked before it expires, hence the short lifetime.
 */

export interface Session {
  openId: string;
  expiresAt: number;
}

/** The floor for any secret; production deployments must use at least PRODUCTION_SECRET_LENGTH (config.ts). */
export const MIN_SECRET_LENGTH = 16;

/** Verified tokens remembered at most (about 3 MB); past that the memory starts again empty. */
const MAX_REMEMBERED = 10_000;

export class SessionTokens {
  private readonly key: Buffer;
  private readonly verified = new Map<string, Session>();

  constructor(
    secret: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`session secret must be at least ${MIN_SECRET_LENGTH} characters (SESSION_SECRET)`);
    }
    this.key = Buffer.from(secret, 'utf8');
  }

  issue(openId: string): { token: string; expiresAt: number } {
    const expiresAt = this.now() + this.ttlMs;
    const payload = Buffer.from(JSON.stringify({ v: 1, sub: openId, exp: expiresAt })).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresAt };
  }

  /**
   * The session a token proves, or null when it is malformed, forged or expired. A token verified once
   * is remembered until it expires (or the memory is full), so a client sending the same token again,
   * a flooding one included, costs a lookup rather than an HMAC.
   */
  verify(token: string): Session | null {
    const known = this.verified.get(token);
    if (known !== undefined) return known.expiresAt > this.now() ? known : null;
    const session = this.check(token);
    if (session) {
      if (this.verified.size >= MAX_REMEMBERED) this.verified.clear();
      this.verified.set(token, session);
    }
    return session;
  }

  private check(token: string): Session | null {
    const parts = token.split('.');
    if (parts.length !== 2) return null;
    const [payload, signature] = parts as [string, string];
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (typeof claims !== 'object' || claims === null) return null;
    const { v, sub, exp } = claims as Record<string, unknown>;
    if (v !== 1 || typeof sub !== 'string' || !OPEN_ID_PATTERN.test(sub)) return null;
    if (typeof exp !== 'number' || !Number.isSafeInteger(exp) || exp <= this.now()) return null;
    return { openId: sub, expiresAt: exp };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
