import type { FastifyInstance } from 'fastify';
import { playerOf, requirePlayer } from '../auth/requirePlayer';
import type { RunSeeds } from '../seeds/runSeeds';
import { ChosenSeedBody, SeedsBody } from '../seeds/schemas';
import type { ServerContext } from './context';

/**
 * `POST /v1/seeds`: fresh run seeds for the session's player (docs/server.md, "Run seeds").
 * `POST /v1/dev/seeds` exists only on a development server (`devChosenSeeds`): it issues a seed the
 * caller chooses, so end-to-end tests can replay fixed levels.
 */
export function registerSeedRoutes(app: FastifyInstance, context: ServerContext, seeds: RunSeeds): void {
  const routeOptions = { onRequest: requirePlayer(context.tokens) };
  app.post<{ Body: SeedsBody }>('/v1/seeds', { ...routeOptions, schema: { body: SeedsBody } }, (request) =>
    seeds.issue(playerOf(request).openId, request.body.count, context.now()),
  );
  if (!seeds.devChosenSeeds) return;
  app.post<{ Body: ChosenSeedBody }>(
    '/v1/dev/seeds',
    { ...routeOptions, schema: { body: ChosenSeedBody } },
    (request) => seeds.issueChosen(playerOf(request).openId, request.body.seed, context.now()),
  );
}
