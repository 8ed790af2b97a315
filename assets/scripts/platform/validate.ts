import { PlatformError } from './errors';
import type { ShareOptionsBase } from './types';

// The strictest documented cloud storage limits together, so a write that passes here passes on any of the
// runtimes: key at most 128 characters, value at most 2048, strings only (TikTok's guide); key at most 128
// bytes and key plus value at most 1,024 bytes of UTF-8, at most 128 keys per player (WeChat's and Douyin's
// setUserCloudStorage; sources in docs/platform.md). The per-player count needs the stored keys, so only the
// platform can check it; the wrapper caps one call at 128 entries.
export const MAX_KEY_LENGTH = 128;
export const MAX_VALUE_LENGTH = 2048;
export const MAX_KEY_BYTES = 128;
export const MAX_ENTRY_BYTES = 1024;
export const MAX_KEYS_PER_CALL = 128;

export interface KeyValue {
  key: string;
  value: string;
}

function invalid(api: string, reason: string): PlatformError {
  return new PlatformError(api, 'invalid-argument', reason);
}

/** Bytes of the string in UTF-8 (a lone surrogate counts as U+FFFD); no TextEncoder on every runtime. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

export function checkKey(api: string, key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) throw invalid(api, 'every key must be a non-empty string');
  if (key.length > MAX_KEY_LENGTH) {
    throw invalid(api, `key longer than ${MAX_KEY_LENGTH} characters (${key.slice(0, 24)}…)`);
  }
  if (utf8Length(key) > MAX_KEY_BYTES) {
    throw invalid(api, `key longer than ${MAX_KEY_BYTES} bytes of UTF-8 (${key.slice(0, 24)}…)`);
  }
}

export function checkKeyList(api: string, keyList: unknown): asserts keyList is string[] {
  if (!Array.isArray(keyList) || keyList.length === 0)
    throw invalid(api, 'keyList must be a non-empty array');
  if (keyList.length > MAX_KEYS_PER_CALL)
    throw invalid(api, `keyList has more than ${MAX_KEYS_PER_CALL} keys`);
  for (const key of keyList) checkKey(api, key);
}

export function checkKeyValues(api: string, data: unknown): asserts data is KeyValue[] {
  if (!Array.isArray(data) || data.length === 0)
    throw invalid(api, 'data must be a non-empty array of {key, value}');
  if (data.length > MAX_KEYS_PER_CALL) throw invalid(api, `data has more than ${MAX_KEYS_PER_CALL} entries`);
  for (const entry of data) {
    if (typeof entry !== 'object' || entry === null)
      throw invalid(api, 'every data entry must be {key, value}');
    const { key, value } = entry as { key?: unknown; value?: unknown };
    checkKey(api, key);
    if (typeof value !== 'string') throw invalid(api, `value must be a string (key ${key})`);
    if (value.length > MAX_VALUE_LENGTH) {
      throw invalid(api, `value longer than ${MAX_VALUE_LENGTH} characters (key ${key})`);
    }
    const bytes = utf8Length(key) + utf8Length(value);
    if (bytes > MAX_ENTRY_BYTES) {
      throw invalid(
        api,
        `key plus value longer than ${MAX_ENTRY_BYTES} bytes of UTF-8 (key ${key}: ${bytes} bytes)`,
      );
    }
  }
}

const TEMPLATE_TYPES: readonly unknown[] = [1, 2, '1', '2'];

/** `imageRequired`: the guide requires `imageUrl` for `shareToUser`; TikTok's SDK page makes it optional for `shareAppMessage`. */
export function checkShare(api: string, options: ShareOptionsBase, imageRequired: boolean): void {
  if (options.imageUrl !== undefined || imageRequired) {
    if (typeof options.imageUrl !== 'string' || options.imageUrl === '') {
      throw invalid(
        api,
        imageRequired ? 'imageUrl is required' : 'imageUrl must be a non-empty string when given',
      );
    }
  }
  if (options.templateType !== undefined && !TEMPLATE_TYPES.includes(options.templateType)) {
    throw invalid(
      api,
      `templateType must be 1 or 2 (or '1' or '2'), got ${JSON.stringify(options.templateType)}`,
    );
  }
  for (const field of ['title', 'subtitle'] as const) {
    const text = options[field];
    if (text !== undefined && typeof text !== 'string') throw invalid(api, `${field} must be a string`);
  }
}

export function checkOpenId(api: string, openId: unknown): asserts openId is string {
  if (typeof openId !== 'string' || openId.trim() === '')
    throw invalid(api, 'openid must be a non-empty string');
}
