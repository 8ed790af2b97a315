import type { ServerResponse } from 'node:http';
import { safeJsonStringify } from '../json';

/** Headers on every answer, whoever writes it: never sniffed as another type, never cached. */
export function setStandardHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'no-store');
}

/** A JSON answer written straight to Node's response, for answers given before Fastify sees a request. */
export function sendRawJson(res: ServerResponse, status: number, body: unknown): void {
  const text = safeJsonStringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
