import { describe, expect, it } from 'vitest';
import { createFriendBoardFlow } from '../../../assets/scripts/game/index';
import { PlatformError } from '../../../assets/scripts/platform/index';

/** A platform whose scopes are granted or not, recording every authorize call. */
function platformWith(granted: { already: boolean; onPrompt: 'accept' | 'decline' }) {
  const calls: boolean[] = [];
  return {
    calls,
    authorizeOpenContext: async ({ statusOnly = false }: { statusOnly?: boolean } = {}) => {
      calls.push(statusOnly);
      if (granted.already) return { code: 'status-code' };
      if (statusOnly) throw new PlatformError('authorizeOpenContext', 'failed', 'scope not granted');
      if (granted.onPrompt === 'decline')
        throw new PlatformError('authorizeOpenContext', 'failed', 'user denied');
      granted.already = true;
      return { code: 'prompt-code' };
    },
  };
}

describe('friend board flow', () => {
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
    expect(await flow.refreshStatus()).toBe(false);
    await flow.open();
    expect(await flow.refreshStatus()).toBe(true);
    expect(platform.calls).toEqual([true, true, false, true]);
    expect(codes).toEqual(['prompt-code']);
  });

  it('reports a decline with the platform reason', async () => {
    const platform = platformWith({ already: false, onPrompt: 'decline' });
    const flow = createFriendBoardFlow({ platform, explain: async () => true });
    expect(await flow.open()).toEqual({ kind: 'declined', reason: 'user denied' });
    expect(flow.isAuthorized()).toBe(false);
  });
});
