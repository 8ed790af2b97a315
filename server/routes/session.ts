import type { FastifyInstance } from 'fastify';
import { CodeBody } from '../schemas';
import type { ServerContext } from './context';
import { exchangeOrReply } from './platformErrors';

export function registerSessionRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post<{ Body: CodeBody }>(
    '/v1/session',
    {
      schema: { body: CodeBody },
    },
    async (request, reply) => {
      const exchange = await exchangeOrReply(context, request, reply, request.body.code);
      if (!exchange) return reply;
      const { token, expiresAt } = context.tokens.issue(exchange.openId);
      request.log.info({ openId: exchange.openId }, 'session issued');
      return { token, openId: exchange.openId, expiresAt };
    },
  );
}
