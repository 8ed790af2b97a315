import type { FastifyInstance } from 'fastify';
import { playerOf, requirePlayer } from '../auth/requirePlayer';
import { PlatformUnavailableError, type PlatformUser } from '../platform/tiktokClient';
import { CodeBody } from '../schemas';
import type { ServerContext } from './context';
import { exchangeOrReply } from './platformErrors';

export function registerProfileRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post<{ Body: CodeBody }>(
    '/v1/profile',
    {
      onRequest: requirePlayer(context.tokens),
      schema: { body: CodeBody },
    },
    async (request, reply) => {
      const player = playerOf(request);
      const exchange = await exchangeOrReply(context, request, reply, request.body.code);
      if (!exchange) return reply;
      if (exchange.openId !== player.openId) {
        return reply
          .code(403)
          .send({ error: 'code_of_another_player', message: 'the code was issued to another player' });
      }
      let user: PlatformUser;
      try {
        user = await context.platform.fetchUser(exchange.accessToken);
      } catch (error) {
        if (!(error instanceof PlatformUnavailableError)) throw error;
        request.log.error({ reason: error.message }, 'user info unavailable');
        return reply
          .code(502)
          .send({ error: 'platform_unavailable', message: 'could not read the profile; retry later' });
      }
      if (user.openId !== player.openId) {
        return reply
          .code(403)
          .send({ error: 'code_of_another_player', message: 'the profile belongs to another player' });
      }
      const profile = { displayName: user.displayName, avatarUrl: user.avatarUrl };
      const now = context.now();
      // Every zone's current boards: the name shows on them at once (a copy on each, on Redis).
      const boards = context.boards.zones.flatMap((zone) =>
        context.boards.boardsForRun(zone, now).map((write) => write.board),
      );
      await context.storage.saveProfile(player.openId, profile, now, boards);
      return profile;
    },
  );
}
