import type { IncomingMessage } from 'node:http';
import { isPlatformMode, PLATFORM_MODES, parseTikTokVersion } from '../device';
import { FRIEND_DATA_SHAPES, friendDataOf, isFriendDataShape, modeOfFriendData } from './friendShape';
import { HttpError, readJson } from './httpUtil';
import type { Platform } from './platform';
import { mergeFaults } from './runtimeState';

/**
 * The phone's settings in the control API (`/__sim/device`, `/__sim/platform`, `/__sim/tiktok-version`,
 * `/__sim/network`, `/__sim/game-server`, `/__sim/share-card`) and the faults. The devtools call these,
 * and so can tests.
 */

export interface DeviceRoutesOptions {
  platform: Platform;
  /** Tells the Main Frame (and through it both frames) what changed. */
  broadcast(event: string, data?: unknown): void;
  /** Stops or restarts the game server `npm start` runs beside the simulator; absent on its own. */
  setGameServerDown?: (down: boolean) => Promise<void>;
  /** What the simulator found worth saying at start (a missing Developer Portal setting). */
  warnings: readonly string[];
}

type Reply = { status: number; body: unknown } | undefined;

const MAX_TITLE = 512;

export function createDeviceRoutes(options: DeviceRoutesOptions) {
  const { platform } = options;
  let gameServerDown = false;

  const summary = () => ({
    device: platform.device,
    shareCard: platform.shareCard,
    gameServer: { attached: options.setGameServerDown !== undefined, down: gameServerDown },
    faults: platform.faults,
    warnings: options.warnings,
  });
  const changed = () => {
    options.broadcast('device', { device: platform.device });
    return { status: 200, body: summary() };
  };
  const booleanOf = (body: unknown, name: string): boolean => {
    const value = (body as Record<string, unknown> | null)?.[name];
    if (typeof value !== 'boolean') throw new HttpError(400, `send {${name}: true | false}`);
    return value;
  };

  async function setGameServer(down: boolean): Promise<void> {
    if (!options.setGameServerDown)
      throw new HttpError(409, 'no game server runs beside this simulator (npm start runs one)');
    await options.setGameServerDown(down);
    gameServerDown = down;
  }

  function shareCard(body: unknown): void {
    const { title, imageUrl } = (body ?? {}) as Record<string, unknown>;
    if (title !== undefined && (typeof title !== 'string' || title.length > MAX_TITLE))
      throw new HttpError(400, `title must be a string of at most ${MAX_TITLE} characters`);
    if (imageUrl !== undefined) {
      const parsed = typeof imageUrl === 'string' && URL.canParse(imageUrl) ? new URL(imageUrl) : null;
      if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
        throw new HttpError(400, 'imageUrl must be an absolute http(s) URL');
    }
    platform.shareCard = {
      title: typeof title === 'string' ? title : platform.shareCard.title,
      imageUrl: typeof imageUrl === 'string' ? imageUrl : platform.shareCard.imageUrl,
    };
  }

  /** Answers a /__sim/ route about the phone, or undefined when the route is another's. */
  async function route(method: string, path: string, req: IncomingMessage): Promise<Reply> {
    const key = `${method} ${path}`;
    switch (key) {
      case 'GET /__sim/device':
        return { status: 200, body: summary() };
      case 'POST /__sim/platform': {
        const mode = ((await readJson(req)) as { mode?: unknown }).mode;
        if (!isPlatformMode(mode))
          throw new HttpError(400, `mode must be one of ${PLATFORM_MODES.join(', ')}`);
        platform.device = { ...platform.device, platform: mode };
        return changed();
      }
      case 'GET /__sim/data-shape':
        return { status: 200, body: { friendData: friendDataOf(platform.device.platform) } };
      case 'POST /__sim/data-shape': {
        const shape = ((await readJson(req)) as { friendData?: unknown }).friendData;
        if (!isFriendDataShape(shape))
          throw new HttpError(400, `friendData must be one of ${FRIEND_DATA_SHAPES.join(', ')}`);
        platform.device = { ...platform.device, platform: modeOfFriendData(shape) };
        changed();
        return { status: 200, body: { friendData: shape } };
      }
      case 'POST /__sim/tiktok-version': {
        const version = parseTikTokVersion(((await readJson(req)) as { version?: unknown }).version);
        if (!version)
          throw new HttpError(400, 'version must be "current" or major.minor.patch, such as 40.2.0');
        platform.device = { ...platform.device, tiktokVersion: version };
        return changed();
      }
      case 'POST /__sim/network':
        platform.device = { ...platform.device, networkDown: booleanOf(await readJson(req), 'down') };
        return changed();
      case 'POST /__sim/game-server':
        await setGameServer(booleanOf(await readJson(req), 'down'));
        return changed();
      case 'POST /__sim/share-card':
        shareCard(await readJson(req));
        return { status: 200, body: summary() };
      case 'GET /__sim/faults':
        return { status: 200, body: platform.faults };
      case 'POST /__sim/faults': {
        const merged = mergeFaults(platform.faults, await readJson(req));
        if (typeof merged === 'string') throw new HttpError(400, merged);
        platform.faults = merged;
        return { status: 200, body: merged };
      }
      default:
        return undefined;
    }
  }

  /** After a reset: the phone as it started, its game server running again (the reset restarted it). */
  function afterReset(): void {
    gameServerDown = false;
    options.broadcast('device', { device: platform.device });
  }

  return { route, afterReset };
}
