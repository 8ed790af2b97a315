import type { FastifyInstance } from 'fastify';
import type { RunSeeds } from '../seeds/runSeeds';
import type { ScoreStorage } from '../storage/types';
import { RETRY_AFTER_SECONDS } from './storageErrors';

/** A store that has not answered by then is as good as down for a load balancer's probe. */
const PING_TIMEOUT_MS = 1000;

function pingWithin(ping: () => Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([ping(), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Healthy means able to serve: the score store and the seed store (no run is accepted without it) are
 * asked, and named, on every probe.
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  storage: ScoreStorage,
  seeds: RunSeeds | null,
): void {
  app.get('/health', async (request, reply) => {
    const checks: [error: string, ping: () => Promise<void>][] = [
      ['storage_unavailable', () => storage.ping()],
    ];
    if (seeds) checks.push(['seed_store_unavailable', () => seeds.ping()]);
    for (const [name, ping] of checks) {
      try {
        await pingWithin(ping, PING_TIMEOUT_MS);
      } catch (error) {
        request.log.error({ err: error, store: storage.kind }, `health check: ${name}`);
        return reply
          .code(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send({ ok: false, store: storage.kind, error: name });
      }
    }
    return { ok: true, store: storage.kind };
  });
}
