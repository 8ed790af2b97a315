import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_CODES } from '../../../assets/scripts/platform/errors';
import {
  DOUYIN_SHARE_WITHOUT_TAP,
  ErrorCode,
  SIMULATOR_CODE_RANGE,
  TIKTOK_TIMEOUT,
  TIKTOK_URL_NOT_IN_DOMAIN_LIST,
} from '../../../simulator/server/errors';

/**
 * Codes TikTok documents, with their meaning, as of 2026-11 (sources in docs/simulator.md):
 * the mini games error code reference (runtime `request`/`downloadFile`) and the Minis API error codes.
 * A simulator code may equal one of these only if it means the same; today none does.
 */
const DOCUMENTED_BY_TIKTOK: Record<number, string> = {
  10401: 'server error (request finished without a valid response)',
  21100: 'URL not in domain list',
  21101: 'destination path has error / move file failed',
  21102: 'TTNet download progress error',
  21103: 'request timeout',
  21201: 'response data error',
  40001000: 'invalid parameters (Minis APIs)',
  50001000: 'TikTok internal error (Minis APIs)',
  20011002: 'order not existed',
  20021001: 'submerchant ID invalid',
  20021002: 'outer order ID existed',
  20001003: 'tier ID invalid',
  20021101: 'subscription is active',
  20021102: 'subscription is canceled',
  20021103: 'subscription is on hold',
  20021108: 'change subscription unfinished',
  20021111: 'subscription too close to renewal',
};

/** Simulator codes that reuse a documented code because they mean the same (none yet). */
const SAME_MEANING: Partial<Record<keyof typeof ErrorCode, number>> = {};

describe('simulator error codes', () => {
  const entries = Object.entries(ErrorCode) as [keyof typeof ErrorCode, number][];

  it('never reuse a code TikTok documents for something else', () => {
    const clashes = entries
      .filter(([name, code]) => code in DOCUMENTED_BY_TIKTOK && SAME_MEANING[name] !== code)
      .map(([name, code]) => `${name} = ${code} (TikTok: ${DOCUMENTED_BY_TIKTOK[code]})`);
    expect(clashes).toEqual([]);
  });

  it("keep their own codes in the range the docs mark as the simulator's", () => {
    const outside = entries.filter(
      ([name, code]) =>
        SAME_MEANING[name] !== code &&
        (code < SIMULATOR_CODE_RANGE.first || code > SIMULATOR_CODE_RANGE.last),
    );
    expect(outside).toEqual([]);
    expect(
      Object.keys(DOCUMENTED_BY_TIKTOK)
        .map(Number)
        .filter((code) => code >= SIMULATOR_CODE_RANGE.first && code <= SIMULATOR_CODE_RANGE.last),
    ).toEqual([]);
  });

  it("use TikTok's own codes where TikTok documents the situation (a timeout, an undeclared domain)", () => {
    expect(DOCUMENTED_BY_TIKTOK[TIKTOK_TIMEOUT]).toBe('request timeout');
    expect(DOCUMENTED_BY_TIKTOK[TIKTOK_URL_NOT_IN_DOMAIN_LIST]).toBe('URL not in domain list');
  });

  it("answer Douyin's documented shareAppMessage code for a share not started by a tap", () => {
    // Douyin's tt.shareAppMessage error codes; per API, so it does not clash with TikTok's request 21102.
    const DOCUMENTED_BY_DOUYIN_FOR_SHARE_APP_MESSAGE: Record<number, string> = {
      21101: 'permission denied, channel',
      21102: 'can not be shared without clicking by user',
    };
    expect(DOCUMENTED_BY_DOUYIN_FOR_SHARE_APP_MESSAGE[DOUYIN_SHARE_WITHOUT_TAP]).toBe(
      'can not be shared without clicking by user',
    );
    expect(Object.values(ErrorCode)).not.toContain(DOUYIN_SHARE_WITHOUT_TAP);
  });

  it('are distinct, so a code names one situation', () => {
    const codes = entries.map(([, code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("match the codes the game and the open data context decide by (the wrapper's AUTHORIZATION_CODES)", () => {
    expect(AUTHORIZATION_CODES).toEqual({
      notGranted: ErrorCode.notAuthorized,
      declined: ErrorCode.authDeclined,
      partlyGranted: ErrorCode.authPartlyGranted,
      turnedOff: ErrorCode.authTurnedOff,
    });
  });
});
