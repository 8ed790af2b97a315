import type { FastifyInstance } from 'fastify';
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

/** `seeds` null: any seed is accepted (tests of other routes only; startGameServer always checks). */
export function registerRunRoutes(
  app: FastifyInstance,
  context: ServerContext,
  seeds: RunSeeds | null,
): void {
  app.post<{ Body: RunBody }>(
    '/v1/runs',
    {
      onRequest: requirePlayer(context.tokens),
      bodyLimit: context.limits.runBodyLimitBytes,
      schema: { body: runBody(context.limits.scoreLimit) },
    },
    async (request, reply) => {
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
      const refusal = seeds ? await seeds.claim(player.openId, run, now) : null;
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
        { openId: player.openId, zone, score: verdict.score, newBest: global.newBest },
        'run accepted',
      );
      return { best: global.best, rank: global.rank, newBest: global.newBest };
    },
  );
}
