import type { IncomingMessage } from 'node:http';
import { createDeviceRoutes, type DeviceRoutesOptions } from './deviceRoutes';
import { HttpError, readJson } from './httpUtil';
import { OPEN_CONTEXT_SCOPES } from './platform';

/**
 * The control API under `/__sim/`, for tests and the devtools: the seeded world, players, inboxes, cards,
 * authorization, the clock, analytics, the call log, and the phone's settings (deviceRoutes.ts). Requests
 * from another origin are refused before they get here (mainServer.ts).
 */

export interface ControlRoutesOptions extends DeviceRoutesOptions {
  /** Clears state outside the simulator (the game server's boards, in development) on POST /__sim/reset. */
  onReset?: () => Promise<void>;
  /** Forgets the last committed context frame (a reset starts with none). */
  forgetFrame(): void;
  contextStats(): Record<string, number>;
}

export type Reply = { status: number; body: unknown } | undefined;

export const scopeLabels: Record<string, string> = {
  'user.info.basic': 'Your avatar and nickname',
  'user.friends.mutual': 'Your mutual followers (friend relationship chain)',
};

export function createControlRoutes(options: ControlRoutesOptions) {
  const { platform, broadcast } = options;
  const device = createDeviceRoutes(options);

  const userSummary = (openId: string) => {
    const user = platform.store.user(openId);
    if (!user) return undefined;
    const friends = platform.store.friendIds(openId);
    return {
      open_id: user.open_id,
      user_id: user.user_id,
      display_name: user.display_name,
      avatar_url: platform.avatarUrl(user.open_id),
      note: user.note,
      friends: friends.length,
      friendsWhoPlay: friends.filter((id) => platform.store.hasPlayed(id)).length,
    };
  };

  const requireUser = (openId: string) => {
    if (!platform.store.user(openId)) throw new HttpError(404, `unknown openId ${openId}`);
    return openId;
  };

  /**
   * Opens a card as its receiver. Cold (the default): the game starts again with the card's query in its
   * launch options. Warm, when the receiver's game was left in the background: it comes back with the
   * card's query in onShow, as a game that is still alive does, and nothing restarts.
   */
  function openCard(id: number, warm = false): void {
    const card = platform.store.card(id);
    if (!card) return;
    platform.store.markCardOpened(id, platform.clock.now());
    const launch = { query: Object.fromEntries(new URLSearchParams(card.query)), scene: 'share_card' };
    if (warm && card.to_open_id === platform.activeUser().open_id) {
      broadcast('show', { launchOptions: launch });
      return;
    }
    platform.switchUser(card.to_open_id, launch);
    broadcast('reload');
  }

  const ok = (body: unknown): Reply => ({ status: 200, body });

  async function route(method: string, path: string, url: URL, req: IncomingMessage): Promise<Reply> {
    const own = await device.route(method, path, req);
    if (own) return own;
    const key = `${method} ${path}`;
    const match = (pattern: RegExp) => (method === 'GET' ? pattern.exec(path) : null);
    if (key === 'POST /__sim/reset') {
      platform.reset();
      await options.onReset?.();
      options.forgetFrame();
      device.afterReset();
      broadcast('reload');
      return ok({ ok: true, active: platform.activeUser().open_id });
    }
    if (key === 'GET /__sim/users') {
      const all = url.searchParams.get('all') === '1';
      const users = platform.store.users(all).map((user) => userSummary(user.open_id));
      return ok({ active: platform.activeUser().open_id, users });
    }
    if (key === 'POST /__sim/user') {
      const body = (await readJson(req)) as { openId?: unknown };
      const openId = requireUser(String(body.openId));
      platform.switchUser(openId);
      broadcast('reload');
      return ok({ active: userSummary(openId) });
    }
    const cloudMatch = match(/^\/__sim\/cloud\/([^/]+)$/);
    if (cloudMatch) {
      const openId = requireUser(decodeURIComponent(cloudMatch[1] ?? ''));
      return ok({ openId, data: platform.store.cloud(openId) });
    }
    const inboxMatch = match(/^\/__sim\/inbox\/([^/]+)$/);
    if (inboxMatch) {
      const openId = requireUser(decodeURIComponent(inboxMatch[1] ?? ''));
      const cards = platform.store.inbox(openId).map((card) => ({
        ...card,
        from_display_name: platform.store.user(card.from_open_id)?.display_name ?? card.from_open_id,
      }));
      const storyPosts = platform.store.stories(openId);
      return ok({ openId, cards, stories: storyPosts.length, storyPosts });
    }
    if (key === 'POST /__sim/open-card') {
      const body = (await readJson(req)) as { id?: unknown; warm?: unknown };
      const card = typeof body.id === 'number' ? platform.store.card(body.id) : undefined;
      if (!card) throw new HttpError(404, 'no such card');
      if (body.warm !== undefined && typeof body.warm !== 'boolean')
        throw new HttpError(400, 'warm must be a boolean');
      if (body.warm === true && card.to_open_id !== platform.activeUser().open_id)
        throw new HttpError(
          409,
          'a warm open needs the receiver to be the active player (their game in the background)',
        );
      openCard(card.id, body.warm === true);
      return ok({ active: card.to_open_id, launchOptions: platform.launch });
    }
    if (key === 'GET /__sim/analytics') return ok(platform.analytics.snapshot());
    if (key === 'GET /__sim/context-stats') return ok(options.contextStats());
    if (key === 'GET /__sim/log') {
      const since = Number(url.searchParams.get('since') ?? 0);
      const entries = platform.log.list(Number.isFinite(since) ? since : 0);
      return ok({ epoch: platform.log.epoch, entries });
    }
    const grantsMatch = match(/^\/__sim\/authorization\/([^/]+)$/);
    if (grantsMatch) {
      const openId = requireUser(decodeURIComponent(grantsMatch[1] ?? ''));
      return ok({
        openId,
        scopes: scopeLabels,
        granted: platform.store.grantedScopes(openId),
        refused: platform.store.refusedScopes(openId),
      });
    }
    if (key === 'POST /__sim/settings') return ok(await changeSetting(req));
    if (key === 'POST /__sim/authorization') return ok(await setAuthorization(req));
    if (key === 'POST /__sim/clock') {
      const body = (await readJson(req)) as { advanceMs?: unknown };
      if (typeof body.advanceMs !== 'number' || !Number.isFinite(body.advanceMs) || body.advanceMs < 0)
        throw new HttpError(400, 'advanceMs must be a non-negative number');
      platform.clock.advance(body.advanceMs);
      return ok({ now: platform.clock.now() });
    }
    return undefined;
  }

  /**
   * The platform's settings page: turning a scope back on lets the next request ask again; turning it off
   * withdraws the grant and counts as a refusal.
   */
  async function changeSetting(req: IncomingMessage) {
    const body = (await readJson(req)) as { openId?: unknown; scope?: unknown; allowed?: unknown };
    const openId = requireUser(String(body.openId));
    if (
      !(OPEN_CONTEXT_SCOPES as readonly unknown[]).includes(body.scope) ||
      typeof body.allowed !== 'boolean'
    )
      throw new HttpError(
        400,
        `settings take {openId, scope: ${OPEN_CONTEXT_SCOPES.join(' | ')}, allowed: boolean}`,
      );
    const scope = body.scope as string;
    if (body.allowed) platform.store.allowAsking(openId, [scope]);
    else platform.store.refuse(openId, [scope]);
    return {
      openId,
      granted: platform.store.grantedScopes(openId),
      refused: platform.store.refusedScopes(openId),
    };
  }

  async function setAuthorization(req: IncomingMessage) {
    const body = (await readJson(req)) as { openId?: unknown; scopes?: unknown };
    const openId = requireUser(String(body.openId));
    const scopes = body.scopes;
    if (
      !Array.isArray(scopes) ||
      !scopes.every((scope) => (OPEN_CONTEXT_SCOPES as readonly unknown[]).includes(scope))
    ) {
      throw new HttpError(400, `scopes must be a list of ${OPEN_CONTEXT_SCOPES.join(', ')}`);
    }
    platform.store.transaction(() => {
      platform.store.revokeAll(openId);
      platform.store.allowAsking(openId, OPEN_CONTEXT_SCOPES);
      platform.store.grant(openId, scopes as string[]);
    });
    return { openId, granted: platform.store.grantedScopes(openId) };
  }

  return { route, openCard };
}
