import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CodeExchange, InvalidCodeError, PlatformUnavailableError } from '../platform/tiktokClient';
import type { ServerContext } from './context';

/** Exchanges a platform code, or sends 401 (bad code) / 502 (platform down) and returns null. */
export async function exchangeOrReply(
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  code: string,
): Promise<CodeExchange | null> {
  try {
    return await context.platform.exchangeCode(code);
  } catch (error) {
    if (error instanceof InvalidCodeError) {
      request.log.info({ reason: error.message }, 'code refused by the platform');
      reply
        .code(401)
        .send({ error: 'invalid_code', message: `${error.message}; call login() for a new code` });
      return null;
    }
    if (error instanceof PlatformUnavailableError) {
      request.log.error({ reason: error.message }, 'platform unavailable');
      reply
        .code(502)
        .send({ error: 'platform_unavailable', message: 'the platform could not be reached; retry later' });
      return null;
    }
    throw error;
  }
}
