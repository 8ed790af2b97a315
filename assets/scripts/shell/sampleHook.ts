/**
 * `GameGlobal.__sample`, the same for both editions: what end-to-end tests read to find their way, in CSS
 * px of the game viewport, refreshed every frame. It only reports: the game never reads it back; test mode
 * comes from the launch query (`autoplay=1&seed=n`) and `GameGlobal.__testMode` (shell/testMode.ts).
 */
import { challengeGreeting } from '../social/challenge';
import type { Rect, SurfaceView } from '../social/protocol';
import type { GameFlow } from './flow/gameFlow';
import type { FinishedLevel } from './flow/screens';
import type { GameServices } from './services';

export interface SampleHook {
  screen: string;
  /** Enabled buttons by id, in CSS px of the game viewport (top-left origin). */
  buttons: Record<string, Rect>;
  /** Where the open data context surface is shown, or null. */
  surface: { view: SurfaceView; rect: Rect } | null;
  lastResult: FinishedLevel | null;
  /** The leaderboard screen's tab and state, e.g. "friends:authorized", "global:unreachable". */
  board: string | null;
  /** The invitation greeting on the main menu, when the game was opened from a card. */
  greeting: string | null;
  openId: string | null;
  /** Frames reported so far (shows the loop runs). */
  frames: number;
  /** Runs in the outbox, not yet accepted by the game server. */
  pendingRuns: number;
  /**
   * Where the last run stands on its way to the server: saving, saved, waiting or refused.
   */
  delivery: string | null;
  /** The toast on screen, if any, and where. */
  toast: { text: string; rect: Rect } | null;
}

/** What only the edition knows each frame: where its buttons and toast are on screen. */
export interface ScreenReport {
  buttons: Record<string, Rect>;
  toast: { text: string; rect: Rect } | null;
}

export type HookServices = Pick<GameServices, 'surface' | 'server' | 'launch' | 'outbox' | 'runDelivery'>;

export function installSampleHook(target: object = globalThis): SampleHook {
  const hook: SampleHook = {
    screen: 'boot',
    buttons: {},
    surface: null,
    lastResult: null,
    board: null,
    greeting: null,
    openId: null,
    frames: 0,
    pendingRuns: 0,
    delivery: null,
    toast: null,
  };
  const host = ((target as { GameGlobal?: object }).GameGlobal ?? target) as { __sample?: SampleHook };
  host.__sample = hook;
  return hook;
}

/** One frame's report: the flow's screen, what the services say, and the edition's layout. */
export function reportFrame(
  hook: SampleHook,
  flow: Pick<GameFlow, 'screen' | 'content' | 'lastResult'>,
  services: HookServices,
  gameName: string,
  screen: ScreenReport,
): void {
  const content = flow.content();
  hook.screen = content.name;
  hook.board = content.name === 'leaderboard' ? content.state : null;
  hook.buttons = screen.buttons;
  hook.toast = screen.toast;
  const shown = services.surface.current();
  hook.surface = shown ? { view: shown.view, rect: { ...shown.rect } } : null;
  hook.openId = services.server.session()?.openId ?? null;
  const challenge = services.launch().challenge;
  hook.greeting = challenge ? challengeGreeting(challenge, gameName) : null;
  hook.pendingRuns = services.outbox.pending().length;
  const last = flow.lastResult();
  hook.lastResult = last === null ? null : { ...last };
  hook.delivery = last === null ? null : (services.runDelivery(last.runId)?.kind ?? null);
  hook.frames += 1;
}
