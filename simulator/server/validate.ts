import { ApiError, ErrorCode } from './errors';

/**
 * Argument checks, with the strictest documented cloud storage limits together: keys at most 128
 * characters and values at most 2048, strings only (TikTok's guide); a key at most 128 bytes and key
 * plus value at most 1,024 bytes of UTF-8, at most 128 keys per player (WeChat's and Douyin's
 * `setUserCloudStorage`, docs/simulator.md). Character counts are UTF-16 code units (String.length),
 * the stricter of the two usual counts, so a value accepted here is accepted however the platform counts.
 */
export const MAX_KEY_LENGTH = 128;
export const MAX_VALUE_LENGTH = 2048;
export const MAX_KEY_BYTES = 128;
export const MAX_ENTRY_BYTES = 1024;
export const MAX_KEYS_PER_USER = 128;
const MAX_TEXT_LENGTH = 512;
const MAX_QUERY_LENGTH = 2048;

export type Args = Record<string, unknown>;

export interface KeyValue {
  key: string;
  value: string;
}

export interface ShareCard {
  imageUrl: string;
  title: string;
  subtitle: string;
  templateType: 1 | 2;
  query: string;
  path: string;
}

function invalid(reason: string): never {
  throw new ApiError(ErrorCode.invalidArgument, reason);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

export function asArgs(raw: unknown): Args {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) invalid(`options must be an object, got ${kindOf(raw)}`);
  return raw as Args;
}

/** Bytes of the string in UTF-8, as a platform that stores UTF-8 counts them (a lone surrogate is U+FFFD). */
export const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

export function checkKey(key: unknown, where: string): string {
  if (typeof key !== 'string') invalid(`${where} must be a string, got ${kindOf(key)}`);
  if (key.length === 0) invalid(`${where} must not be empty`);
  if (key.length > MAX_KEY_LENGTH) {
    throw new ApiError(ErrorCode.keyTooLong, `key longer than ${MAX_KEY_LENGTH} characters (${key.length})`);
  }
  const bytes = utf8Length(key);
  if (bytes > MAX_KEY_BYTES) {
    throw new ApiError(ErrorCode.keyTooLong, `key longer than ${MAX_KEY_BYTES} bytes of UTF-8 (${bytes})`);
  }
  return key;
}

export function checkKeyList(args: Args, allowEmpty: boolean): string[] {
  const list = args.keyList;
  if (!Array.isArray(list)) invalid(`keyList must be an array of strings, got ${kindOf(list)}`);
  if (!allowEmpty && list.length === 0) invalid('keyList must not be empty');
  return list.map((key, index) => checkKey(key, `keyList[${index}]`));
}

/**
 * The items of a cloud write: `data` as TikTok's guide names the list, `KVDataList` as Douyin's
 * `tt.setUserCloudStorage` does. A call naming the other runtime's list is told so.
 */
export function checkCloudData(args: Args, list: 'data' | 'KVDataList' = 'data'): KeyValue[] {
  const data = args[list];
  if (!Array.isArray(data)) {
    const other = list === 'data' ? 'KVDataList' : 'data';
    const hint =
      args[other] === undefined
        ? ''
        : ` (${other} is ${list === 'data' ? "Douyin's" : "TikTok's"} name for it; this runtime reads ${list})`;
    invalid(`${list} must be an array of {key, value}, got ${kindOf(data)}${hint}`);
  }
  if (data.length === 0) invalid(`${list} must not be empty`);
  return data.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      invalid(`${list}[${index}] must be an object {key, value}, got ${kindOf(item)}`);
    }
    const { key, value } = item as Record<string, unknown>;
    const checkedKey = checkKey(key, `${list}[${index}].key`);
    if (typeof value !== 'string') {
      throw new ApiError(
        ErrorCode.valueNotString,
        `value must be a string (key ${checkedKey}), got ${kindOf(value)}`,
      );
    }
    if (value.length > MAX_VALUE_LENGTH) {
      throw new ApiError(
        ErrorCode.valueTooLong,
        `value longer than ${MAX_VALUE_LENGTH} characters (key ${checkedKey})`,
      );
    }
    const bytes = utf8Length(checkedKey) + utf8Length(value);
    if (bytes > MAX_ENTRY_BYTES) {
      throw new ApiError(
        ErrorCode.entryTooLarge,
        `key plus value longer than ${MAX_ENTRY_BYTES} bytes of UTF-8 (key ${checkedKey}: ${bytes} bytes)`,
      );
    }
    return { key: checkedKey, value };
  });
}

export function optionalBoolean(args: Args, name: string): boolean {
  const value = args[name];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') invalid(`${name} must be a boolean, got ${kindOf(value)}`);
  return value;
}

function optionalText(args: Args, name: string, max = MAX_TEXT_LENGTH): string {
  const value = args[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') invalid(`${name} must be a string, got ${kindOf(value)}`);
  if (value.length > max) invalid(`${name} longer than ${max} characters`);
  return value;
}

export function requiredText(args: Args, name: string): string {
  const value = args[name];
  if (typeof value !== 'string' || value.length === 0)
    invalid(`${name} is required and must be a non-empty string`);
  if (value.length > MAX_QUERY_LENGTH) invalid(`${name} longer than ${MAX_QUERY_LENGTH} characters`);
  return value;
}

function checkImageUrl(args: Args, required: boolean): string | undefined {
  if (!required && args.imageUrl === undefined) return undefined;
  const url = requiredText(args, 'imageUrl');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    invalid('imageUrl must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    invalid('imageUrl must be an absolute http(s) URL');
  return url;
}

/**
 * TikTok's SDK Sharing page types `templateType` as a string ("1 | 2"); the guide's examples pass the
 * number. Both are accepted and kept as the number.
 */
export function checkTemplateType(args: Args): 1 | 2 {
  const value = args.templateType;
  if (value === undefined) return 1;
  if (value === 1 || value === '1') return 1;
  if (value === 2 || value === '2') return 2;
  invalid(`templateType must be 1 or 2 (or '1' or '2'), got ${JSON.stringify(value) ?? kindOf(value)}`);
}

export interface ShareCardRules {
  /** The guide requires `imageUrl` for `shareToUser`; TikTok's SDK page makes it optional for `shareAppMessage`. */
  imageRequired: boolean;
  /** The image of a card sent without one: the platform's configured image (here the simulator's default). */
  defaultImageUrl: string;
}

export function checkShareCard(args: Args, rules: ShareCardRules): ShareCard {
  return {
    imageUrl: checkImageUrl(args, rules.imageRequired) ?? rules.defaultImageUrl,
    title: optionalText(args, 'title'),
    subtitle: optionalText(args, 'subtitle'),
    templateType: checkTemplateType(args),
    query: optionalText(args, 'query', MAX_QUERY_LENGTH),
    path: optionalText(args, 'path'),
  };
}

export type AnalyticsValue = string | number | boolean;

export function checkAnalytics(args: Args): { eventName: string; data: Record<string, AnalyticsValue> } {
  const eventName = args.eventName;
  if (typeof eventName !== 'string' || !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(eventName)) {
    invalid('eventName must be 1-64 letters, digits or underscores, starting with a letter');
  }
  const raw = args.data ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    invalid(`data must be an object, got ${kindOf(raw)}`);
  const data: Record<string, AnalyticsValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      invalid(`data.${name} must be a string, number or boolean, got ${kindOf(value)}`);
    }
    data[name] = value;
  }
  return { eventName, data };
}
