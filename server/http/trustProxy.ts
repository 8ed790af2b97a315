import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

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

/**
 * The client's address as the rate limits see it: the socket's, or behind trusted proxies the first
 * hop of X-Forwarded-For (counted from the server) that is not one of them.
 */
export function clientAddressResolver(trust: TrustedProxies | null): (req: IncomingMessage) => string {
  if (trust === null) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trusted =
    typeof trust === 'number'
      ? (_address: string, hop: number) => hop < trust
      : proxyAddr.compile([...trust]);
  return (req) => proxyAddr(req, trusted);
}
