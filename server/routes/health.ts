import type { FastifyInstance } from 'fastify';
import type { ScoreStorage } from '../storage/types';
import { RETRY_AFTER_SECONDS } from './storageErrors';

/** A store that has not answered by then is as good as down for a load balancer's probe. */
const PING_TIMEOUT_MS = 1000;

function pingWithin(storage: ScoreStorage, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([storage.ping(), timeout]).finally(() => clearTimeout(timer));
}

/** Healthy means able to serve: the store is asked, and named, on every probe. */
export function registerHealthRoutes(app: FastifyInstance, storage: ScoreStorage): void {
  app.get('/health', async (request, reply) => {
    try {
      await pingWithin(storage, PING_TIMEOUT_MS);
      return { ok: true, store: storage.kind };
    } catch (error) {
      request.log.error({ err: error, store: storage.kind }, 'health check: storage unavailable');
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ ok: false, store: storage.kind, error: 'storage_unavailable' });
    }
  });
}
