import { connect } from 'node:net';

/** An answer as it came off the socket. */
export interface RawAnswer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** Everything the server sent, status line included. */
  raw: string;
  /** When the server closed the socket, in ms after the request was written; null if it did not. */
  closedAfterMs: number | null;
}

/**
 * Writes `request` byte for byte on a new socket (paths the HTTP clients would refuse or rewrite
 * included) and reads until the server closes it or `waitMs` passes.
 */
export function rawRequest(port: number, request: string, waitMs = 3000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    let closedAfterMs: number | null = null;
    const started = Date.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        headers,
        body: rest.join('\r\n\r\n'),
        raw,
        closedAfterMs,
      });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk) => {
      raw += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      closedAfterMs = Date.now() - started;
      finish();
    });
    socket.write(request, 'latin1');
  });
}
