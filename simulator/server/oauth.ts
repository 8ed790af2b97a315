import { randomBytes } from 'node:crypto';
import type { Platform } from './platform';
import { CODE_TTL_MS, SCOPE_PROFILE } from './platform';

/**
 * The platform half of the code exchange, in the shape of TikTok's OAuth v2 endpoints:
 * POST /v2/oauth/token/ and GET /v2/user/info/. The game server calls these; a game never does
 * (the client secret stays on the server).
 */

/**
 * Lifetimes from TikTok's "Manage OAuth Access Tokens" page: an access token lives 2 hours, a refresh
 * token 180 days. A `refresh_token` grant rotates: it answers a new refresh token and the one sent stops
 * working ("Refresh a User Access Token"). Both `*_expires_in` fields are the remaining lifetime, so a
 * rotated refresh token keeps the expiry of the one it replaces (the chain does not outlive 180 days;
 * an assumption, docs/simulator.md).
 */
export const ACCESS_TOKEN_TTL_S = 2 * 60 * 60;
export const REFRESH_TOKEN_TTL_S = 180 * 24 * 60 * 60;

export interface OAuthReply {
  status: number;
  body: Record<string, unknown>;
}

const logId = () => randomBytes(8).toString('hex');

function oauthError(status: number, error: string, description: string): OAuthReply {
  return { status, body: { error, error_description: description, log_id: logId() } };
}

/** A new access token and refresh token for the player; the refresh token expires at `refreshExpiresAt`. */
function issueTokens(
  platform: Platform,
  openId: string,
  scope: string,
  now: number,
  refreshExpiresAt: number,
): OAuthReply {
  const accessToken = `act.${randomBytes(24).toString('base64url')}`;
  const refreshToken = `rft.${randomBytes(24).toString('base64url')}`;
  platform.store.transaction(() => {
    platform.store.insertToken({
      access_token: accessToken,
      open_id: openId,
      scope,
      expires_at: now + ACCESS_TOKEN_TTL_S * 1000,
      refresh_token: refreshToken,
    });
    platform.store.insertRefreshToken({
      refresh_token: refreshToken,
      open_id: openId,
      scope,
      expires_at: refreshExpiresAt,
    });
  });
  return {
    status: 200,
    body: {
      open_id: openId,
      scope,
      access_token: accessToken,
      expires_in: ACCESS_TOKEN_TTL_S,
      refresh_token: refreshToken,
      refresh_expires_in: Math.max(0, Math.floor((refreshExpiresAt - now) / 1000)),
      token_type: 'Bearer',
    },
  };
}

function codeGrant(platform: Platform, form: URLSearchParams): OAuthReply {
  const code = form.get('code') ?? '';
  const row = code ? platform.store.code(code) : undefined;
  const now = platform.clock.now();
  if (!row) return oauthError(400, 'invalid_grant', 'code is unknown');
  if (row.used_at !== null) return oauthError(400, 'invalid_grant', 'code was already used');
  if (now - row.created_at > CODE_TTL_MS)
    return oauthError(400, 'invalid_grant', 'code expired (codes live 5 minutes)');
  if (!platform.store.useCode(code, now)) return oauthError(400, 'invalid_grant', 'code was already used');
  return issueTokens(platform, row.open_id, row.scope, now, now + REFRESH_TOKEN_TTL_S * 1000);
}

function refreshGrant(platform: Platform, form: URLSearchParams): OAuthReply {
  const token = form.get('refresh_token') ?? '';
  if (token === '') return oauthError(400, 'invalid_request', 'refresh_token is required');
  const row = platform.store.refreshToken(token);
  const now = platform.clock.now();
  if (!row) return oauthError(400, 'invalid_grant', 'refresh_token is unknown');
  if (row.used_at !== null)
    return oauthError(400, 'invalid_grant', 'refresh_token was replaced by a newer one (use the latest)');
  if (now >= row.expires_at)
    return oauthError(400, 'invalid_grant', 'refresh_token expired (refresh tokens live 180 days)');
  if (!platform.store.useRefreshToken(token, now))
    return oauthError(400, 'invalid_grant', 'refresh_token was replaced by a newer one (use the latest)');
  return issueTokens(platform, row.open_id, row.scope, now, row.expires_at);
}

/** POST /v2/oauth/token/ with `grant_type` `authorization_code` or `refresh_token`. */
export function exchangeCode(
  platform: Platform,
  form: URLSearchParams,
  client: { key: string; secret: string },
): OAuthReply {
  const grantType = form.get('grant_type');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return oauthError(
      400,
      'unsupported_grant_type',
      'grant_type must be authorization_code or refresh_token',
    );
  }
  if (form.get('client_key') !== client.key || form.get('client_secret') !== client.secret) {
    return oauthError(401, 'invalid_client', 'client_key or client_secret is wrong');
  }
  return grantType === 'authorization_code' ? codeGrant(platform, form) : refreshGrant(platform, form);
}

export function userInfo(
  platform: Platform,
  authorization: string | undefined,
  fieldsParam: string | null,
): OAuthReply {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  const row = token ? platform.store.token(token) : undefined;
  if (!row || row.expires_at < platform.clock.now()) {
    return {
      status: 401,
      body: {
        data: {},
        error: {
          code: 'access_token_invalid',
          message: 'The access token is invalid or expired.',
          log_id: logId(),
        },
      },
    };
  }
  const fields = (fieldsParam ?? 'open_id').split(',').map((field) => field.trim());
  const profile = row.scope.split(',').includes(SCOPE_PROFILE);
  const user = platform.store.user(row.open_id);
  const answer: Record<string, string> = {};
  if (fields.includes('open_id')) answer.open_id = row.open_id;
  if (profile && user && fields.includes('display_name')) answer.display_name = user.display_name;
  if (profile && user && fields.includes('avatar_url')) answer.avatar_url = platform.avatarUrl(user.open_id);
  return {
    status: 200,
    body: { data: { user: answer }, error: { code: 'ok', message: '', log_id: logId() } },
  };
}
