import { type IncomingHttpHeaders, request } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** What `app.inject` answers, for a request sent over a real socket. */
export interface HttpAnswer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read answers of every shape, as with inject.
  json(): any;
}

export interface HttpRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  payload?: unknown;
  /** The local address to connect from (any of 127.0.0.0/8): another client, as the server sees it. */
  from?: string;
}

export type SendOverHttp = (request: HttpRequest) => Promise<HttpAnswer>;

/**
 * Requests over real sockets: what `app.inject` skips (the admission in front of Fastify: rate limits,
 * CORS, standard headers) is on this path. Each request has its own connection.
 */
export function overHttp(app: FastifyInstance): SendOverHttp {
  let listening: Promise<string> | undefined;
  return async ({ method = 'GET', url, headers = {}, payload, from }) => {
    // A server already listening (startGameServer's) is used where it is.
    const address = app.server.address();
    listening ??=
      address !== null && typeof address === 'object'
        ? Promise.resolve(`http://127.0.0.1:${address.port}`)
        : app.listen({ port: 0, host: '127.0.0.1' });
    const base = new URL(await listening);
    const body =
      payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload);
    const allHeaders: Record<string, string> = { ...headers };
    if (body !== undefined) {
      allHeaders['content-type'] ??= 'application/json';
      allHeaders['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const sent = request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path: url,
          headers: allHeaders,
          agent: false,
          ...(from ? { localAddress: from } : {}),
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('end', () =>
            resolve({
              statusCode: response.statusCode ?? 0,
              headers: response.headers,
              body: text,
              json: () => JSON.parse(text),
            }),
          );
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
  };
}
