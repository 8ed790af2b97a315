/**
 * Which proxies' X-Forwarded-For to believe: a number of hops (the balancers in front of the server,
 * counted from it) or the proxies' address ranges. Never "everything": trusting every hop lets a client
 * choose its own address, and so escape every per-address limit.
 */
export type TrustedProxies = number | readonly string[];

/** An IPv4 or IPv6 address with an optional prefix length, or one of proxy-addr's named ranges. */
const RANGE = /^([0-9a-fA-F:.]+(\/\d{1,3})?|loopback|linklocal|uniquelocal)$/;

/** Parses TRUST_PROXY: unset or empty → none; `2` → two hops; `10.0.0.0/8,loopback` → those ranges. */
export function parseTrustProxy(value: string | undefined): TrustedProxies | null {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return null;
  if (/^\d+$/.test(text)) return Number(text);
  const ranges = text.split(',').map((part) => part.trim());
  if (ranges.every((range) => RANGE.test(range))) return ranges;
  throw new Error(
    `TRUST_PROXY must be a hop count (1 behind one load balancer) or a comma-separated list of proxy addresses or CIDR ranges, not "${text}"`,
  );
}
