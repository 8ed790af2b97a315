/**
 * The Canvas 2D edition's app: a frame loop that stops in the background, the layout of the flow's
 * current screen, touch input routed to the open data context surface first, then to buttons, then to
 * the play area; and the test hook's report. Every decision is the flow's (shell/flow/gameFlow.ts).
 */
import type { GamePlatform, TouchEventLike, TouchPhase } from '../assets/scripts/platform/index';
import type { Sample } from '../assets/scripts/shell/index';
import type { PointerPhase, Rect } from '../assets/scripts/social/protocol';
import type { ScreenLayout } from './screen';
import { layoutOf } from './screens/index';
import { font } from './theme';
import { type Button, contains, drawButton, roundRect } from './ui';
import type { View } from './view';

const TOUCH_TO_POINTER: Record<TouchPhase, PointerPhase> = {
  start: 'down',
  move: 'move',
  end: 'up',
  cancel: 'cancel',
};

export class App {
  private current: ScreenLayout;
  private pressed: string | null = null;
  private pressedOn: string | null = null;
  private trackedTouch: number | null = null;
  private running = false;
  private lastFrameTime: number | null = null;

  constructor(
    private readonly platform: GamePlatform,
    private readonly view: View,
    private readonly sample: Sample,
  ) {
    this.current = layoutOf(sample.flow.content(), view);
  }

  start(): void {
    for (const phase of ['start', 'move', 'end', 'cancel'] as const) {
      this.platform.onTouch(phase, (event) => this.onTouch(phase, event));
    }
    this.platform.onHide(() => {
      this.running = false;
      this.sample.flow.hide();
    });
    this.platform.onShow((options) => {
      this.sample.flow.show(options.query);
      this.resumeLoop();
    });
    this.sample.flow.start();
    this.resumeLoop();
  }

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
    this.sample.flow.frame(elapsed);
    this.draw();
    this.platform.requestAnimationFrame((next) => this.frame(next));
  }

  private draw(): void {
    const { flow } = this.sample;
    const screen = flow.screen();
    // A press belongs to the screen it began on.
    if (this.pressedOn !== screen.name) this.pressed = null;
    this.current = layoutOf(flow.content(), this.view);
    this.placeContextView(this.current.contextRect);
    const { ctx } = this.view;
    this.view.beginFrame();
    this.current.draw(ctx);
    for (const button of this.current.buttons) drawButton(ctx, button, button.id === this.pressed);
    const text = flow.toast();
    const toast = text === null ? null : this.drawToast(ctx, text, this.current.buttons);
    this.sample.report({
      buttons: Object.fromEntries(
        this.current.buttons.filter((b) => b.enabled).map((b) => [b.id, { ...b.rect }]),
      ),
      toast,
    });
  }

  /** Asks the open data context to draw this screen's view at `rect`, or to stop drawing. */
  private placeContextView(rect: Rect | null): void {
    const { flow, services } = this.sample;
    const view = flow.contextView();
    if (view === null || rect === null) {
      services.surface.hide();
      return;
    }
    const audience = flow.audience();
    // Sent every frame; the surface drops a show identical to the last (your open id and the
    // authorization are learned asynchronously at launch, and each change is sent once).
    services.surface.show({
      view,
      rect,
      viewport: { width: this.view.width, height: this.view.height },
      pixelRatio: this.view.pixelRatio,
      you: { openId: audience.openId },
      authorized: audience.authorized,
    });
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
    const { flow, services } = this.sample;
    if (services.surface.pointer(phase, x, y, Math.max(0, time))) return;
    const hit = this.current.buttons.find((b) => b.enabled && contains(b.rect, x, y)) ?? null;
    if (phase === 'down' && hit) {
      this.pressed = hit.id;
      this.pressedOn = flow.screen().name;
      return;
    }
    if (this.pressed !== null) {
      const pressed = this.pressed;
      if (phase === 'up' || phase === 'cancel') this.pressed = null;
      if (phase === 'up' && hit?.id === pressed) flow.perform(hit.action);
      return;
    }
    const area = this.current.playArea;
    if (area) flow.playPointer(phase, x - area.x, y - area.y, area);
  }
}
