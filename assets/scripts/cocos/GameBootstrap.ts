import {
  _decorator,
  Component,
  screen as deviceScreen,
  type EventTouch,
  Node,
  UITransform,
  Vec3,
  view,
} from 'cc';
import type { PlayPointerPhase } from '../games/contract';
import { game } from '../games/registered';
import { createGamePlatform, type GamePlatform } from '../platform/index';
import { createSample, type Sample } from '../shell/index';
import { GraphicsPainter } from './GraphicsPainter';
import { HookReporter } from './hookReporter';
import { LeaderboardPanel } from './LeaderboardPanel';
import { modelOf } from './models';
import { AREA_SCALE, DESIGN_WIDTH, type PanelSpec, type ScreenModel, type ScreenSize } from './screenModel';
import { ToastView } from './toastView';
import { buttonNode, textNode, uiNode } from './uiKit';

const { ccclass, property } = _decorator;

/**
 * A screen's root, and the play area in it: the whole visible screen, as the Canvas edition's game fills
 * the phone (the game draws a 360-unit-wide area, as tall as the phone makes it).
 */
const screenBox = (screen: ScreenSize) => ({ x: 0, y: 0, width: DESIGN_WIDTH, height: screen.height });

/**
 * The visible screen in design units (fit width makes it 720 wide and as tall as the phone), and design
 * units per CSS px: the engine's window size is in device pixels.
 */
function visibleScreen(): ScreenSize {
  const { width, height } = view.getVisibleSize();
  const cssWidth = deviceScreen.windowSize.width / deviceScreen.devicePixelRatio;
  return { width, height, px: cssWidth > 0 ? width / cssWidth : 2 };
}

/**
 * The scene's one game component. It creates the shell around the registered game (shell/sample.ts),
 * lays out the flow's content for the current screen (the *Model.ts files) as nodes, has the game draw
 * the play area through a GraphicsPainter, places the open data context's views, and forwards taps as
 * the flow's actions. It decides nothing: the flow does, as in the Canvas 2D edition.
 */
@ccclass('GameBootstrap')
export class GameBootstrap extends Component {
  /** The tall friend board (SubContextView designed 960×1500). */
  @property(LeaderboardPanel)
  leaderboard: LeaderboardPanel | null = null;

  /** The results notice and the menu's best line (SubContextView designed 960×300). */
  @property(LeaderboardPanel)
  notice: LeaderboardPanel | null = null;

  private sample: Sample | null = null;
  private screenName: string | null = null;
  /** The visible height the screen's nodes were made for: a resize makes them anew. */
  private screenHeight = 0;
  private screenRoot: Node | null = null;
  private layer: Node | null = null;
  private playArea: GraphicsPainter | null = null;
  private model: ScreenModel | null = null;
  private panel: PanelSpec | null = null;
  private changed = true;
  private toast: ToastView | null = null;
  private reporter: HookReporter | null = null;

  override onLoad(): void {
    const platform = this.wakingPanels(createGamePlatform());
    const sample = createSample(platform, game);
    this.sample = sample;
    for (const panel of this.panels()) {
      panel.attach(sample.services.surface);
      panel.close();
    }
    this.toast = new ToastView(this.node);
    this.reporter = new HookReporter(sample);
    sample.flow.onChange(() => {
      this.changed = true;
    });
    // A new screen size (a rotation, a resized window) lays the screen out again.
    view.on('canvas-resize', this.relayout, this);
    platform.onHide(() => sample.flow.hide());
    // The engine's show event carries no query; the platform's does: a card opened while the game was
    // in the background returns to it with the card's challenge.
    platform.onShow((options) => {
      this.wakePanels();
      sample.flow.show(options.query);
    });
    // Back online, the context retries what failed: its new picture must reach the texture.
    platform.onNetworkStatusChange(() => this.wakePanels());
    for (const [type, phase] of TOUCH_PHASES)
      this.node.on(type, (event: EventTouch) => this.steer(phase, event));
    sample.flow.start();
  }

  override onDestroy(): void {
    view.off('canvas-resize', this.relayout, this);
  }

  private relayout(): void {
    this.changed = true;
  }

  override update(dt: number): void {
    const sample = this.sample;
    if (!sample) return;
    sample.flow.frame(dt * 1000);
    if (this.changed) {
      this.changed = false;
      this.render();
    }
    const content = sample.flow.content();
    if (content.name === 'play' && this.playArea) {
      this.playArea.begin();
      content.play.draw(this.playArea, this.playArea.area());
      this.playArea.end();
    }
    const panel = this.panel;
    if (panel) this.panelFor(panel.view)?.refresh({ view: panel.view, ...sample.flow.audience() });
    this.toast?.show(sample.flow.toast(), this.model?.buttons ?? [], visibleScreen());
    this.reporter?.report(this.model?.buttons ?? [], this.layer, this.toast);
  }

  /**
   * The platform, with every message to the open data context waking the panels' uploads: the context
   * draws only in answer to the game's messages or to platform events, and never says when it drew.
   */
  private wakingPanels(platform: GamePlatform): GamePlatform {
    const openDataContext: GamePlatform['openDataContext'] = () => {
      const context = platform.openDataContext();
      return {
        postMessage: (message) => {
          context.postMessage(message);
          this.wakePanels();
        },
      };
    };
    return { ...platform, openDataContext };
  }

  private wakePanels(): void {
    for (const panel of this.panels()) panel.wake();
  }

  private panels(): LeaderboardPanel[] {
    return [this.leaderboard, this.notice].filter((panel): panel is LeaderboardPanel => panel !== null);
  }

  private panelFor(view: string): LeaderboardPanel | null {
    return view === 'board' ? this.leaderboard : this.notice;
  }

  /** Lays out the flow's content: a new screen gets new nodes; the same screen gets a new layer only. */
  private render(): void {
    const sample = this.sample;
    if (!sample) return;
    const content = sample.flow.content();
    const screen = visibleScreen();
    if (content.name !== this.screenName || screen.height !== this.screenHeight) {
      this.screenRoot?.destroy();
      this.screenName = content.name;
      this.screenHeight = screen.height;
      const box = screenBox(screen);
      this.screenRoot = uiNode(content.name, this.node, box);
      this.playArea =
        content.name === 'play'
          ? new GraphicsPainter(uiNode('Play area', this.screenRoot, box), AREA_SCALE)
          : null;
      this.layer = null;
    }
    const root = this.screenRoot;
    if (!root) return;
    this.layer?.destroy();
    const layer = uiNode('Layer', root, { x: 0, y: 0, width: screen.width, height: screen.height });
    this.layer = layer;
    const model = modelOf(content, screen);
    this.model = model;
    for (const spec of model.texts) textNode(layer, spec);
    for (const spec of model.buttons) buttonNode(layer, spec, () => sample.flow.perform(spec.action));
    if (model.painting) {
      const painter = new GraphicsPainter(uiNode('Painting', layer, model.painting.box), AREA_SCALE);
      painter.begin();
      model.painting.paint(painter, painter.area());
      painter.end();
    }
    this.placePanel(model.panel);
  }

  /** The open data context's view moves only when its place or view changed. */
  private placePanel(panel: PanelSpec | null): void {
    if (JSON.stringify(this.panel) === JSON.stringify(panel)) return;
    this.panel = panel;
    for (const open of this.panels()) open.close();
    const audience = this.sample?.flow.audience();
    if (panel && audience) this.panelFor(panel.view)?.open({ view: panel.view, ...audience }, panel.box);
  }

  /** A touch anywhere the buttons and the board did not take: the game's play area, in its units. */
  private steer(phase: PlayPointerPhase, event: EventTouch): void {
    const painter = this.playArea;
    const transform = this.screenRoot?.getComponent(UITransform);
    if (!painter || !transform || !this.sample) return;
    const location = event.getUILocation();
    const local = transform.convertToNodeSpaceAR(new Vec3(location.x, location.y, 0));
    const area = painter.area();
    const x = local.x / AREA_SCALE + area.width / 2;
    const y = area.height / 2 - local.y / AREA_SCALE;
    this.sample.flow.playPointer(phase, x, y, area);
  }
}

const TOUCH_PHASES: readonly (readonly [string, PlayPointerPhase])[] = [
  [Node.EventType.TOUCH_START, 'down'],
  [Node.EventType.TOUCH_MOVE, 'move'],
  [Node.EventType.TOUCH_END, 'up'],
  [Node.EventType.TOUCH_CANCEL, 'cancel'],
];
