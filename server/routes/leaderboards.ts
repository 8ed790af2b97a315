import type { FastifyInstance } from 'fastify';
import { sessionOfRequest } from '../auth/requirePlayer';
import { readAroundPlayer, readTop } from '../leaderboards/boardReader';
import { decodeCursor } from '../leaderboards/cursor';
import { BoardParams, BoardQuery } from '../schemas';
import type { ServerContext } from './context';
import { unknownZone } from './zoneErrors';

export function registerLeaderboardRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: BoardParams; Querystring: BoardQuery }>(
    '/v1/leaderboards/:board',
    {
      schema: { params: BoardParams, querystring: BoardQuery },
    },
    async (request, reply) => {
      const { board: period } = request.params;
      const { limit, cursor, around, zone } = request.query;
      if (!context.boards.hasZone(zone)) return reply.code(400).send(unknownZone(zone, context.boards));
      const { board, nextResetAt } = context.boards.target(zone, period, context.now());
      if (around === 'me') {
        const session = sessionOfRequest(context.tokens, request.raw);
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
        const page = await readAroundPlayer(context.storage, board, session.openId, limit);
        return { ...page, zone, nextResetAt };
      }
      const after = cursor === undefined ? null : decodeCursor(cursor);
      if (cursor !== undefined && !after) {
        return reply
          .code(400)
          .send({ error: 'invalid_cursor', message: 'cursor is not one this server issued' });
      }
      return { ...(await readTop(context.storage, board, limit, after)), zone, nextResetAt };
    },
  );
}
