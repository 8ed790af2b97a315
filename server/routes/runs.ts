import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { playerOf, requirePlayer } from '../auth/requirePlayer';
import type { ReplayVerdict } from '../replay';
import { type RunBody, runBody } from '../schemas';
import type { RunSeeds } from '../seeds/runSeeds';
import type { ServerContext } from './context';
import { unknownZone } from './zoneErrors';

const PREFIX = 'invalid run record: ';

/**
 * The refusal of a malformed run: the parser's reason after one "invalid run record:" (the core's parser
 * already starts with it), without anything it quotes from the record (an unknown field's name).
 */
export function invalidRunMessage(reason: string): string {
  const bare = reason.startsWith(PREFIX) ? reason.slice(PREFIX.length) : reason;
  return `${PREFIX}${bare.replace(/\s*"[^"]*"/g, '')}`;
}

type SeedPath = 'issued' | 'offline';

/**
 * `seeds` null: any seed is accepted (tests of other routes only; startGameServer always checks).
 * `POST /v1/runs` takes runs on seeds the server issued; `POST /v1/runs/offline` runs on a seed the
 * device drew itself, issued on arrival (seeds/runSeeds.ts, claimOffline), within the admission's
 * `offlineRuns` budget.
 */
export function registerRunRoutes(
  app: FastifyInstance,
  context: ServerContext,
  seeds: RunSeeds | null,
): void {
  for (const [url, path] of [
    ['/v1/runs', 'issued'],
    ['/v1/runs/offline', 'offline'],
  ] as const) {
    app.post<{ Body: RunBody }>(
      url,
      {
        onRequest: requirePlayer(context.tokens),
        bodyLimit: context.limits.runBodyLimitBytes,
        schema: { body: runBody(context.limits.scoreLimit) },
      },
      (request, reply) => acceptRun(context, seeds, path, request, reply),
    );
  }
}

async function acceptRun(
  context: ServerContext,
  seeds: RunSeeds | null,
  seedPath: SeedPath,
  request: FastifyRequest<{ Body: RunBody }>,
  reply: FastifyReply,
) {
  const player = playerOf(request);
  const { run, zone } = request.body;
  if (!context.boards.hasZone(zone)) return reply.code(400).send(unknownZone(zone, context.boards));
  if (run.openId !== undefined && run.openId !== player.openId) {
    return reply.code(403).send({
      error: 'run_of_another_player',
      message: 'the run names another player than the session; submit your own runs only',
    });
  }
  let verdict: ReplayVerdict;
  try {
    verdict = context.replay(run);
  } catch (error) {
    request.log.warn({ openId: player.openId, err: error }, 'run rejected: replay threw');
    return reply.code(422).send({ error: 'replay_failed', message: 'the run could not be replayed' });
  }
  if (!verdict.ok) {
    return reply.code(400).send({ error: 'invalid_run', message: invalidRunMessage(verdict.error) });
  }
  if (verdict.score !== run.claimedScore) {
    request.log.warn(
      {
        openId: player.openId,
        claimedScore: run.claimedScore,
        replayedScore: verdict.score,
        level: run.level,
      },
      'run rejected: the replay does not produce the claimed score',
    );
    return reply.code(422).send({
      error: 'score_mismatch',
      message: `the replay of this run scores ${verdict.score}, not the claimed ${run.claimedScore}`,
    });
  }
  const now = context.now();
  // Last before storing: a claimed seed stays used, so only a run that will be stored claims it.
  const claim = seedPath === 'offline' ? seeds?.claimOffline : seeds?.claim;
  const refusal = seeds && claim ? await claim.call(seeds, player.openId, run, now) : null;
  if (refusal) {
    request.log.warn({ openId: player.openId, refusal: refusal.error }, 'run rejected: its seed');
    return reply.code(refusal.status).send({ error: refusal.error, message: refusal.message });
  }
  const global = await context.storage.submitScore(context.boards.boardsForRun(zone, now), {
    openId: player.openId,
    score: verdict.score,
    achievedAt: now,
  });
  request.log.info(
    { openId: player.openId, zone, score: verdict.score, newBest: global.newBest, seedPath },
    'run accepted',
  );
  return { best: global.best, rank: global.rank, newBest: global.newBest };
}
