import { randomBytes } from 'node:crypto';
import type { Platform } from './platform';
import { CODE_TTL_MS, SCOPE_PROFILE } from './platform';

/**
 * The platform half of the code exchange, in the shape of TikTok's OAuth v2 endpoints:
 * POST /v2/oauth/token/ and GET /v2/user/info/. The game server calls these; a game never does
 * (the client secret stays on the server).
 */

export const ACCESS_TOKEN_TTL_S = 86_400;

export interface OAuthReply {
  status: number;
  body: Record<string, unknown>;
}

const logId = () => randomBytes(8).toString('hex');

function oauthError(status: number, error: string, description: string): OAuthReply {
  return { status, body: { error, error_description: description, log_id: logId() } };
}

export function exchangeCode(
  platform: Platform,
  form: URLSearchParams,
  client: { key: string; secret: string },
): OAuthReply {
  const grantType = form.get('grant_type');
  if (grantType !== 'authorization_code') {
    return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code');
  }
  if (form.get('client_key') !== client.key || form.get('client_secret') !== client.secret) {
    return oauthError(401, 'invalid_client', 'client_key or client_secret is wrong');
  }
  const code = form.get('code') ?? '';
  const row = code ? platform.store.code(code) : undefined;
  const now = platform.clock.now();
  if (!row) return oauthError(400, 'invalid_grant', 'code is unknown');
  if (row.used_at !== null) return oauthError(400, 'invalid_grant', 'code was already used');
  if (now - row.created_at > CODE_TTL_MS)
    return oauthError(400, 'invalid_grant', 'code expired (codes live 5 minutes)');
  if (!platform.store.useCode(code, now)) return oauthError(400, 'invalid_grant', 'code was already used');
  const accessToken = `act.${randomBytes(24).toString('base64url')}`;
  const refreshToken = `rft.${randomBytes(24).toString('base64url')}`;
  platform.store.insertToken({
    access_token: accessToken,
    open_id: row.open_id,
    scope: row.scope,
    expires_at: now + ACCESS_TOKEN_TTL_S * 1000,
    refresh_token: refreshToken,
  });
  return {
    status: 200,
    body: {
      open_id: row.open_id,
      scope: row.scope,
      access_token: accessToken,
      expires_in: ACCESS_TOKEN_TTL_S,
      refresh_token: refreshToken,
      refresh_expires_in: 365 * ACCESS_TOKEN_TTL_S,
      token_type: 'Bearer',
    },
  };
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
