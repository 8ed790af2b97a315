import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionOfRequest } from '../auth/requirePlayer';
import type { SessionTokens } from '../auth/sessionToken';
import { allowGameOrigin, answerPreflight } from '../http/cors';
import { safeJsonStringify } from '../json';
import type { RefusalTally } from './refusalTally';
import { type RateRule, type RateRules, ruleFor } from './rules';
import type { WindowCounter } from './windowCounter';

export interface AdmissionOptions {
  rules: RateRules;
  counter: WindowCounter;
  tally: RefusalTally;
  tokens: SessionTokens;
  /** The client's address, behind trusted proxies the one they forwarded (http/trustProxy.ts). */
  clientAddress: (req: IncomingMessage) => string;
  gameOrigin: string;
  now: () => number;
  /** A refusal is answered this long after the request (see ServerLimits.refusalDelayMs). */
  refusalDelayMs: number;
}

/** Decides whether a request reaches the routes; `next` hands it on. */
export type Admission = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Headers on every answer, whoever writes it: never sniffed as another type, never cached. */
function setStandardHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'no-store');
}

/**
 * How long a refused request's body may take to arrive after the answer. Node reads and drops it, then
 * serves the connection's next request; a body that does not follow (a client waiting for
 * `100 Continue`, a slow one) would hold the socket until the request timed out, 10 s later.
 */
const REFUSED_BODY_GRACE_MS = 500;

/** The 429 of each rule and wait, made once: a refusal writes prepared bytes. */
class RefusalBodies {
  private readonly made = new Map<string, string>();

  of(rule: RateRule, retrySeconds: number): string {
    const key = `${rule.name}:${retrySeconds}`;
    let body = this.made.get(key);
    if (body === undefined) {
      body = safeJsonStringify({
        error: 'rate_limited',
        message: `rate limit of ${rule.max} requests in ${rule.windowMs / 1000} s reached; retry in ${retrySeconds} s`,
      });
      this.made.set(key, body);
    }
    return body;
  }
}

function refuse(req: IncomingMessage, res: ServerResponse, body: string, retrySeconds: number): void {
  res.writeHead(429, {
    'retry-after': String(retrySeconds),
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
  // By the next tick Node has parsed whatever body came with the headers; one still to come gets a
  // short grace, then its socket is closed.
  process.nextTick(() => {
    if (req.complete) return;
    setTimeout(() => {
      if (!req.complete) req.socket.destroy();
    }, REFUSED_BODY_GRACE_MS).unref();
  });
}

/**
 * The first thing every request meets, before Fastify routes it, parses its body or logs it: the
 * standard headers and CORS are set, preflights answered, and the rate limit decided. A refusal costs a
 * header parse, one counter and a few hundred bytes written; it is counted in `tally`, never logged.
 */
export function createAdmission(options: AdmissionOptions): Admission {
  const { rules, counter, tally, tokens, clientAddress, gameOrigin, now, refusalDelayMs } = options;
  const bodies = new RefusalBodies();
  return (req, res, next) => {
    setStandardHeaders(res);
    allowGameOrigin(req, res, gameOrigin);
    if (req.method === 'OPTIONS') {
      answerPreflight(req, res, gameOrigin);
      return;
    }
    const rule = rules[ruleFor(req.method, req.url)];
    // A signed-in player is counted as a player, wherever they connect from (many players can share
    // one carrier-grade NAT address); only requests without a valid session count per address.
    const session = sessionOfRequest(tokens, req);
    const key = session ? `player:${session.openId}` : `address:${clientAddress(req)}`;
    const settle = (retryMs: number) => {
      if (retryMs === 0) return next();
      tally.count(rule.name, key);
      const retrySeconds = Math.max(1, Math.ceil(retryMs / 1000));
      const body = bodies.of(rule, retrySeconds);
      if (refusalDelayMs <= 0) refuse(req, res, body, retrySeconds);
      else setTimeout(refuse, refusalDelayMs, req, res, body, retrySeconds);
    };
    const verdict = counter.hit(rule, key, now());
    if (typeof verdict === 'number') settle(verdict);
    else void verdict.then(settle);
  };
}
