import type { FastifyReply, FastifyRequest } from 'fastify';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * A preParsing hook: JSON bodies must be UTF-8 (RFC 8259). A body declared in another charset is
 * refused with 415 before it is read, rather than decoded as UTF-8 into something else.
 */
export async function refuseNonUtf8(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return;
  await reply.code(415).send({
    error: 'unsupported_charset',
    message: 'JSON bodies must be UTF-8; send Content-Type: application/json without another charset',
  });
}
