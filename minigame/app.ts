/**
 * The Canvas 2D edition's app: one current screen, a frame loop that stops in the background, touch
 * input routed to the open data context surface first and then to buttons, and the test hook's report.
 * Screens see it as a ScreenContext (screenContext.ts) and never import it.
 */
import { levelConfig, type Playthrough } from '../assets/scripts/core/index';
import type { GamePlatform, TouchEventLike, TouchPhase } from '../assets/scripts/platform/index';
import {
  createLevelProgress,
  type EntryPoint,
  type FinishedLevel,
  type FriendBoardOutcome,
  type GameServices,
  type LevelProgress,
  reportFrame,
  type SampleHook,
} from '../assets/scripts/shell/index';
import type { PointerPhase, Rect } from '../assets/scripts/social/protocol';
import type { Screen } from './screen';
import type { ScreenContext } from './screenContext';
import { consentScreen } from './screens/consent';
import { leaderboardScreen } from './screens/leaderboard';
import { menuScreen } from './screens/menu';
import { playScreen } from './screens/play';
import { resultsScreen } from './screens/results';
import type { TestMode } from './testMode';
import { font } from './theme';
import { type Button, contains, drawButton, roundRect } from './ui';
import type { View } from './view';

const TOUCH_TO_POINTER: Record<TouchPhase, PointerPhase> = {
  start: 'down',
  move: 'move',
  end: 'up',
  cancel: 'cancel',
};

export class App implements ScreenContext {
  readonly progress: LevelProgress;
  /** A toast line shown at the bottom of any screen for a few seconds (share results and the like). */
  toast: { text: string; until: number } | null = null;
  private screen: Screen;
  private pressed: Button | null = null;
  private trackedTouch: number | null = null;
  private running = false;
  private lastFrameTime: number | null = null;
  private flowBusy = false;

  constructor(
    readonly platform: GamePlatform,
    readonly view: View,
    readonly services: GameServices,
    readonly testMode: TestMode,
    private readonly hook: SampleHook,
  ) {
    this.progress = createLevelProgress(platform);
    this.screen = menuScreen(this);
  }

  start(): void {
    for (const phase of ['start', 'move', 'end', 'cancel'] as const) {
      this.platform.onTouch(phase, (event) => this.onTouch(phase, event));
    }
    this.platform.onHide(() => this.onHide());
    this.platform.onShow((options) => this.onShow(options.query));
    this.screen.enter?.();
    void this.services.start().then(() => this.services.friendBoard.refreshStatus());
    this.resumeLoop();
  }

  go(next: Screen): void {
    this.screen.leave?.();
    this.pressed = null;
    this.screen = next;
    next.enter?.();
  }

  now(): number {
    return Date.now();
  }

  showToast(text: string): void {
    this.toast = { text, until: this.now() + 2_500 };
  }

  // Navigation used by several screens.

  toMenu(): void {
    this.go(menuScreen(this));
  }

  play(level: number): void {
    this.go(playScreen(this, levelConfig(level).number));
  }

  finishLevel(run: Playthrough): void {
    const record = run.runRecord();
    const runId = this.services.finishLevel(record, this.now());
    const completed = run.game.status === 'completed';
    if (completed) this.progress.completeLevel(record.level);
    const result: FinishedLevel = { level: record.level, score: record.claimedScore, completed, runId };
    this.hook.lastResult = { ...result };
    this.go(resultsScreen(this, result, run.game.starsCollected));
  }

  /** "View Friend Leaderboard": authorization flow of the guide, then the board (or the alternative). */
  async openFriendBoard(entryPoint: EntryPoint, back: () => Screen): Promise<void> {
    this.services.analytics.track({ name: 'leaderboard_button_click', entry_point: entryPoint });
    if (this.flowBusy) return;
    this.flowBusy = true;
    try {
      const outcome = await this.services.friendBoard.open();
      this.go(leaderboardScreen(this, { tab: 'friends', outcome, back }));
    } finally {
      this.flowBusy = false;
    }
  }

  /**
   * Shown by the friend board flow before the platform prompt; resolves with the player's choice. The
   * flow's caller always moves on to the leaderboard screen (the board or its alternative), so the
   * explanation does not go back by itself: that would flash, and count, the screen it came from.
   */
  explainAuthorization(): Promise<boolean> {
    return new Promise((resolve) => this.go(consentScreen(this, resolve)));
  }

  /** Re-runs the authorization from the leaderboard's alternative ("Try again", "Open settings"). */
  async retryAuthorization(previous: FriendBoardOutcome['kind']): Promise<FriendBoardOutcome> {
    return this.services.friendBoard.retry(previous);
  }

  // Loop and input.

  private resumeLoop(): void {
    if (this.running) return;
    this.running = true;
    this.lastFrameTime = null;
    this.platform.requestAnimationFrame((time) => this.frame(time));
  }

  private frame(time: number): void {
    if (!this.running) return;
    const elapsed = this.lastFrameTime === null ? 1000 / 60 : time - this.lastFrameTime;
    this.lastFrameTime = time;
    this.screen.update?.(elapsed);
    this.draw();
    this.platform.requestAnimationFrame((next) => this.frame(next));
  }

  private draw(): void {
    const { ctx } = this.view;
    this.view.beginFrame();
    this.screen.draw(ctx);
    const buttons = this.screen.buttons();
    for (const button of buttons)
      drawButton(ctx, button, button === this.pressed || button.id === this.pressed?.id);
    const toast =
      this.toast && this.toast.until > this.now() ? this.drawToast(ctx, this.toast.text, buttons) : null;
    this.updateHook(buttons, toast);
  }

  /** Draws the toast where it hides no button: near the bottom, else at the top, else mid-screen. */
  private drawToast(
    ctx: CanvasRenderingContext2D,
    text: string,
    buttons: readonly Button[],
  ): { text: string; rect: Rect } {
    const { width, height } = this.view;
    ctx.save();
    ctx.font = font(14, 600);
    const boxWidth = Math.min(width - 32, ctx.measureText(text).width + 32);
    const at = (y: number): Rect => ({ x: (width - boxWidth) / 2, y, width: boxWidth, height: 36 });
    const overlaps = (rect: Rect): boolean =>
      buttons.some(
        (button) =>
          rect.x < button.rect.x + button.rect.width &&
          button.rect.x < rect.x + rect.width &&
          rect.y < button.rect.y + button.rect.height &&
          button.rect.y < rect.y + rect.height,
      );
    const rect =
      [at(height - 64), at(16), at(height * 0.4)].find((candidate) => !overlaps(candidate)) ?? at(16);
    ctx.fillStyle = 'rgba(0,0,0,0.8)';
    roundRect(ctx, rect, 18);
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, width / 2, rect.y + rect.height / 2, rect.width - 16);
    ctx.restore();
    return { text, rect };
  }

  private updateHook(buttons: readonly Button[], toast: { text: string; rect: Rect } | null): void {
    reportFrame(this.hook, this.services, {
      screen: this.screen.name,
      board: this.screen.state?.() ?? null,
      buttons: Object.fromEntries(
        buttons.filter((b) => b.enabled !== false).map((b) => [b.id, { ...b.rect }]),
      ),
      toast,
    });
  }

  private onTouch(phase: TouchPhase, event: TouchEventLike): void {
    const touch = event.changedTouches[0];
    if (!touch) return;
    // One thumb: the first finger down drives the game until it lifts.
    if (phase === 'start') {
      if (this.trackedTouch !== null) return;
      this.trackedTouch = touch.identifier;
    } else if (touch.identifier !== this.trackedTouch) {
      return;
    }
    if (phase === 'end' || phase === 'cancel') this.trackedTouch = null;
    this.pointer(TOUCH_TO_POINTER[phase], touch.clientX, touch.clientY, event.timeStamp);
  }

  private pointer(phase: PointerPhase, x: number, y: number, time: number): void {
    if (this.services.surface.pointer(phase, x, y, Math.max(0, time))) return;
    const hit = this.screen.buttons().find((b) => b.enabled !== false && contains(b.rect, x, y)) ?? null;
    if (phase === 'down') {
      this.pressed = hit;
      if (!hit) this.screen.pointer?.(phase, x, y);
      return;
    }
    if (this.pressed) {
      if (phase === 'up' && hit?.id === this.pressed.id) {
        this.pressed = null;
        hit.onTap();
      } else if (phase === 'up' || phase === 'cancel') {
        this.pressed = null;
      }
      return;
    }
    this.screen.pointer?.(phase, x, y);
  }

  private onHide(): void {
    this.running = false;
    this.screen.pause?.();
    this.services.pause();
  }

  private onShow(query: unknown): void {
    this.services.resume();
    this.services.acceptLaunchQuery(query);
    this.resumeLoop();
  }
}
