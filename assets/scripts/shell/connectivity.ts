/**
 * What the game knows of its connection, so that a failure is told by its cause and recovers by itself:
 * whether the device is offline (`getNetworkType` at launch and after a failure, `onNetworkStatusChange`
 * where the runtime has it), and whether the game server answered last time. Listeners hear when either
 * comes back.
 */
import type { GamePlatform } from '../platform/index';

export type ConnectivityPlatform = Partial<Pick<GamePlatform, 'onNetworkStatusChange' | 'networkType'>>;

export function createConnectivity(platform: ConnectivityPlatform) {
  let deviceOffline = false;
  let serverAnswered = true;
  const listeners = new Set<() => void>();
  const back = (): void => {
    for (const listener of listeners) listener();
  };
  const setOffline = (offline: boolean): void => {
    const wasOffline = deviceOffline;
    deviceOffline = offline;
    if (wasOffline && !offline) back();
  };

  // Asked at launch (a game started without a connection hears no change), and after each exchange with
  // the game server that failed or came while offline. Only the platform's answer changes anything.
  let asking = false;
  const askNetworkType = (): void => {
    if (asking || platform.networkType === undefined) return;
    asking = true;
    void platform
      .networkType()
      .then((type) => {
        if (type !== null) setOffline(type === 'none');
      })
      .finally(() => {
        asking = false;
      });
  };

  try {
    platform.onNetworkStatusChange?.(({ isConnected }) => setOffline(!isConnected));
  } catch {
    // A runtime without it: the device is taken to be online, and failures are the server's.
  }
  askNetworkType();

  return {
    /** The device said it has no connection. */
    offline: (): boolean => deviceOffline,

    /** Every answer, or its absence, from the game server. */
    noteServer(answered: boolean): void {
      const wasDown = !serverAnswered;
      serverAnswered = answered;
      // The platform decides whether the device is offline: an answer may have been on its way before the
      // connection went, so it proves nothing, and where the runtime sends no change events this is how
      // the game learns that the connection is back.
      if (!answered || deviceOffline) askNetworkType();
      if (wasDown && answered) back();
    },

    /** Called when the device is back online, or the game server answers again after it did not. */
    onBack(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Connectivity = ReturnType<typeof createConnectivity>;
