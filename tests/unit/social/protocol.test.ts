import { describe, expect, it } from 'vitest';
import {
  levelEndMessage,
  parseContextMessage,
  pointerMessage,
  resumeBestMessage,
  showMessage,
  toSurfacePoint,
} from '../../../assets/scripts/social/protocol';

const validShow = showMessage({
  view: 'board',
  rect: { x: 20, y: 120, width: 335, height: 480 },
  viewport: { width: 375, height: 667 },
  pixelRatio: 3,
  you: { openId: 'open_alex' },
  authorized: true,
});

/** The game's score limit the messages are read against. */
const LIMIT = 1_000_000;

describe('parseContextMessage', () => {
  it('accepts every message the game builds', () => {
    const messages = [
      validShow,
      { v: 1, type: 'hide' },
      { v: 1, type: 'refresh' },
      { v: 1, type: 'prefetch' },
      levelEndMessage({ runId: 'mhx-7-2-1200', score: 1200, level: 2, achievedAt: 1_764_000_000_000 }),
      resumeBestMessage({ score: 10, level: 1, achievedAt: 1 }),
      { ...validShow, view: 'best' },
      pointerMessage({ phase: 'move', x: 10.5, y: -3, time: 123.4 }),
    ];
    for (const message of messages) {
      expect(parseContextMessage(message, LIMIT)).toEqual({ ok: true, message });
    }
  });

  it("accepts Cocos SubContextView's viewport message", () => {
    const engine = {
      fromEngine: true,
      type: 'engine',
      event: 'viewport',
      x: 0,
      y: 40,
      width: 320,
      height: 480,
    };
    expect(parseContextMessage(engine, LIMIT)).toEqual({
      ok: true,
      message: { type: 'engine', event: 'viewport', x: 0, y: 40, width: 320, height: 480 },
    });
  });

  it('drops fields it does not know', () => {
    // Parsed, and equal to the message without the unknown field.
    expect(parseContextMessage({ ...validShow, extra: '<script>' }, LIMIT)).toEqual({
      ok: true,
      message: validShow,
    });
  });

  it.each([
    ['null', null, 'not an object'],
    ['a string', 'show', 'not an object'],
    ['an array', [1], 'not an object'],
    ['no version', { type: 'hide' }, 'unsupported protocol version'],
    ['a future version', { v: 2, type: 'hide' }, 'unsupported protocol version 2'],
    ['an unknown type', { v: 1, type: 'explode' }, 'unknown message type "explode"'],
    ['a bad view', { ...validShow, view: 'popup' }, 'show.view'],
    ['a NaN rect', { ...validShow, rect: { x: Number.NaN, y: 0, width: 1, height: 1 } }, 'show.rect'],
    ['a zero-size rect', { ...validShow, rect: { x: 0, y: 0, width: 0, height: 10 } }, 'show.rect'],
    [
      'an infinite viewport',
      { ...validShow, viewport: { width: Number.POSITIVE_INFINITY, height: 2 } },
      'show.viewport',
    ],
    ['a pixel ratio of 100', { ...validShow, pixelRatio: 100 }, 'pixelRatio'],
    ['a numeric openId', { ...validShow, you: { openId: 42 } }, 'openId'],
    ['authorized as a string', { ...validShow, authorized: 'yes' }, 'authorized'],
    ['a negative score', { v: 1, type: 'levelEnd', runId: 'r', score: -1, level: 1, achievedAt: 1 }, 'score'],
    ['a float score', { v: 1, type: 'levelEnd', runId: 'r', score: 1.5, level: 1, achievedAt: 1 }, 'score'],
    ['a string score', { v: 1, type: 'resumeBest', score: '15', level: 1, achievedAt: 1 }, 'score'],
    [
      "a score above the game's score limit",
      { v: 1, type: 'levelEnd', runId: 'r', score: 1_000_001, level: 1, achievedAt: 1 },
      "levelEnd.score must be a whole number from 0 to 1000000, the game's score limit; got 1000001",
    ],
    ['a level end without a run id', { v: 1, type: 'levelEnd', score: 5, level: 1, achievedAt: 1 }, 'runId'],
    [
      'a run id of 65 characters',
      { v: 1, type: 'levelEnd', runId: 'r'.repeat(65), score: 5, level: 1, achievedAt: 1 },
      'runId',
    ],
    ['level 0', { v: 1, type: 'resumeBest', score: 5, level: 0, achievedAt: 1 }, 'level'],
    [
      'a time that is no number',
      { v: 1, type: 'resumeBest', score: 5, level: 1, achievedAt: '1' },
      'achievedAt',
    ],
    ['an unknown view', { ...validShow, view: 'sidebar' }, 'show.view must be one of board, notice, best'],
    ['a bad pointer phase', { v: 1, type: 'pointer', phase: 'tap', x: 1, y: 1, time: 1 }, 'phase'],
    ['a pointer without coordinates', { v: 1, type: 'pointer', phase: 'down', time: 1 }, 'pointer.x'],
    ['an unknown engine event', { type: 'engine', event: 'pause' }, 'engine event "pause"'],
  ])('rejects %s with a reason', (_name, value, reason) => {
    const result = parseContextMessage(value, LIMIT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('toSurfacePoint', () => {
  const rect = { x: 20, y: 100, width: 300, height: 400 };
  it('maps viewport points into surface coordinates', () => {
    expect(toSurfacePoint(rect, 20, 100)).toEqual({ x: 0, y: 0, inside: true });
    expect(toSurfacePoint(rect, 319.5, 499)).toEqual({ x: 299.5, y: 399, inside: true });
  });
  it('marks points outside the surface', () => {
    expect(toSurfacePoint(rect, 320, 200).inside).toBe(false);
    expect(toSurfacePoint(rect, 10, 200)).toEqual({ x: -10, y: 100, inside: false });
  });
});
