import { z } from 'zod';
import { OPEN_ID_PATTERN } from '../leaderboards/order';
import { cleanAvatarUrl, cleanDisplayName } from './cleanProfile';
import { readCappedText } from './readCapped';

/**
 * The two platform endpoints the server calls: the OAuth token endpoint (a `login()` or
 * `authorizeOpenContext` code for tokens, and a refresh token for new ones) and user info. The same shapes are served by TikTok in production and
 * by the local simulator, chosen by `apiBase`. The client secret lives only here, on the server.
 */

export interface PlatformConfig {
  apiBase: string;
  clientKey: string;
  clientSecret: string;
  /** Bytes of a platform answer read at most (see readCapped.ts). */
  responseLimitBytes?: number;
}

export interface CodeExchange {
  openId: string;
  accessToken: string;
  scope: string;
  /** Seconds the access token is valid for (2 hours on TikTok); null when the answer leaves it out. */
  expiresIn: number | null;
  /** Null when the answer carries none; a refresh then needs a new code. */
  refreshToken: string | null;
  /** Seconds the refresh token is still valid for (it counts down across refreshes). */
  refreshExpiresIn: number | null;
}

export interface PlatformUser {
  openId: string;
  displayName: string | null;
  avatarUrl: string | null;
}

/** The platform refused the code: used, expired, unknown or for another app. */
export class InvalidCodeError extends Error {}
/** The platform refused the refresh token: replaced by a newer one, expired or unknown. Ask for a new code. */
export class InvalidRefreshTokenError extends Error {}
/** The platform could not be reached or answered something we cannot read. */
export class PlatformUnavailableError extends Error {}

const TokenResponse = z.object({
  open_id: z.string().regex(OPEN_ID_PATTERN),
  access_token: z.string().min(1).max(4096),
  scope: z.string().max(1024).default(''),
  expires_in: z.number().int().nonnegative().nullish(),
  refresh_token: z.string().min(1).max(4096).nullish(),
  refresh_expires_in: z.number().int().nonnegative().nullish(),
});

const ErrorResponse = z.object({ error: z.string(), error_description: z.string().optional() });

const UserInfoResponse = z.object({
  data: z.object({
    user: z.object({
      open_id: z.string().regex(OPEN_ID_PATTERN),
      display_name: z.string().nullish(),
      avatar_url: z.string().nullish(),
    }),
  }),
  error: z.object({ code: z.string(), message: z.string().optional() }),
});

const REQUEST_TIMEOUT_MS = 5000;
/** Real token and user-info answers are well under a kilobyte. */
const DEFAULT_RESPONSE_LIMIT_BYTES = 64 * 1024;

export class TikTokClient {
  constructor(private readonly config: PlatformConfig) {}

  async exchangeCode(code: string): Promise<CodeExchange> {
    return this.token({ code, grant_type: 'authorization_code' }, (reason) => {
      throw new InvalidCodeError(`the platform refused the code: ${reason}`);
    });
  }

  /**
   * New tokens for a refresh token. TikTok rotates refresh tokens: keep the one in the answer, the one
   * sent stops working (docs/server.md, "Platform tokens").
   */
  async refreshAccessToken(refreshToken: string): Promise<CodeExchange> {
    if (refreshToken === '') throw new InvalidRefreshTokenError('no refresh token to refresh with');
    return this.token({ refresh_token: refreshToken, grant_type: 'refresh_token' }, (reason) => {
      throw new InvalidRefreshTokenError(`the platform refused the refresh token: ${reason}`);
    });
  }

  private async token(
    grant: Record<string, string>,
    refuse: (reason: string) => never,
  ): Promise<CodeExchange> {
    const form = new URLSearchParams({
      client_key: this.config.clientKey,
      client_secret: this.config.clientSecret,
      ...grant,
    });
    const body = await this.call('/v2/oauth/token/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    // TikTok reports a refused grant either with a non-2xx status or with a 200 and an `error` field.
    if (body.status >= 500) throw new PlatformUnavailableError(`token endpoint answered ${body.status}`);
    const refused = ErrorResponse.safeParse(body.json);
    if (refused.success && refused.data.error === 'invalid_client') {
      // Not the player's fault: the server's own credentials are wrong.
      throw new PlatformUnavailableError(
        'the platform rejected the client key or secret: check TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET',
      );
    }
    if (body.status >= 400 || refused.success) {
      refuse(refused.success ? refused.data.error_description || refused.data.error : `HTTP ${body.status}`);
    }
    const parsed = TokenResponse.safeParse(body.json);
    if (!parsed.success) throw new PlatformUnavailableError('token endpoint answered an unexpected shape');
    const answer = parsed.data;
    return {
      openId: answer.open_id,
      accessToken: answer.access_token,
      scope: answer.scope,
      expiresIn: answer.expires_in ?? null,
      refreshToken: answer.refresh_token ?? null,
      refreshExpiresIn: answer.refresh_expires_in ?? null,
    };
  }

  async fetchUser(accessToken: string): Promise<PlatformUser> {
    const body = await this.call('/v2/user/info/?fields=open_id,display_name,avatar_url', {
      method: 'GET',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const parsed = UserInfoResponse.safeParse(body.json);
    if (body.status !== 200 || !parsed.success || parsed.data.error.code !== 'ok') {
      throw new PlatformUnavailableError(`user info endpoint answered ${body.status} without a user`);
    }
    const user = parsed.data.data.user;
    return {
      openId: user.open_id,
      displayName: cleanDisplayName(user.display_name ?? null),
      avatarUrl: cleanAvatarUrl(user.avatar_url ?? null),
    };
  }

  private async call(path: string, init: RequestInit): Promise<{ status: number; json: unknown }> {
    const url = new URL(path, this.config.apiBase);
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw new PlatformUnavailableError(`cannot reach ${url.origin}: ${(error as Error).message}`);
    }
    let text: string;
    try {
      text = await readCappedText(response, this.config.responseLimitBytes ?? DEFAULT_RESPONSE_LIMIT_BYTES);
    } catch (error) {
      throw new PlatformUnavailableError(`${url.pathname}: ${(error as Error).message}`);
    }
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Left null: callers treat an unreadable body as an unexpected shape.
    }
    return { status: response.status, json };
  }
}
