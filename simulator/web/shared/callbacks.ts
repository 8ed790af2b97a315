/** success/fail/complete handling shared by both runtime shims. */

export interface Callbacks {
  success?: (result: unknown) => void;
  fail?: (result: unknown) => void;
  complete?: (result: unknown) => void;
}

// Captured before package code runs: an adapter may replace the global setTimeout with one built on tt.
const later = globalThis.setTimeout.bind(globalThis);

export type ApiOptions = Record<string, unknown> & Callbacks;

/** Splits callbacks from the arguments that travel to the Main Frame. */
export function splitCallbacks(options: unknown): { args: unknown; callbacks: Callbacks } {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return { args: options, callbacks: {} };
  const { success, fail, complete, ...args } = options as Record<string, unknown>;
  const callbacks: Callbacks = {};
  if (typeof success === 'function') callbacks.success = success as Callbacks['success'];
  if (typeof fail === 'function') callbacks.fail = fail as Callbacks['fail'];
  if (typeof complete === 'function') callbacks.complete = complete as Callbacks['complete'];
  return { args, callbacks };
}

export function settle(callbacks: Callbacks, ok: boolean, result: unknown): void {
  // Callbacks run in a later task, never inside the caller's stack, as on the device.
  later(() => {
    try {
      if (ok) callbacks.success?.(result);
      else callbacks.fail?.(result);
    } finally {
      callbacks.complete?.(result);
    }
  }, 0);
}

export function failShape(api: string, code: number, reason: string) {
  return {
    errMsg: `${api}:fail ${reason}`,
    errNo: code,
    error: { error_code: code, error_msg: reason, error_extra: {} },
  };
}

/**
 * Arguments cross to the Main Frame by structured clone, then to the server as JSON. Values JSON
 * would silently change (Date, Map, typed arrays, NaN, undefined in arrays...) are replaced by a
 * marker object, so the server's validation rejects them instead of storing a converted value.
 */
export function toWireValue(value: unknown, depth = 0): unknown {
  if (depth > 20) return { unsupported: 'nesting deeper than 20' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { unsupported: String(value) };
  if (value === undefined) return { unsupported: 'undefined' };
  if (Array.isArray(value)) return value.map((item) => toWireValue(item, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      return { unsupported: Object.prototype.toString.call(value) };
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = toWireValue(item, depth + 1);
    }
    return out;
  }
  return { unsupported: typeof value };
}
