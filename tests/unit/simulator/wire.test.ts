import { describe, expect, it } from 'vitest';
import { splitCallbacks, toWireValue } from '../../../simulator/web/shared/callbacks';
import { styleValuePattern } from '../../../simulator/web/shared/wire';

describe('toWireValue (frame → Main Frame arguments)', () => {
  it('keeps plain JSON values', () => {
    const value = { data: [{ key: 'highScore', value: '10' }], flag: true, n: 3, nothing: null };
    expect(toWireValue(value)).toEqual(value);
  });

  it('marks values JSON would silently change, so the server refuses them', () => {
    expect(toWireValue({ value: new Date(0) })).toEqual({ value: { unsupported: '[object Date]' } });
    expect(toWireValue({ value: Number.NaN })).toEqual({ value: { unsupported: 'NaN' } });
    expect(toWireValue({ value: new Map() })).toEqual({ value: { unsupported: '[object Map]' } });
    expect(toWireValue([undefined])).toEqual([{ unsupported: 'undefined' }]);
    expect(toWireValue({ value: 10n })).toEqual({ value: { unsupported: 'bigint' } });
  });

  it('drops undefined properties like JSON, and caps nesting', () => {
    expect(toWireValue({ a: undefined, b: 1 })).toEqual({ b: 1 });
    let deep: unknown = 'x';
    for (let i = 0; i < 30; i++) deep = [deep];
    expect(JSON.stringify(toWireValue(deep))).toContain('nesting deeper than 20');
  });
});

describe('splitCallbacks', () => {
  it('separates success/fail/complete from the arguments and ignores non-functions', () => {
    const success = () => undefined;
    const { args, callbacks } = splitCallbacks({ keyList: ['a'], success, fail: 'nope' });
    expect(args).toEqual({ keyList: ['a'] });
    expect(callbacks.success).toBe(success);
    expect(callbacks.fail).toBeUndefined();
  });
});

describe('sharedCanvas.style values', () => {
  it.each(['80vw', '40vh', '10.5vw', '-4px', '100%'])('accepts %s', (value) => {
    expect(styleValuePattern.test(value)).toBe(true);
  });
  it.each(['80', 'calc(1px)', '10vw; background:red', 'url(x)', ''])('refuses %s', (value) => {
    expect(styleValuePattern.test(value)).toBe(false);
  });
});
