import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionOfRequest } from '../auth/requirePlayer';
import type { SessionTokens } from '../auth/sessionToken';
import { allowGameOrigin, answerPreflight } from '../http/cors';
import { sendRawJson, setStandardHeaders } from './rawReply';
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
}

/** Decides whether a request reaches the routes; `next` hands it on. */
export type Admission = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** A body is still on its way: the request declares one (a length other than 0, or chunks). */
function bodyPending(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function refuse(req: IncomingMessage, res: ServerResponse, rule: RateRule, retryMs: number): void {
  const retrySeconds = Math.max(1, Math.ceil(retryMs / 1000));
  // Unread, a body would hold the socket until it arrived or the request timed out (a client that
  // waits for `100 Continue` never sends it): close instead, as soon as the answer is written.
  if (bodyPending(req)) res.setHeader('connection', 'close');
  res.setHeader('retry-after', String(retrySeconds));
  sendRawJson(res, 429, {
    error: 'rate_limited',
    message: `rate limit of ${rule.max} requests in ${rule.windowMs / 1000} s reached; retry in ${retrySeconds} s`,
  });
}

/**
 * The first thing every request meets, before Fastify routes it, parses its body or logs it: the
 * standard headers and CORS are set, preflights answered, and the rate limit decided. A refusal costs a
 * header parse, one counter and a few hundred bytes written; it is counted in `tally`, never logged.
 */
export function createAdmission(options: AdmissionOptions): Admission {
  const { rules, counter, tally, tokens, clientAddress, gameOrigin, now } = options;
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
      refuse(req, res, rule, retryMs);
    };
    const verdict = counter.hit(rule, key, now());
    if (typeof verdict === 'number') settle(verdict);
    else void verdict.then(settle);
  };
}
