import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_CODES, PlatformError } from '../../../assets/scripts/platform/index';
import { createFriendBoardFlow, retryLabel } from '../../../assets/scripts/shell/index';

const refusal = (code: number, reason: string) =>
  new PlatformError('authorizeOpenContext', 'failed', reason, code);

/** A platform whose scopes are granted or not, recording every authorize call. */
function platformWith(granted: {
  already: boolean;
  onPrompt: 'accept' | 'decline' | 'partly' | 'fail';
  statusFails?: boolean;
}) {
  const calls: boolean[] = [];
  return {
    calls,
    authorizeOpenContext: async ({ statusOnly = false }: { statusOnly?: boolean } = {}) => {
      calls.push(statusOnly);
      if (statusOnly && granted.statusFails) throw refusal(900500, 'injected fault');
      if (granted.already) return { code: 'status-code' };
      if (statusOnly) throw refusal(AUTHORIZATION_CODES.notGranted, 'scope not granted');
      if (granted.onPrompt === 'decline') throw refusal(AUTHORIZATION_CODES.declined, 'user denied');
      if (granted.onPrompt === 'partly') throw refusal(AUTHORIZATION_CODES.partlyGranted, 'user denied');
      if (granted.onPrompt === 'fail')
        throw new PlatformError('authorizeOpenContext', 'timeout', 'no answer');
      granted.already = true;
      return { code: 'prompt-code' };
    },
  };
}

/** A platform that remembers a refusal until its settings page turns the scope back on. */
function platformWithSettings(page: 'available' | 'absent', switchOn: boolean) {
  const log: string[] = [];
  let refused = true;
  return {
    log,
    authorizeOpenContext: async ({ statusOnly = false }: { statusOnly?: boolean } = {}) => {
      log.push(statusOnly ? 'status' : 'prompt');
      if (refused) throw refusal(AUTHORIZATION_CODES.turnedOff, 'refused earlier');
      if (statusOnly) throw refusal(AUTHORIZATION_CODES.notGranted, 'scope not granted');
      return { code: 'prompt-code' };
    },
    canIUse: (api: string) => page === 'available' && api === 'openSetting',
    openSetting: async () => {
      log.push('settings');
      if (switchOn) refused = false;
      return { 'user.friends.mutual': switchOn };
    },
  };
}

describe('friend board flow', () => {
  it('after a refusal, "Open settings" opens the platform page, then asks again once the player turned it on', async () => {
    const platform = platformWithSettings('available', true);
    const flow = createFriendBoardFlow({ platform, explain: async () => true });
    expect(await flow.open()).toEqual({ kind: 'turned-off' });
    expect(flow.canOpenSettings()).toBe(true);
    expect(await flow.retry('turned-off')).toEqual({ kind: 'authorized', prompted: true });
    expect(platform.log).toEqual(['status', 'settings', 'status', 'prompt']);
  });

  it('stays turned off when the player leaves the switch off, and never opens a page the platform lacks', async () => {
    const leftOff = platformWithSettings('available', false);
    const flow = createFriendBoardFlow({ platform: leftOff, explain: async () => true });
    expect(await flow.retry('turned-off')).toEqual({ kind: 'turned-off' });
    expect(leftOff.log).toEqual(['settings', 'status']);

    const noPage = platformWithSettings('absent', true);
    const without = createFriendBoardFlow({ platform: noPage, explain: async () => true });
    expect(without.canOpenSettings()).toBe(false);
    expect(await without.retry('turned-off')).toEqual({ kind: 'turned-off' });
    expect(noPage.log).toEqual(['status']);
    // After "Don't allow" the platform asks no more: the page is the way back, as after turning it off.
    const declined = platformWithSettings('available', true);
    await createFriendBoardFlow({ platform: declined, explain: async () => true }).retry('declined');
    expect(declined.log[0]).toBe('settings');
    // "Not now" was the game's own question, never the platform's: another try asks again.
    const notNow = platformWithSettings('available', true);
    await createFriendBoardFlow({ platform: notNow, explain: async () => true }).retry('not-now');
    expect(notNow.log[0]).toBe('status');
  });

  it('skips the explanation and the prompt when already authorized', async () => {
    const platform = platformWith({ already: true, onPrompt: 'accept' });
    let explained = 0;
    const codes: string[] = [];
    const flow = createFriendBoardFlow({
      platform,
      explain: async () => ++explained > 0,
      onAuthorizationCode: (code) => codes.push(code),
    });
    expect(await flow.open()).toEqual({ kind: 'authorized', prompted: false });
    expect(platform.calls).toEqual([true]);
    expect(explained).toBe(0);
    expect(codes).toEqual(['status-code']);
    expect(flow.isAuthorized()).toBe(true);
  });

  it('checks the status first, explains, then prompts', async () => {
    const platform = platformWith({ already: false, onPrompt: 'accept' });
    const order: string[] = [];
    const flow = createFriendBoardFlow({
      platform: {
        authorizeOpenContext: (request) => {
          order.push(request?.statusOnly ? 'status' : 'prompt');
          return platform.authorizeOpenContext(request);
        },
      },
      explain: async () => {
        order.push('explain');
        return true;
      },
    });
    expect(await flow.open()).toEqual({ kind: 'authorized', prompted: true });
    expect(order).toEqual(['status', 'explain', 'prompt']);
    order.length = 0;
    expect(await flow.open()).toEqual({ kind: 'authorized', prompted: false });
    expect(order).toEqual(['status']);
  });

  it('never prompts when the player says "Not now" to the explanation', async () => {
    const platform = platformWith({ already: false, onPrompt: 'accept' });
    const flow = createFriendBoardFlow({ platform, explain: async () => false });
    expect(await flow.open()).toEqual({ kind: 'not-now' });
    expect(platform.calls).toEqual([true]);
    expect(flow.isAuthorized()).toBe(false);
  });

  it('checks the status silently, without prompting or passing on a code', async () => {
    const platform = platformWith({ already: false, onPrompt: 'accept' });
    const codes: string[] = [];
    const flow = createFriendBoardFlow({
      platform,
      explain: async () => true,
      onAuthorizationCode: (c) => codes.push(c),
    });
    expect(await flow.refreshStatus()).toBe('not-granted');
    await flow.open();
    expect(await flow.refreshStatus()).toBe('authorized');
    expect(platform.calls).toEqual([true, true, false, true]);
    expect(codes).toEqual(['prompt-code']);
  });

  it('tells a decline, a partial grant and a platform failure apart, by code', async () => {
    for (const [onPrompt, kind] of [
      ['decline', 'declined'],
      ['partly', 'partly-granted'],
      ['fail', 'failed'],
    ] as const) {
      const flow = createFriendBoardFlow({
        platform: platformWith({ already: false, onPrompt }),
        explain: async () => true,
      });
      expect((await flow.open()).kind).toBe(kind);
      expect(flow.isAuthorized()).toBe(false);
    }
  });

  it('a failing status check is no refusal: no explanation, no prompt, a failure to retry', async () => {
    // An authorized player whose platform fails every call (the simulator's failure rate at 1).
    const platform = platformWith({ already: true, onPrompt: 'accept', statusFails: true });
    let explained = 0;
    const flow = createFriendBoardFlow({ platform, explain: async () => ++explained > 0 });
    expect(await flow.open()).toEqual({
      kind: 'failed',
      reason: 'authorizeOpenContext failed: injected fault (code 900500)',
    });
    expect(explained).toBe(0);
    expect(platform.calls).toEqual([true]);
    expect(await flow.refreshStatus()).toBe('unknown');
  });

  it('a status check that times out or finds the phone offline decides nothing and prompts nothing', async () => {
    for (const error of [
      new PlatformError('authorizeOpenContext', 'timeout', 'no answer'),
      refusal(21103, 'timeout'),
      refusal(900502, 'network error'),
    ]) {
      const calls: boolean[] = [];
      const flow = createFriendBoardFlow({
        platform: {
          authorizeOpenContext: async ({ statusOnly = false } = {}) => {
            calls.push(statusOnly);
            throw error;
          },
        },
        explain: async () => true,
      });
      expect((await flow.open()).kind).toBe('failed');
      expect(calls).toEqual([true]);
    }
  });

  it('a status check answered with a code TikTok has not documented still explains and asks', async () => {
    // A phone may fail the silent check with its own code where the simulator says 900301.
    let granted = false;
    const calls: boolean[] = [];
    let explained = 0;
    const flow = createFriendBoardFlow({
      platform: {
        authorizeOpenContext: async ({ statusOnly = false } = {}) => {
          calls.push(statusOnly);
          if (statusOnly && !granted) throw refusal(10002, 'scope status unknown');
          granted = true;
          return { code: 'prompt-code' };
        },
      },
      explain: async () => ++explained > 0,
    });
    expect(await flow.refreshStatus()).toBe('not-granted');
    expect(await flow.open()).toEqual({ kind: 'authorized', prompted: true });
    expect(explained).toBe(1);
    expect(calls).toEqual([true, true, false]);
  });

  it('access turned off after a refusal: no explanation, no prompt, the way back named', async () => {
    const calls: boolean[] = [];
    let explained = 0;
    const flow = createFriendBoardFlow({
      platform: {
        authorizeOpenContext: async ({ statusOnly = false } = {}) => {
          calls.push(statusOnly);
          throw refusal(AUTHORIZATION_CODES.turnedOff, 'refused earlier');
        },
      },
      explain: async () => ++explained > 0,
    });
    expect(await flow.open()).toEqual({ kind: 'turned-off' });
    expect(explained).toBe(0);
    expect(calls).toEqual([true]);
    expect(retryLabel('turned-off', false)).toBe('I turned it on');
    expect(retryLabel('partly-granted', false)).toBe('I turned it on');
    expect(retryLabel('declined', false)).toBe('I turned it on');
    expect(retryLabel('not-now', false)).toBe('Try again');
    expect(retryLabel('failed', true)).toBe('Try again');
    expect(retryLabel('turned-off', true)).toBe('Open settings');
    expect(retryLabel('partly-granted', true)).toBe('Open settings');
    expect(retryLabel('declined', true)).toBe('Open settings');
  });

  it('a message that sounds like a refusal is still a failure without a refusal code', async () => {
    const flow = createFriendBoardFlow({
      platform: {
        authorizeOpenContext: async () => {
          throw new PlatformError('authorizeOpenContext', 'failed', 'auth scope permission denied', 21500);
        },
      },
      explain: async () => true,
    });
    expect((await flow.open()).kind).toBe('failed');
  });
});
