import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session, SessionTokens } from './sessionToken';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requirePlayer` from a valid Bearer session token. */
    player: Session | null;
  }
}

export function sessionFromHeader(tokens: SessionTokens, header: string | undefined): Session | null {
  const match = /^Bearer ([A-Za-z0-9_.-]{1,1024})$/.exec(header ?? '');
  return match?.[1] ? tokens.verify(match[1]) : null;
}

const verified = new WeakMap<IncomingMessage, Session>();

/**
 * The session of a request's Bearer token, verified once: the rate limit (admission/) verifies it
 * before routing, and the route reuses that answer.
 */
export function sessionOfRequest(tokens: SessionTokens, req: IncomingMessage): Session | null {
  const known = verified.get(req);
  if (known) return known;
  const session = sessionFromHeader(tokens, req.headers.authorization);
  if (session) verified.set(req, session);
  return session;
}

/** An onRequest hook: runs before the body is read, so an unauthenticated request costs little. */
export function requirePlayer(tokens: SessionTokens) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const session = sessionOfRequest(tokens, request.raw);
    if (!session) {
      return reply.code(401).send({
        error: 'invalid_session',
        message: 'missing, malformed, forged or expired session token: call POST /v1/session again',
      });
    }
    request.player = session;
  };
}

/** The player of a route guarded by `requirePlayer`. */
export function playerOf(request: FastifyRequest): Session {
  if (!request.player) throw new Error('route is missing the requirePlayer hook');
  return request.player;
}
