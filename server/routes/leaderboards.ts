import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionFromHeader } from '../auth/requirePlayer';
import { readAroundPlayer, readTop } from '../leaderboards/boardReader';
import { decodeCursor } from '../leaderboards/cursor';
import { boardIdFor, nextResetFor } from '../leaderboards/weeks';
import { BoardParams, BoardQuery } from '../schemas';
import type { ServerContext } from './context';

export function registerLeaderboardRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: BoardParams; Querystring: BoardQuery }>(
    '/v1/leaderboards/:board',
    {
      schema: { params: BoardParams, querystring: BoardQuery },
      // Per address, signed in or not: reads are the cheapest thing to flood with.
      config: {
        rateLimit: {
          max: context.limits.readsPerWindow,
          timeWindow: context.limits.readWindowMs,
          keyGenerator: (request: FastifyRequest) => request.ip,
        },
      },
    },
    async (request, reply) => {
      const { board } = request.params;
      const { limit, cursor, around } = request.query;
      const now = context.now();
      const boardId = boardIdFor(board, now);
      const nextResetAt = nextResetFor(board, now);
      if (around === 'me') {
        const session = sessionFromHeader(context.tokens, request.headers.authorization);
        if (!session) {
          return reply
            .code(401)
            .send({ error: 'invalid_session', message: 'around=me needs a valid session token' });
        }
        if (cursor !== undefined) {
          return reply
            .code(400)
            .send({ error: 'invalid_request', message: 'around=me does not take a cursor' });
        }
        return { ...(await readAroundPlayer(context.storage, boardId, session.openId, limit)), nextResetAt };
      }
      const after = cursor === undefined ? null : decodeCursor(cursor);
      if (cursor !== undefined && !after) {
        return reply
          .code(400)
          .send({ error: 'invalid_cursor', message: 'cursor is not one this server issued' });
      }
      return { ...(await readTop(context.storage, boardId, limit, after)), nextResetAt };
    },
  );
}
