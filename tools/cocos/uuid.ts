import { randomUUID } from 'node:crypto';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A compressed script uuid as scenes write it in `__type__`: 5 hex digits, then 18 base64 characters. */
const COMPRESSED_PATTERN = /^[0-9a-f]{5}[A-Za-z0-9+/]{18}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function isCompressedUuid(value: string): boolean {
  return COMPRESSED_PATTERN.test(value);
}

export function newUuid(): string {
  return randomUUID();
}

/**
 * The form in which Cocos Creator scenes name a script component (`"__type__"`): the first 5 hex digits
 * kept, then each following group of 3 hex digits (12 bits) written as 2 base64 characters.
 */
export function compressUuid(uuid: string): string {
  if (!isUuid(uuid)) throw new Error(`not a uuid: ${uuid}`);
  const hex = uuid.replace(/-/g, '');
  let out = hex.slice(0, 5);
  for (let i = 5; i < 32; i += 3) {
    const value = Number.parseInt(hex.slice(i, i + 3), 16);
    out += BASE64.charAt(value >> 6) + BASE64.charAt(value & 63);
  }
  return out;
}

export function decompressUuid(compressed: string): string {
  if (!isCompressedUuid(compressed)) throw new Error(`not a compressed uuid: ${compressed}`);
  let hex = compressed.slice(0, 5);
  for (let i = 5; i < 23; i += 2) {
    const value = (BASE64.indexOf(compressed.charAt(i)) << 6) | BASE64.indexOf(compressed.charAt(i + 1));
    hex += value.toString(16).padStart(3, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
