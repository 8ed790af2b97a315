/**
 * What the game knows of its connection, so that a failure is told by its cause and recovers by itself:
 * whether the device said it is offline (`onNetworkStatusChange`, where the runtime has it), and whether
 * the game server answered last time. Listeners hear when either comes back.
 */
import type { GamePlatform } from '../platform/index';

export type ConnectivityPlatform = Partial<Pick<GamePlatform, 'onNetworkStatusChange'>>;

export function createConnectivity(platform: ConnectivityPlatform) {
  let deviceOffline = false;
  let serverAnswered = true;
  const listeners = new Set<() => void>();
  const back = (): void => {
    for (const listener of listeners) listener();
  };

  try {
    platform.onNetworkStatusChange?.(({ isConnected }) => {
      const wasOffline = deviceOffline;
      deviceOffline = !isConnected;
      if (wasOffline && isConnected) back();
    });
  } catch {
    // A runtime without it: the device is taken to be online, and failures are the server's.
  }

  return {
    /** The device said it has no connection. */
    offline: (): boolean => deviceOffline,

    /** Every answer, or its absence, from the game server. */
    noteServer(answered: boolean): void {
      const wasDown = !serverAnswered;
      serverAnswered = answered;
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
