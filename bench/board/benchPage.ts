/**
 * What both board benchmarks stand on: their page script bundled as `npm run build` bundles a package
 * script, a local HTTP server on a free port, and Debian's Chromium.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from '@playwright/test';
import { bundleScript } from '../../tools/bundle';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles a page script of this folder (`page.ts`, `openPage.ts`) for the browser. */
export const bundlePage = (file: string): Promise<string> => bundleScript(join(here, file));

/** Serves `handler` on 127.0.0.1 at a free port. */
export async function serveLocally(handler: RequestListener): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Debian's Chromium (CHROMIUM_PATH elsewhere), never a downloaded browser. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
