/**
 * The Global tab's data: the game server's board around the player, or a clear "offline" state with a
 * reason when the server cannot be reached. The game draws it itself (no open data context needed).
 */
import type { GlobalBoardEntry, ServerClient } from './serverClient';

export type GlobalBoardState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly entries: readonly GlobalBoardEntry[];
      readonly youOpenId: string | null;
    }
  | { readonly status: 'offline'; readonly reason: string };

export async function loadGlobalBoard(
  server: Pick<ServerClient, 'globalBoard' | 'session'>,
): Promise<GlobalBoardState> {
  try {
    const entries = await server.globalBoard(20);
    return { status: 'ready', entries, youOpenId: server.session()?.openId ?? null };
  } catch (error) {
    return { status: 'offline', reason: error instanceof Error ? error.message : 'server unreachable' };
  }
}
