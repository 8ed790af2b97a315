import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isPlatformMode, PLATFORM_MODES, type PlatformMode } from './device';
import { bundleWeb } from './server/bundle';
import { createFrameHandler } from './server/frameServers';
import { FRIEND_DATA_SHAPES, isFriendDataShape, modeOfFriendData } from './server/friendShape';
import { gameDisplayName, UNNAMED_GAME } from './server/gameName';
import { createMainHandler } from './server/mainServer';
import { readPackageConfig } from './server/packageConfig';
import { Platform } from './server/platform';
import { portalWarnings } from './server/portalConfig';
import { SimClock } from './server/runtimeState';
import { Store } from './server/store';

export { type SeededBest, seededBests } from './server/fixture';

/** The local TikTok host: Main Frame, game frame and open data context origins, and platform services. */

export interface SimulatorOptions {
  port?: number;
  gamePort?: number;
  contextPort?: number;
  /** SQLite state lives here; it survives restarts (and SIGKILL). */
  dataDir: string;
  /** Built package: game.js, game.json, project.config.json, openDataContext/index.js, assets. */
  packageDir: string;
  /** Accepted at /v2/oauth/token/ with the package's app id. Never ship it in a game. */
  clientSecret?: string;
  log?: boolean;
  /** Clock for codes and tokens; tests inject one (or use POST /__sim/clock). */
  now?: () => number;
  /** The runtime the phone behaves as after start and after each reset (`tiktok` unless set). */
  platformMode?: PlatformMode;
  /**
   * Awaited by POST /__sim/reset after the simulator's own state is cleared, before it answers: `npm start`
   * clears the game server's boards here, so a test's fresh world is fresh on both sides.
   */
  onReset?: () => Promise<void>;
  /**
   * Stops (true) or restarts (false) the game server running beside the simulator, for the devtools'
   * "Game server down" and POST /__sim/game-server: `npm start` passes its own. Without it the switch says
   * that no game server is attached.
   */
  setGameServerDown?: (down: boolean) => Promise<void>;
}

export interface RunningSimulator {
  close(): Promise<void>;
  urls: { main: string; game: string; context: string };
  /** What the developer should know at start (a Developer Portal setting the package's config lacks). */
  warnings: readonly string[];
}

export const DEFAULT_CLIENT_SECRET = 'simulator-dev-secret';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use (another simulator running?)`)
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * `SIM_PLATFORM=douyin npm start` behaves as Douyin without a code change; `SIM_FRIEND_DATA=douyin` is the
 * older name (the row shape was the first runtime difference the simulator had).
 */
export function modeFromEnvironment(env: NodeJS.ProcessEnv = process.env): PlatformMode {
  const mode = env.SIM_PLATFORM;
  if (mode !== undefined) {
    if (!isPlatformMode(mode))
      throw new Error(`SIM_PLATFORM must be one of ${PLATFORM_MODES.join(', ')}, got ${mode}`);
    return mode;
  }
  const shape = env.SIM_FRIEND_DATA ?? 'guide';
  if (!isFriendDataShape(shape))
    throw new Error(`SIM_FRIEND_DATA must be one of ${FRIEND_DATA_SHAPES.join(', ')}, got ${shape}`);
  return modeOfFriendData(shape);
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const { appId, contextDir, subpackages, network, portal } = await readPackageConfig(options.packageDir);
  const appName = gameDisplayName(options.packageDir);
  const warnings = portalWarnings(portal);
  const ports = {
    main: options.port ?? 9527,
    game: options.gamePort ?? 9528,
    context: options.contextPort ?? 9529,
  };
  const origins = {
    main: `http://localhost:${ports.main}`,
    game: `http://localhost:${ports.game}`,
    context: `http://127.0.0.1:${ports.context}`,
  };

  const store = new Store(options.dataDir);
  const platform = new Platform({
    store,
    mainOrigin: origins.main,
    clock: new SimClock(options.now),
    device: { platform: options.platformMode ?? modeFromEnvironment() },
    // A card's title on TikTok is the one configured for the game; the game's name until one is.
    shareCard: {
      title: portal.shareCard.title ?? (appName === UNNAMED_GAME ? '' : appName),
      imageUrl: portal.shareCard.imageUrl,
    },
  });
  const bundles = await bundleWeb();
  const css = readFileSync(fileURLToPath(new URL('./web/main.css', import.meta.url)), 'utf8');
  const main = createMainHandler({
    platform,
    bundles,
    css,
    origins,
    client: {
      key: appId,
      secret: options.clientSecret ?? process.env.SIM_CLIENT_SECRET ?? DEFAULT_CLIENT_SECRET,
    },
    openDataContext: contextDir !== undefined,
    appName,
    onReset: options.onReset,
    setGameServerDown: options.setGameServerDown,
    warnings,
  });
  const logged = (handler: ReturnType<typeof createMainHandler>['handler']): typeof handler =>
    options.log
      ? (req, res) => {
          // The devtools poll every second: log what changes state or fails, not the polling.
          res.on('finish', () => {
            if (req.method === 'GET' && res.statusCode < 400) return;
            if (req.url === '/__api/context-stats' || req.url === '/__api/frame') return;
            console.log(`[simulator] ${req.method} ${req.url} ${res.statusCode}`);
          });
          handler(req, res);
        }
      : handler;

  const servers: Server[] = [
    createServer(logged(main.handler)),
    createServer(
      createFrameHandler(
        {
          packageDir: options.packageDir,
          mainOrigin: origins.main,
          runtime: bundles.gameRuntime,
          entry: 'game.js',
          root: '.',
          hidden: contextDir,
          subpackages,
          network,
        },
        'game',
      ),
    ),
  ];
  if (contextDir) {
    servers.push(
      createServer(
        createFrameHandler(
          {
            packageDir: options.packageDir,
            mainOrigin: origins.main,
            runtime: bundles.contextRuntime,
            entry: `${contextDir}/index.js`,
            root: contextDir,
            // The open data context may draw images, but cannot fetch or send anything anywhere.
            headers: {
              'content-security-policy':
                "default-src 'self'; script-src 'self' 'unsafe-inline'; img-src * data: blob:; connect-src 'none'; style-src 'unsafe-inline'",
            },
          },
          'open data context',
        ),
      ),
    );
  }
  try {
    await listen(servers[0] as Server, ports.main);
    await listen(servers[1] as Server, ports.game);
    if (servers[2]) await listen(servers[2], ports.context);
  } catch (error) {
    await Promise.all(servers.filter((server) => server.listening).map(closeServer));
    store.close();
    throw error;
  }
  if (options.log)
    console.log(
      `[simulator] Main Frame ${origins.main}/  game ${origins.game}  open data context ${origins.context}`,
    );
  return {
    urls: origins,
    warnings,
    async close() {
      main.closeStreams();
      await Promise.all(servers.map(closeServer));
      store.close();
    },
  };
}
