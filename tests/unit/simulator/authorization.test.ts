import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../simulator/server/errors';
import { exchangeCode, userInfo } from '../../../simulator/server/oauth';
import { makeWorld, okResult, type World } from './world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

const client = { key: 'client-key', secret: 'client-secret' };
const form = (code: string, overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    client_key: client.key,
    client_secret: client.secret,
    code,
    grant_type: 'authorization_code',
    ...overrides,
  });

async function consent(granted: string[]) {
  const asked = await world.call('game', 'authorizeOpenContext', { get_status_only: false });
  if (asked.kind !== 'consent') throw new Error(`expected a dialog, got ${asked.kind}`);
  return { scopes: asked.scopes, answer: world.platform.finishConsent(asked.ticket, granted) };
}

describe('authorizeOpenContext', () => {
  it('asks for both scopes first, then, once turned back on, only for the missing one', async () => {
    const first = await consent(['user.info.basic']);
    expect(first.scopes).toEqual(['user.info.basic', 'user.friends.mutual']);
    expect(first.answer.kind).toBe('fail');
    expect(world.store.grantedScopes('sim-ava')).toEqual(['user.info.basic']);
    world.store.allowAsking('sim-ava', ['user.friends.mutual']);
    const second = await consent(['user.friends.mutual']);
    expect(second.scopes).toEqual(['user.friends.mutual']);
    expect(okResult(second.answer).code).toMatch(/^code-/);
    // Both held: no dialog any more.
    const third = await world.call('game', 'authorizeOpenContext', {});
    expect(okResult(third).code).toMatch(/^code-/);
  });

  it('get_status_only never asks, fails while a scope is missing, succeeds once granted', async () => {
    const missing = await world.call('game', 'authorizeOpenContext', { get_status_only: true });
    expect(missing.kind).toBe('fail');
    if (missing.kind === 'fail')
      expect(missing.fail.errMsg).toBe(
        'authorizeOpenContext:fail not authorized: user.info.basic, user.friends.mutual not granted',
      );
    world.store.grant('sim-ava', ['user.info.basic', 'user.friends.mutual']);
    expect(
      okResult(await world.call('game', 'authorizeOpenContext', { get_status_only: true })).code,
    ).toMatch(/^code-/);
  });

  it('a decline fails with a reason and grants nothing', async () => {
    const { answer } = await consent([]);
    expect(answer.kind).toBe('fail');
    if (answer.kind === 'fail') {
      expect(answer.fail.errNo).toBe(ErrorCode.authDeclined);
      expect(answer.fail.errMsg).toBe(
        'authorizeOpenContext:fail auth deny: the player did not allow user.info.basic, user.friends.mutual',
      );
    }
    expect(world.store.grantedScopes('sim-ava')).toEqual([]);
  });

  it('a partial grant keeps the allowed scope and fails with its own code', async () => {
    const { answer } = await consent(['user.info.basic']);
    expect(answer.kind === 'fail' && answer.fail.errNo).toBe(ErrorCode.authPartlyGranted);
    expect(world.store.grantedScopes('sim-ava')).toEqual(['user.info.basic']);
  });

  it('a refusal is remembered: later requests fail without a dialog until settings turn it back on', async () => {
    await consent([]);
    expect(world.store.refusedScopes('sim-ava')).toEqual(['user.friends.mutual', 'user.info.basic']);
    for (const statusOnly of [false, true]) {
      const again = await world.call('game', 'authorizeOpenContext', { get_status_only: statusOnly });
      expect(again.kind).toBe('fail');
      if (again.kind === 'fail') {
        expect(again.fail.errNo).toBe(ErrorCode.authTurnedOff);
        expect(again.fail.error.error_msg).toMatch(
          /refused .* earlier; it can be turned back on in the settings page$/,
        );
      }
    }
    // Another player is asked as usual: refusals are per player.
    world.platform.switchUser('sim-leo');
    expect((await world.call('game', 'authorizeOpenContext', {})).kind).toBe('consent');
    world.platform.switchUser('sim-ava');
    // Turned back on: the dialog shows again (nothing is granted by the settings page itself).
    world.store.allowAsking('sim-ava', ['user.info.basic', 'user.friends.mutual']);
    expect(world.store.grantedScopes('sim-ava')).toEqual([]);
    const asked = await world.call('game', 'authorizeOpenContext', {});
    expect(asked.kind === 'consent' && asked.scopes).toEqual(['user.info.basic', 'user.friends.mutual']);
  });

  it('a partial grant remembers the refused scope only', async () => {
    await consent(['user.info.basic']);
    expect(world.store.refusedScopes('sim-ava')).toEqual(['user.friends.mutual']);
    const again = await world.call('game', 'authorizeOpenContext', {});
    expect(again.kind === 'fail' && again.fail.error.error_msg).toContain(
      'refused user.friends.mutual earlier',
    );
  });

  it('get_status_only answers both ways: fails while a scope is missing, succeeds with both granted', async () => {
    const missing = await world.call('game', 'authorizeOpenContext', { get_status_only: true });
    expect(missing.kind === 'fail' && missing.fail.errNo).toBe(ErrorCode.notAuthorized);
    world.store.grant('sim-ava', ['user.info.basic', 'user.friends.mutual']);
    const granted = await world.call('game', 'authorizeOpenContext', { get_status_only: true });
    expect(granted.kind).toBe('ok');
  });

  it('getFriendCloudStorage fails before the friend scope and works after', async () => {
    const before = await world.call('context', 'getFriendCloudStorage', { keyList: ['highScore'] });
    expect(before.kind === 'fail' && before.fail.errNo).toBe(ErrorCode.notAuthorized);
    await consent(['user.info.basic', 'user.friends.mutual']);
    const rows = okResult(await world.call('context', 'getFriendCloudStorage', { keyList: ['highScore'] }))
      .data as { open_id: string }[];
    expect(rows.length).toBe(13);
  });
});

describe('code exchange (POST /v2/oauth/token/)', () => {
  it('a login code works once, then is refused', async () => {
    const code = okResult(await world.call('game', 'login')).code as string;
    const first = exchangeCode(world.platform, form(code), client);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      open_id: 'sim-ava',
      scope: 'user.info.open_id',
      expires_in: 7200,
      refresh_expires_in: 15_552_000,
      token_type: 'Bearer',
    });
    expect(first.body.access_token).toEqual(expect.any(String));
    expect(first.body.refresh_token).toEqual(expect.any(String));
    const second = exchangeCode(world.platform, form(code), client);
    expect(second).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code was already used' },
    });
  });

  it('a code expires after 5 minutes', async () => {
    const code = okResult(await world.call('game', 'login')).code as string;
    world.advance(5 * 60_000 + 1);
    expect(exchangeCode(world.platform, form(code), client)).toMatchObject({
      status: 400,
      body: { error_description: 'code expired (codes live 5 minutes)' },
    });
  });

  it('refuses an unknown code, a wrong secret, a wrong key and a wrong grant type', async () => {
    const code = okResult(await world.call('game', 'login')).code as string;
    expect(exchangeCode(world.platform, form('code-nope'), client).body.error).toBe('invalid_grant');
    expect(exchangeCode(world.platform, form(code, { client_secret: 'guess' }), client)).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(exchangeCode(world.platform, form(code, { client_key: 'other' }), client)).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(exchangeCode(world.platform, form(code, { grant_type: 'password' }), client).body.error).toBe(
      'unsupported_grant_type',
    );
    // None of the refusals used the code up.
    expect(exchangeCode(world.platform, form(code), client).status).toBe(200);
  });

  it('user info returns name and avatar only for a token with the profile scope', async () => {
    const loginCode = okResult(await world.call('game', 'login')).code as string;
    const loginToken = exchangeCode(world.platform, form(loginCode), client).body.access_token as string;
    const fields = 'open_id,display_name,avatar_url';
    expect(userInfo(world.platform, `Bearer ${loginToken}`, fields).body).toMatchObject({
      data: { user: { open_id: 'sim-ava' } },
      error: { code: 'ok' },
    });
    expect(
      (userInfo(world.platform, `Bearer ${loginToken}`, fields).body.data as { user: object }).user,
    ).not.toHaveProperty('display_name');

    const { answer } = await consent(['user.info.basic', 'user.friends.mutual']);
    const authCode = okResult(answer).code as string;
    const exchanged = exchangeCode(world.platform, form(authCode), client);
    expect(exchanged.body.scope).toBe('user.info.open_id,user.friends.mutual,user.info.basic');
    const info = userInfo(world.platform, `Bearer ${exchanged.body.access_token as string}`, fields);
    expect(info.body.data).toEqual({
      user: {
        open_id: 'sim-ava',
        display_name: 'Ava Chen',
        avatar_url: 'http://localhost:9527/avatars/sim-ava.png',
      },
    });
    expect(userInfo(world.platform, 'Bearer act.forged', fields).status).toBe(401);
  });

  it('an access token works for 2 hours, not a second longer', async () => {
    const code = okResult(await world.call('game', 'login')).code as string;
    const token = exchangeCode(world.platform, form(code), client).body.access_token as string;
    world.advance(2 * 60 * 60_000);
    expect(userInfo(world.platform, `Bearer ${token}`, 'open_id').status).toBe(200);
    world.advance(1);
    expect(userInfo(world.platform, `Bearer ${token}`, 'open_id')).toMatchObject({
      status: 401,
      body: { error: { code: 'access_token_invalid' } },
    });
  });
});

describe('refresh grant (grant_type=refresh_token)', () => {
  const refresh = (token: string, overrides: Record<string, string> = {}) =>
    new URLSearchParams({
      client_key: client.key,
      client_secret: client.secret,
      grant_type: 'refresh_token',
      refresh_token: token,
      ...overrides,
    });

  async function firstTokens(): Promise<Record<string, unknown>> {
    const code = okResult(await world.call('game', 'login')).code as string;
    return exchangeCode(world.platform, form(code), client).body;
  }

  it('answers a new access token and a rotated refresh token; the old refresh token stops working', async () => {
    const first = await firstTokens();
    world.advance(3 * 60 * 60_000); // the access token is long expired
    const second = exchangeCode(world.platform, refresh(first.refresh_token as string), client);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ open_id: 'sim-ava', scope: 'user.info.open_id', expires_in: 7200 });
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    // Remaining lifetime: the rotated token keeps the chain's 180 days, 3 hours of which are gone.
    expect(second.body.refresh_expires_in).toBe(15_552_000 - 3 * 60 * 60);
    expect(userInfo(world.platform, `Bearer ${second.body.access_token as string}`, 'open_id').status).toBe(
      200,
    );

    expect(exchangeCode(world.platform, refresh(first.refresh_token as string), client)).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'refresh_token was replaced by a newer one (use the latest)',
      },
    });
    expect(exchangeCode(world.platform, refresh(second.body.refresh_token as string), client).status).toBe(
      200,
    );
  });

  it('a refresh token lasts 180 days', async () => {
    const first = await firstTokens();
    world.advance(180 * 24 * 60 * 60_000);
    expect(exchangeCode(world.platform, refresh(first.refresh_token as string), client)).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'refresh_token expired (refresh tokens live 180 days)',
      },
    });
  });

  it('refuses an unknown or missing refresh token and a wrong secret, without spending the token', async () => {
    const first = await firstTokens();
    const token = first.refresh_token as string;
    expect(exchangeCode(world.platform, refresh('rft.forged'), client).body).toMatchObject({
      error: 'invalid_grant',
      error_description: 'refresh_token is unknown',
    });
    expect(exchangeCode(world.platform, refresh(''), client).body.error).toBe('invalid_request');
    expect(exchangeCode(world.platform, refresh(token, { client_secret: 'guess' }), client).status).toBe(401);
    expect(exchangeCode(world.platform, refresh(token), client).status).toBe(200);
  });
});

describe("openSetting (Douyin's settings page)", () => {
  async function openSettings() {
    const page = await world.call('game', 'openSetting');
    if (page.kind !== 'settings') throw new Error(`expected the settings page, got ${page.kind}`);
    return page;
  }

  it('lists only the scopes the game asked for, with their state', async () => {
    expect((await openSettings()).scopes).toEqual([]);
    await consent(['user.info.basic']); // friends refused
    expect((await openSettings()).scopes).toEqual([
      { scope: 'user.info.basic', allowed: true },
      { scope: 'user.friends.mutual', allowed: false },
    ]);
  });

  it('switching a refused scope on lets the next request ask again; switching a granted one off refuses it', async () => {
    await consent(['user.info.basic']);
    const page = await openSettings();
    expect(
      world.platform.finishSettings(page.ticket, { 'user.info.basic': false, 'user.friends.mutual': true }),
    ).toEqual({
      kind: 'ok',
      result: {
        errMsg: 'openSetting:ok',
        authSetting: { 'user.info.basic': false, 'user.friends.mutual': false },
      },
    });
    expect(world.store.refusedScopes('sim-ava')).toEqual(['user.info.basic']);
    const asked = await world.call('game', 'authorizeOpenContext');
    // user.info.basic is refused now: no dialog until it is switched back on.
    expect(asked.kind === 'fail' && asked.fail.errNo).toBe(ErrorCode.authTurnedOff);
    const again = await openSettings();
    world.platform.finishSettings(again.ticket, { 'user.info.basic': true });
    expect((await world.call('game', 'authorizeOpenContext')).kind).toBe('consent');
  });

  it('is a game-domain API, and an unknown page fails', async () => {
    const fromContext = await world.call('context', 'openSetting');
    expect(fromContext.kind === 'fail' && fromContext.fail.errNo).toBe(ErrorCode.wrongDomain);
    expect(world.platform.finishSettings('nope', {})).toMatchObject({
      kind: 'fail',
      fail: { errMsg: 'openSetting:fail settings page expired' },
    });
  });
});
