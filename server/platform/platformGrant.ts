import type { CodeExchange, TikTokClient } from './tiktokClient';

/**
 * A player's platform tokens as a server would keep them between requests, with absolute expiry times.
 * TikTok's access token lives 2 hours and its refresh token 180 days, rotated on every refresh (docs/server.md,
 * "Platform tokens"). This server uses the access token only in the request that exchanged the code, so
 * it keeps none; a route that calls TikTok later on a player's behalf goes through freshGrant().
 */
export interface PlatformGrant {
  openId: string;
  scope: string;
  accessToken: string;
  /** Epoch ms after which the access token is refused. */
  accessExpiresAt: number;
  refreshToken: string | null;
  refreshExpiresAt: number | null;
}

/** Refresh this long before the access token runs out, so a call made just after never meets a 401. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** A grant from a token answer received at `now`; an answer without `expires_in` is treated as expired. */
export function grantFrom(exchange: CodeExchange, now: number): PlatformGrant {
  return {
    openId: exchange.openId,
    scope: exchange.scope,
    accessToken: exchange.accessToken,
    accessExpiresAt: now + (exchange.expiresIn ?? 0) * 1000,
    refreshToken: exchange.refreshToken,
    refreshExpiresAt: exchange.refreshExpiresIn === null ? null : now + exchange.refreshExpiresIn * 1000,
  };
}

/**
 * The grant to call TikTok with: the same one while its access token has more than REFRESH_MARGIN_MS left,
 * else a refreshed one (with the rotated refresh token, which the caller must store in place of the old).
 * Throws InvalidRefreshTokenError when the platform refuses the refresh token: the player must log in again.
 */
export async function freshGrant(
  grant: PlatformGrant,
  now: number,
  platform: Pick<TikTokClient, 'refreshAccessToken'>,
): Promise<PlatformGrant> {
  if (grant.accessExpiresAt - now > REFRESH_MARGIN_MS) return grant;
  const refreshed = await platform.refreshAccessToken(grant.refreshToken ?? '');
  return grantFrom(refreshed, now);
}
