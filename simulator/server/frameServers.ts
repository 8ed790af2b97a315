import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { NetworkRules } from '../../tools/package-check/requestDomains';
import { contentTypes, escapeForScript, HttpError, sendBytes, sendJson } from './httpUtil';
import { moduleTable } from './moduleTable';
import type { Subpackage } from './packageConfig';

/**
 * The game frame origin (the package minus the open data context) and the open data context origin
 * (its folder only). Each page loads its runtime shim, which waits for the Main Frame's init, loads
 * the origin's module table (/__modules.js) and requires the entry file.
 */

interface FrameServerOptions {
  packageDir: string;
  mainOrigin: string;
  runtime: string;
  /** Module id of the entry file ('game.js', 'openDataContext/index.js'). */
  entry: string;
  /** Subpackages of game.json; their files load with tt.loadSubpackage (game frame only). */
  subpackages?: Subpackage[];
  /** What the game frame's `request` may reach; omitted for the open data context, which has no `request`. */
  network?: NetworkRules;
  /** Folder of the package this origin serves; files outside it are not served. */
  root: string;
  /** Path prefix under root that this origin must not serve (the game frame never gets the context's files). */
  hidden?: string;
  headers?: Record<string, string>;
}

function page(options: FrameServerOptions, title: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title>
<style>html,body{margin:0;height:100%;overflow:hidden;background:#000;touch-action:none;user-select:none}</style></head>
<body><script>window.__SIM_CONFIG__ = ${escapeForScript({
    mainOrigin: options.mainOrigin,
    entry: options.entry,
    root: options.root === '.' ? '' : options.root,
    subpackages: options.subpackages ?? [],
    ...(options.network ? { network: options.network } : {}),
  })};</script>
<script src="/__runtime.js"></script></body></html>`;
}

async function serveFile(res: ServerResponse, options: FrameServerOptions, urlPath: string): Promise<void> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const file = join(options.packageDir, relative);
  const root = join(options.packageDir, options.root);
  if (!(file === root || file.startsWith(root.endsWith(sep) ? root : root + sep)))
    throw new HttpError(404, 'not found');
  if (options.hidden && file.startsWith(join(options.packageDir, options.hidden)))
    throw new HttpError(404, 'not found');
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new HttpError(404, `${urlPath} not found in the package`);
  const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  sendBytes(res, type, await readFile(file), options.headers ?? {});
}

async function sendModules(res: ServerResponse, options: FrameServerOptions, url: URL): Promise<void> {
  const subpackages = options.subpackages ?? [];
  const name = url.searchParams.get('subpackage');
  let text: string;
  if (name === null) {
    const exclude = [...(options.hidden ? [options.hidden] : []), ...subpackages.map((entry) => entry.root)];
    text = await moduleTable(options.packageDir, options.root, exclude);
  } else {
    const entry = subpackages.find((candidate) => candidate.name === name);
    if (!entry) throw new HttpError(404, `no subpackage ${name} in game.json`);
    text = await moduleTable(options.packageDir, entry.root, []);
  }
  sendBytes(res, 'text/javascript; charset=utf-8', text);
}

export function createFrameHandler(options: FrameServerOptions, title: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://frame').pathname;
    const work = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'read-only origin');
      if (path === '/')
        return sendBytes(res, 'text/html; charset=utf-8', page(options, title), options.headers ?? {});
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (path === '/__runtime.js') return sendBytes(res, 'text/javascript; charset=utf-8', options.runtime);
      if (path === '/__modules.js') return sendModules(res, options, new URL(req.url ?? '/', 'http://frame'));
      return serveFile(res, options, path);
    };
    work().catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent)
        sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  };
}
