import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebBundles } from './bundle';
import { createControlRoutes, scopeLabels } from './controlRoutes';
import { escapeForScript, HttpError, readBody, readJson, sendBytes, sendJson } from './httpUtil';
import { avatarPng, defaultShareImagePng } from './images';
import { exchangeCode, userInfo } from './oauth';
import type { Domain, Platform } from './platform';
import type { ContextStats } from './runtimeState';

/**
 * The Main Frame origin: its page, the platform services, the OAuth endpoints and the /__sim/
 * control API. No CORS headers, so the frames cannot read any of it, except avatar and share
 * images, which the open data context must be able to draw without tainting its canvas.
 */

export interface MainServerOptions {
  platform: Platform;
  bundles: WebBundles;
  css: string;
  origins: { main: string; game: string; context: string };
  client: { key: string; secret: string };
  openDataContext: boolean;
  appName: string;
  /** Clears state outside the simulator (the game server's boards, in development) on POST /__sim/reset. */
  onReset?: () => Promise<void>;
  /** Stops or restarts the game server that runs beside the simulator (`npm start`). */
  setGameServerDown?: (down: boolean) => Promise<void>;
  /** Said at start and shown in the devtools (a missing Developer Portal setting). */
  warnings?: readonly string[];
}

const MAX_FRAME_BYTES = 16 << 20;

export function createMainHandler(options: MainServerOptions) {
  const { platform } = options;
  const sseClients = new Set<ServerResponse>();
  let frame: { seq: number; png: Buffer } = { seq: 0, png: Buffer.alloc(0) };
  let contextStats: ContextStats = { animationFramesRequested: 0, framesCommitted: 0, messagesDelivered: 0 };

  const broadcast = (event: string, data: unknown = {}) => {
    for (const client of sseClients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const control = createControlRoutes({
    platform,
    broadcast,
    onReset: options.onReset,
    setGameServerDown: options.setGameServerDown,
    warnings: options.warnings ?? [],
    forgetFrame: () => {
      frame = { seq: frame.seq, png: Buffer.alloc(0) };
    },
    contextStats: () => ({ ...contextStats, framesPublished: frame.seq }),
  });

  /**
   * With the phone offline, what a frame loads from the internet fails to load (avatars, share images);
   * the Main Frame page's own requests (same origin: the devtools' avatars) still load.
   */
  const offlineFor = (req: IncomingMessage) =>
    platform.device.networkDown && req.headers['sec-fetch-site'] !== 'same-origin';

  const mainPage = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TikTok host simulator</title>
<link rel="stylesheet" href="/main.css"></head>
<body><div id="phone" aria-label="phone"></div><aside id="devtools" aria-label="devtools"></aside>
<script>window.__SIM_MAIN__ = ${escapeForScript({
    gameOrigin: options.origins.game,
    contextOrigin: options.origins.context,
    openDataContext: options.openDataContext,
    appName: options.appName,
  })};</script>
<script src="/main.js"></script></body></html>`;

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const isControl = path.startsWith('/__sim/') || path.startsWith('/__api/');
    if (isControl) {
      // A page on another origin may still *send* a simple request; refuse anything that says it came from one.
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== options.origins.main)
        throw new HttpError(403, 'only the Main Frame may call this');
      if (path.startsWith('/__api/') && method === 'POST' && origin !== options.origins.main)
        throw new HttpError(403, 'only the Main Frame may call this');
    }
    const key = `${method} ${path}`;
    const match = (pattern: RegExp) => (method === 'GET' ? pattern.exec(path) : null);

    if (key === 'GET /') return sendBytes(res, 'text/html; charset=utf-8', mainPage());
    if (key === 'GET /main.js') return sendBytes(res, 'text/javascript; charset=utf-8', options.bundles.main);
    if (key === 'GET /main.css') return sendBytes(res, 'text/css; charset=utf-8', options.css);
    if (key === 'GET /favicon.ico') {
      res.writeHead(204).end();
      return;
    }

    if (offlineFor(req) && (path.startsWith('/avatars/') || path.startsWith('/share-images/'))) {
      res.writeHead(503, { 'cache-control': 'no-store' }).end();
      return;
    }
    const avatarMatch = match(/^\/avatars\/([^/]+)\.png$/);
    if (avatarMatch) {
      const openId = decodeURIComponent(avatarMatch[1] ?? '');
      if (!platform.store.user(openId)) throw new HttpError(404, 'no such avatar');
      const delay = platform.faults.slowAvatarsMs;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      // The fault answers without CORS and uncached, so switching it takes effect at the next load.
      const headers: Record<string, string> = platform.faults.avatarsWithoutCors
        ? { 'cache-control': 'no-store' }
        : { 'access-control-allow-origin': '*', 'cache-control': 'max-age=60' };
      return sendBytes(res, 'image/png', avatarPng(openId), headers);
    }
    if (key === 'GET /share-images/default.png') {
      return sendBytes(res, 'image/png', defaultShareImagePng(), { 'access-control-allow-origin': '*' });
    }
    if (method === 'GET' && /^\/__frames\/\d+\.png$/.test(path)) {
      // Deliberately without CORS: the game frame can show this image but never read it.
      return sendBytes(res, 'image/png', frame.png);
    }

    // OAuth, called by the game server.
    if (key === 'POST /v2/oauth/token/') {
      const form = new URLSearchParams((await readBody(req, 64 << 10)).toString('utf8'));
      const reply = exchangeCode(platform, form, options.client);
      return sendJson(res, reply.status, reply.body);
    }
    if (key === 'GET /v2/user/info/') {
      const reply = userInfo(platform, req.headers.authorization, url.searchParams.get('fields'));
      return sendJson(res, reply.status, reply.body);
    }

    // Main Frame page only.
    if (key === 'GET /__api/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (key === 'GET /__api/session') {
      const user = platform.activeUser();
      return sendJson(res, 200, {
        user: {
          open_id: user.open_id,
          display_name: user.display_name,
          avatar_url: platform.avatarUrl(user.open_id),
        },
        launchOptions: platform.launch,
        device: platform.device,
        storageNamespace: createHash('sha256').update(`storage:${user.open_id}`).digest('hex').slice(0, 16),
        scopeLabels,
      });
    }
    if (key === 'POST /__api/call') {
      const body = (await readJson(req)) as { domain?: unknown; api?: unknown; args?: unknown };
      if (body.domain !== 'game' && body.domain !== 'context')
        throw new HttpError(400, 'domain must be game or context');
      if (typeof body.api !== 'string') throw new HttpError(400, 'api must be a string');
      return sendJson(res, 200, await platform.call(body.domain as Domain, body.api, body.args));
    }
    if (key === 'POST /__api/consent') {
      const body = (await readJson(req)) as { ticket?: unknown; granted?: unknown };
      return sendJson(res, 200, platform.finishConsent(String(body.ticket), body.granted));
    }
    if (key === 'POST /__api/contacts') {
      const body = (await readJson(req)) as { ticket?: unknown; openIds?: unknown };
      return sendJson(res, 200, platform.finishShare(String(body.ticket), body.openIds));
    }
    if (key === 'POST /__api/settings') {
      const body = (await readJson(req)) as { ticket?: unknown; allowed?: unknown };
      return sendJson(res, 200, platform.finishSettings(String(body.ticket), body.allowed));
    }
    if (key === 'POST /__api/frame') {
      const png = await readBody(req, MAX_FRAME_BYTES);
      if (png.length < 8 || png.readUInt32BE(0) !== 0x89504e47)
        throw new HttpError(400, 'frame must be a PNG');
      frame = { seq: frame.seq + 1, png };
      return sendJson(res, 200, { url: `${options.origins.main}/__frames/${frame.seq}.png` });
    }
    if (key === 'POST /__api/context-stats') {
      const body = (await readJson(req)) as Partial<ContextStats>;
      const count = (value: unknown) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
      contextStats = {
        animationFramesRequested: count(body.animationFramesRequested),
        framesCommitted: count(body.framesCommitted),
        messagesDelivered: count(body.messagesDelivered),
      };
      return sendJson(res, 200, { ok: true });
    }
    if (key === 'POST /__api/open-card') {
      const body = (await readJson(req)) as { id?: unknown; warm?: unknown };
      const card = typeof body.id === 'number' ? platform.store.card(body.id) : undefined;
      if (!card || card.to_open_id !== platform.activeUser().open_id)
        throw new HttpError(404, 'no such card in the active user’s inbox');
      control.openCard(card.id, body.warm === true);
      return sendJson(res, 200, { ok: true });
    }

    if (path.startsWith('/__sim/')) {
      const reply = await control.route(method, path, url, req);
      if (reply) return sendJson(res, reply.status, reply.body);
    }
    throw new HttpError(404, `no route for ${method} ${path}`);
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', options.origins.main);
    route(req, res, url).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent)
        sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  };
  const closeStreams = () => {
    for (const client of sseClients) client.end();
    sseClients.clear();
  };
  return { handler, closeStreams };
}
