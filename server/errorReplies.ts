import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { RETRY_AFTER_SECONDS } from './routes/storageErrors';
import { StorageUnavailableError } from './storage/guarded';

/**
 * Every error the server answers is `{error, message}` in its own words, never with a piece of the
 * request in it: a path, a header, a body or a field name a client sent would otherwise come back in
 * the reply (and a reply that quotes markup is one sniffing step from running it). Fastify's own
 * messages quote the path and the parser's; they are replaced here, each with a fixed sentence.
 */
interface ErrorReply {
  status: number;
  error: string;
  message: string;
}

const FRAMEWORK_ERRORS: Record<string, ErrorReply> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    error: 'invalid_json',
    message: 'the body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'invalid_json', message: 'the body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    error: 'body_too_large',
    message: 'the body is larger than this route accepts (docs/server.md, "Limits")',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error: 'unsupported_media_type',
    message: 'bodies are JSON: send Content-Type: application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    error: 'invalid_request',
    message: 'the body does not match its Content-Length',
  },
  FST_ERR_BAD_URL: { status: 400, error: 'invalid_url', message: 'the path is not a valid URL' },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 400,
    error: 'invalid_request',
    message: 'a path segment is longer than any this API takes',
  },
};

/**
 * The validator of every route schema (zod). The parsed value (defaults, coercions) replaces the
 * input; a refusal names each field by its place in the schema and says what it must be. Zod's words
 * for an unknown field quote its name, so that one is said without it.
 */
export function zodValidator({ schema }: { schema: unknown }) {
  return (data: unknown) => {
    const result = (schema as ZodType).safeParse(data);
    if (result.success) return { value: result.data };
    const message = result.error.issues
      .map((issue) => {
        const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
        const what =
          issue.code === 'unrecognized_keys' ? 'holds a field this route does not take' : issue.message;
        return `${where}: ${what}`;
      })
      .join('; ');
    return { error: new Error(message) };
  };
}

/** Fastify's error handler: storage failures are 503, framework errors fixed sentences, the rest 500. */
export function replyToError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof StorageUnavailableError) {
    request.log.error({ err: error }, 'storage unavailable');
    return reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({
        error: 'storage_unavailable',
        message: `the store is unavailable; retry in ${RETRY_AFTER_SECONDS} s`,
      });
  }
  // Built by zodValidator from the schema's own words, never from the input.
  if (error.code === 'FST_ERR_VALIDATION') {
    return reply.code(400).send({ error: 'invalid_request', message: error.message });
  }
  const known = FRAMEWORK_ERRORS[error.code];
  if (known) return reply.code(known.status).send({ error: known.error, message: known.message });
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal_error', message: 'the server failed; retry later' });
  }
  return reply
    .code(status)
    .send({ error: 'bad_request', message: `the request was refused (HTTP ${status})` });
}

/** Fastify's `frameworkErrors`: a malformed or over-long path, found while routing. */
export function replyToFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
  return replyToError(error, request, reply);
}

const CLIENT_ERRORS: Record<string, ErrorReply> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    error: 'request_timeout',
    message: 'the request did not arrive in time',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    error: 'headers_too_large',
    message: 'the request headers are too large',
  },
};
const NOT_HTTP: ErrorReply = { status: 400, error: 'bad_request', message: 'the request is not valid HTTP' };
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Node's `clientError`: a request Node could not parse, or one that timed out. Answered on the socket
 * itself (there is no request object yet), with the same headers as every other answer, then closed.
 */
export function replyToClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, ...body } = CLIENT_ERRORS[error.code ?? ''] ?? NOT_HTTP;
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(text)}\r\nx-content-type-options: nosniff\r\n` +
        `cache-control: no-store\r\nconnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
