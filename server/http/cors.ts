import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for one origin, the game's, on every answer the server writes (rate-limit refusals and
 * framework errors included, so the game can read them). Preflights are answered here, before any
 * limit or route: they carry no session, cost nothing, and a browser sends one per new URL.
 */
const ALLOW_METHODS = 'GET, POST';
const ALLOW_HEADERS = 'Content-Type, Authorization';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export function allowGameOrigin(req: IncomingMessage, res: ServerResponse, origin: string): void {
  res.setHeader('vary', 'Origin');
  if (req.headers.origin === origin) res.setHeader('access-control-allow-origin', origin);
}

/** 204 to an OPTIONS request: the allowed methods and headers when it comes from the game's origin. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, origin: string): void {
  if (req.headers.origin === origin) {
    res.setHeader('access-control-allow-methods', ALLOW_METHODS);
    res.setHeader('access-control-allow-headers', ALLOW_HEADERS);
    res.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
  }
  res.writeHead(204, { 'content-length': '0' });
  res.end();
}
