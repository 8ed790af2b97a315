import { describe, expect, it } from 'vitest';
import type { TrustedProxies } from '../../../server/http/trustProxy';
import { startHarness } from './harness';

/**
 * 100 session exchanges from one socket address (127.0.0.5: the balancer, as the server sees it), each
 * claiming another client in X-Forwarded-For.
 */
async function spoofedExchanges(trustProxy: TrustedProxies | null, forwardedFor: (i: number) => string) {
  const h = await startHarness({ sessionsPerMinute: 30 }, undefined, { trustProxy });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const response = await h.send({
        method: 'POST',
        url: '/v1/session',
        from: '127.0.0.5',
        headers: { 'x-forwarded-for': forwardedFor(i) },
        payload: { code: h.platform.issueCode(`player-${i}`) },
      });
      statuses.push(response.statusCode);
    }
    return {
      ok: statuses.filter((s) => s === 200).length,
      limited: statuses.filter((s) => s === 429).length,
    };
  } finally {
    await h.close();
  }
}

describe('X-Forwarded-For and the per-address limit', () => {
  it('is ignored when no proxy is trusted', async () => {
    expect(await spoofedExchanges(null, (i) => `203.0.113.${i}`)).toEqual({ ok: 30, limited: 70 });
  });

  it('with one trusted hop, only the address the balancer appended counts', async () => {
    // The client sends its own X-Forwarded-For; the balancer appends the address it saw.
    expect(await spoofedExchanges(1, (i) => `203.0.113.${i}, 198.51.100.9`)).toEqual({ ok: 30, limited: 70 });
  });

  it('with trusted ranges, a spoofed hop outside them is the client', async () => {
    expect(await spoofedExchanges(['127.0.0.0/8'], (i) => `203.0.113.${i}, 198.51.100.9`)).toEqual({
      ok: 30,
      limited: 70,
    });
  });

  it('does tell clients apart behind a trusted hop (the limit is per real client)', async () => {
    expect(await spoofedExchanges(1, (i) => `198.51.100.${i}`)).toEqual({ ok: 100, limited: 0 });
  });
});
