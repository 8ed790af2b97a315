import type { FastifyInstance } from 'fastify';
import { playerOf, requirePlayer } from '../auth/requirePlayer';
import { EventsBody } from '../schemas';
import type { ServerContext } from './context';

export function registerEventRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post<{ Body: EventsBody }>(
    '/v1/events',
    {
      onRequest: requirePlayer(context.tokens),
      bodyLimit: context.limits.eventsBodyLimitBytes,
      schema: { body: EventsBody },
    },
    async (request) => {
      const events = request.body.events.map((event) => ({
        name: event.name,
        entryPoint: event.entryPoint ?? null,
        at: event.at,
      }));
      const accepted = await context.storage.recordEvents(playerOf(request).openId, events, context.now());
      return { accepted };
    },
  );
}
