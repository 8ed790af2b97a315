/**
 * The Global tab's data: the game server's board around the player, or a failure that says why (the
 * platform login, the network, the server's answer). The game draws it itself (no open data context
 * needed).
 */
import type { GlobalBoardEntry } from './serverAnswers';
import { type ServerClient, type ServerProblem, serverProblem } from './serverClient';

export type GlobalBoardState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly entries: readonly GlobalBoardEntry[];
      readonly youOpenId: string | null;
    }
  | { readonly status: 'failed'; readonly problem: ServerProblem; readonly reason: string };

export async function loadGlobalBoard(
  server: Pick<ServerClient, 'globalBoard' | 'session'>,
): Promise<GlobalBoardState> {
  try {
    const entries = await server.globalBoard(20);
    return { status: 'ready', entries, youOpenId: server.session()?.openId ?? null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'server unreachable';
    return { status: 'failed', problem: serverProblem(error), reason };
  }
}
