import {
  _decorator,
  Component,
  type EventTouch,
  Game,
  game,
  type Label,
  Node,
  screen,
  UITransform,
  view,
} from 'cc';
import {
  chooseBotLane,
  type Playthrough,
  startPlaythrough,
  TICKS_PER_SECOND,
  ticksLeft,
} from '../core/index';
import { createGamePlatform } from '../platform/index';
import {
  createGameServices,
  createLevelProgress,
  deliveryText,
  type EntryPoint,
  type FinishedLevel,
  type FriendBoardOutcome,
  type GameServices,
  type GlobalBoardState,
  installSampleHook,
  type LevelProgress,
  loadGlobalBoard,
  reportFrame,
  type SampleHook,
} from '../shell/index';
import { challengeGreeting } from '../social/challenge';
import type { Rect } from '../social/protocol';
import { consentModel } from './consentModel';
import { FieldView } from './FieldView';
import { LeaderboardPanel } from './LeaderboardPanel';
import { leaderboardModel } from './leaderboardModel';
import { menuModel } from './menuModel';
import { resultsModel } from './resultsModel';
import {
  type BoardTab,
  DESIGN_HEIGHT,
  DESIGN_WIDTH,
  type ScreenAction,
  type ScreenModel,
  toastBox,
} from './screenModel';
import { toViewportRect } from './surfaceLayout';
import { buttonNode, textNode, uiNode } from './uiKit';

const { ccclass, property } = _decorator;

const TICK_SECONDS = 1 / TICKS_PER_SECOND;
/** After a long frame (or a return from the background) simulate at most this much, not the whole gap. */
const MAX_CATCH_UP_SECONDS = 0.25;
/** Test mode: two seconds of play per frame, as in the Canvas 2D edition, so a level ends in a blink. */
const AUTOPLAY_TICKS_PER_FRAME = 120;
const TOAST_SECONDS = 2.5;
const FULL_SCREEN = { x: 0, y: 0, width: DESIGN_WIDTH, height: DESIGN_HEIGHT };

interface BoardScreen {
  tab: BoardTab;
  outcome: FriendBoardOutcome;
  global: GlobalBoardState;
  retrying: boolean;
  request: number;
  back: () => void;
}

/**
 * The scene's one game component: it wires the shared game services to the platform wrapper, turns the
 * screen models (menuModel.ts, resultsModel.ts, leaderboardModel.ts, consentModel.ts) into nodes, runs
 * their buttons' actions, steps the core simulation at its fixed rate and reports to the test hook.
 * Rules, scoring, saving, authorization and messages all live in core/, social/, platform/ and game/.
 */
@ccclass('GameBootstrap')
export class GameBootstrap extends Component {
  /** The tall friend board (SubContextView designed 640×1000). */
  @property(LeaderboardPanel)
  leaderboard: LeaderboardPanel | null = null;

  /** The results notice and the menu's best line (SubContextView designed 640×200). */
  @property(LeaderboardPanel)
  notice: LeaderboardPanel | null = null;

  private services: GameServices | null = null;
  private progress: LevelProgress | null = null;
  private hook: SampleHook | null = null;
  private screenRoot: Node | null = null;
  private screenName = 'boot';
  private model: ScreenModel | null = null;
  private buttonNodes = new Map<string, Node>();
  private toast: { label: Label; until: number } | null = null;
  private field: FieldView | null = null;
  private hud: Label | null = null;
  private play: Playthrough | null = null;
  private accumulator = 0;
  private selectedLevel = 1;
  private results: { result: FinishedLevel; stars: number; delivery: string } | null = null;
  private board: BoardScreen | null = null;
  private consentChoice: ((goOn: boolean) => void) | null = null;
  private flowBusy = false;

  override onLoad(): void {
    const platform = createGamePlatform();
    const services = createGameServices({
      platform,
      scheduler: {
        setTimeout: (callback, ms) => setTimeout(callback, ms),
        clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      },
      explainAuthorization: () => this.explainAuthorization(),
    });
    this.services = services;
    this.progress = createLevelProgress(platform);
    this.selectedLevel = this.progress.unlockedLevel();
    this.hook = installSampleHook();
    for (const panel of this.panels()) {
      panel.attach(services.surface);
      panel.close();
    }
    game.on(Game.EVENT_HIDE, this.onBackground, this);
    game.on(Game.EVENT_SHOW, this.onForeground, this);
    // The engine's show event carries no query; the platform's does: a card opened while the game was
    // in the background returns to it with the card's challenge.
    platform.onShow((options) => this.acceptReturnQuery(options.query));
    this.node.on(Node.EventType.TOUCH_START, this.steer, this);
    this.node.on(Node.EventType.TOUCH_MOVE, this.steer, this);
    void services.start().then(() => services.friendBoard.refreshStatus());
    this.showMenu();
  }

  override onDestroy(): void {
    game.off(Game.EVENT_HIDE, this.onBackground, this);
    game.off(Game.EVENT_SHOW, this.onForeground, this);
  }

  private panels(): LeaderboardPanel[] {
    return [this.leaderboard, this.notice].filter((panel): panel is LeaderboardPanel => panel !== null);
  }

  private onBackground(): void {
    this.services?.pause();
  }

  private onForeground(): void {
    this.services?.resume();
  }

  private acceptReturnQuery(query: unknown): void {
    const services = this.services;
    if (!services) return;
    const before = services.launch().challenge;
    services.acceptLaunchQuery(query);
    // The menu is drawn once, not every frame: draw it again when it has a new greeting to show.
    if (this.screenName === 'menu' && services.launch().challenge !== before) this.showMenu();
  }

  override update(dt: number): void {
    const play = this.play;
    if (play) this.stepPlay(play, dt);
    this.refreshResults();
    this.refreshPanels();
    this.expireToast();
    this.report();
  }

  private stepPlay(play: Playthrough, dt: number): void {
    // Test mode (launch query `autoplay=1`): the built-in bot steers, fast, as in the Canvas edition.
    if (this.services?.launch().autoplay === true) {
      for (let tick = 0; tick < AUTOPLAY_TICKS_PER_FRAME && play.game.status === 'playing'; tick++) {
        play.steer(chooseBotLane(play.game));
        play.advance();
      }
    } else {
      this.accumulator = Math.min(this.accumulator + dt, MAX_CATCH_UP_SECONDS);
      while (this.accumulator >= TICK_SECONDS && play.game.status === 'playing') {
        play.advance();
        this.accumulator -= TICK_SECONDS;
      }
    }
    this.field?.render(play.game);
    if (this.hud) {
      const seconds = Math.ceil(ticksLeft(play.game) / TICKS_PER_SECOND);
      this.hud.string = `Score ${play.game.score}   Lives ${play.game.lives}   ${seconds}s`;
    }
    if (play.game.status !== 'playing') this.finishLevel(play);
  }

  // Screens.

  /** Leaves the current screen: its nodes, its play, its open data context view. */
  private newScreen(name: string): Node {
    this.screenRoot?.destroy();
    for (const panel of this.panels()) panel.close();
    this.play = null;
    this.field = null;
    this.hud = null;
    this.results = null;
    this.board = null;
    this.model = null;
    this.buttonNodes.clear();
    this.screenName = name;
    this.screenRoot = uiNode(name, this.node, FULL_SCREEN);
    return this.screenRoot;
  }

  /** Draws a model's texts and buttons; the open data context view moves only when its place changed. */
  private render(model: ScreenModel): void {
    const root = this.screenRoot;
    if (!root) return;
    root.destroyAllChildren();
    this.buttonNodes.clear();
    for (const spec of model.texts) textNode(root, spec);
    for (const spec of model.buttons) {
      this.buttonNodes.set(
        spec.id,
        buttonNode(root, spec, () => this.perform(spec.action)),
      );
    }
    const before = this.model?.panel ?? null;
    const panel = model.panel;
    this.model = model;
    if (JSON.stringify(before) === JSON.stringify(panel)) return;
    for (const open of this.panels()) open.close();
    if (panel) this.panelFor(panel.view)?.open(this.audience(panel.view), panel.box);
  }

  private panelFor(view: string): LeaderboardPanel | null {
    return view === 'board' ? this.leaderboard : this.notice;
  }

  private audience(view: 'board' | 'notice' | 'best') {
    const services = this.services;
    return {
      view,
      openId: services?.playerOpenId() ?? null,
      authorized: services?.friendBoard.isAuthorized() ?? false,
    };
  }

  /** Your open id and the authorization are learned after launch; the surface drops an unchanged show. */
  private refreshPanels(): void {
    const panel = this.model?.panel;
    if (panel) this.panelFor(panel.view)?.refresh(this.audience(panel.view));
  }

  private showMenu(): void {
    this.newScreen('menu');
    const services = this.services;
    const progress = this.progress;
    if (!services || !progress) return;
    const challenge = services.launch().challenge;
    this.render(
      menuModel({
        levelCount: progress.levelCount,
        unlocked: progress.unlockedLevel(),
        selected: this.selectedLevel,
        greeting: challenge ? challengeGreeting(challenge) : null,
      }),
    );
    services.analytics.track({ name: 'leaderboard_button_exposure', entry_point: 'main_menu' });
  }

  private startLevel(levelNumber: number): void {
    const screenNode = this.newScreen('play');
    const fieldNode = uiNode('Field', screenNode, { x: 0, y: -40, width: DESIGN_WIDTH, height: 1160 });
    this.field = fieldNode.addComponent(FieldView);
    this.hud = textNode(screenNode, {
      text: '',
      size: 32,
      box: { x: 0, y: 590, width: 640, height: 48 },
      align: 'center',
      tone: 'text',
      bold: false,
    });
    this.accumulator = 0;
    // The server accepts a run only with a seed it issued (the services keep some ahead); the launch
    // query's `seed=n` (test mode) fixes it for repeatable runs.
    const chosen = this.services?.launch().seed ?? null;
    const seed = this.services?.runSeed(chosen) ?? chosen ?? Math.floor(Math.random() * 0x7fffffff);
    this.play = startPlaythrough(seed, levelNumber);
  }

  private steer(event: EventTouch): void {
    const play = this.play;
    if (!play || !this.field) return;
    play.steer(this.field.laneAt(event.getUILocation(), play.game.level));
  }

  private finishLevel(play: Playthrough): void {
    const services = this.services;
    if (!services) return;
    const run = play.runRecord();
    // The open data context weighs the score against the stored best; the outbox sends the run.
    const runId = services.finishLevel(run, Date.now());
    const completed = play.game.status === 'completed';
    if (completed) this.progress?.completeLevel(run.level);
    const result: FinishedLevel = { level: run.level, score: run.claimedScore, completed, runId };
    if (this.hook) this.hook.lastResult = { ...result };
    this.selectedLevel = completed ? Math.min(run.level + 1, this.progress?.unlockedLevel() ?? 1) : run.level;
    this.showResults(result, play.game.starsCollected);
  }

  private showResults(result: FinishedLevel, stars: number): void {
    this.newScreen('results');
    this.results = { result, stars, delivery: '' };
    this.refreshResults();
    this.services?.analytics.track({ name: 'leaderboard_button_exposure', entry_point: 'results' });
  }

  /** The delivery line follows the run on its way to the server. */
  private refreshResults(): void {
    const results = this.results;
    const services = this.services;
    if (!results || !services) return;
    const delivery = services.runDelivery(results.result.runId);
    const line = deliveryText(delivery);
    if (line === results.delivery) return;
    results.delivery = line;
    this.render(resultsModel({ result: results.result, stars: results.stars, delivery }));
  }

  // The leaderboard.

  private async openFriendBoard(entryPoint: EntryPoint, back: () => void): Promise<void> {
    const services = this.services;
    if (!services) return;
    services.analytics.track({ name: 'leaderboard_button_click', entry_point: entryPoint });
    if (this.flowBusy) return;
    this.flowBusy = true;
    try {
      const outcome = await services.friendBoard.open();
      if (this.play) return; // the player started a level while the check ran
      this.showBoard({ tab: 'friends', outcome, back });
    } finally {
      this.flowBusy = false;
    }
  }

  private showBoard({ tab, outcome, back }: Pick<BoardScreen, 'tab' | 'outcome' | 'back'>): void {
    this.newScreen('leaderboard');
    this.board = { tab, outcome, back, global: { status: 'loading' }, retrying: false, request: 0 };
    this.enterTab();
  }

  private renderBoard(): void {
    const canOpenSettings = this.services?.friendBoard.canOpenSettings() ?? false;
    if (this.board) this.render(leaderboardModel({ ...this.board, canOpenSettings }));
  }

  private enterTab(): void {
    const board = this.board;
    if (!board) return;
    if (board.tab === 'global') this.loadGlobal();
    this.renderBoard();
    if (board.tab === 'friends' && board.outcome.kind === 'authorized') {
      this.services?.analytics.track({ name: 'board_shown', board: 'friends' });
    }
  }

  private switchTab(tab: BoardTab): void {
    const board = this.board;
    if (!board || board.tab === tab) return;
    board.tab = tab;
    this.services?.analytics.track({ name: 'board_toggle', to: tab });
    this.enterTab();
  }

  private loadGlobal(): void {
    const board = this.board;
    const services = this.services;
    if (!board || !services) return;
    const request = ++board.request;
    board.global = { status: 'loading' };
    this.renderBoard();
    void loadGlobalBoard(services.server).then((state) => {
      if (this.board !== board || request !== board.request) return;
      board.global = state;
      if (board.tab !== 'global') return;
      this.renderBoard();
      if (state.status === 'ready') services.analytics.track({ name: 'board_shown', board: 'global' });
    });
  }

  private async retryAuthorization(): Promise<void> {
    const board = this.board;
    const services = this.services;
    if (!board || !services || board.retrying) return;
    board.retrying = true;
    this.renderBoard();
    // The explanation screen may replace this one meanwhile; a fresh board screen shows the outcome.
    const outcome = await services.friendBoard.retry(board.outcome.kind);
    this.showBoard({ tab: 'friends', outcome, back: board.back });
  }

  /** The game's own "why we ask" screen before TikTok's prompt; resolves true when the player goes on. */
  private explainAuthorization(): Promise<boolean> {
    return new Promise((resolve) => {
      this.newScreen('consent');
      this.consentChoice = (goOn) => {
        this.consentChoice = null;
        resolve(goOn);
      };
      this.render(consentModel());
    });
  }

  // Actions.

  private perform(action: ScreenAction): void {
    switch (action.kind) {
      case 'select-level':
        this.selectedLevel = action.level;
        this.showMenu();
        return;
      case 'play':
        this.startLevel(action.level);
        return;
      case 'friend-board':
        void this.openFriendBoard(action.entryPoint, this.backToCurrent());
        return;
      case 'invite':
        void this.invite();
        return;
      case 'story':
        void this.shareToStory();
        return;
      case 'menu':
        this.showMenu();
        return;
      case 'close':
        (this.board?.back ?? (() => this.showMenu()))();
        return;
      case 'tab':
        this.switchTab(action.tab);
        return;
      case 'retry-auth':
        void this.retryAuthorization();
        return;
      case 'retry-global':
        this.loadGlobal();
        return;
      case 'consent':
        this.consentChoice?.(action.goOn);
        return;
    }
  }

  /** Where the leaderboard's close button leads: the screen it was opened from. */
  private backToCurrent(): () => void {
    const results = this.results;
    if (!results) return () => this.showMenu();
    const { result, stars } = results;
    return () => this.showResults(result, stars);
  }

  private async invite(): Promise<void> {
    const services = this.services;
    if (!services) return;
    const outcome = await services.inviteFriends();
    this.showToast(outcome.sent ? 'Invite sent!' : 'Invite not sent');
  }

  private async shareToStory(): Promise<void> {
    const outcome = await this.services?.invites.shareToStory();
    this.showToast(outcome?.sent ? 'Shared to your story!' : 'Story not shared');
  }

  /** A line of feedback for a few seconds, where it hides no button of the current screen. */
  private showToast(message: string): void {
    this.toast?.label.node.destroy();
    const box = toastBox(this.model?.buttons ?? []);
    const label = textNode(this.node, {
      text: message,
      size: 30,
      box,
      align: 'center',
      tone: 'text',
      bold: true,
    });
    this.toast = { label, until: Date.now() + TOAST_SECONDS * 1000 };
  }

  private expireToast(): void {
    if (this.toast && this.toast.until <= Date.now()) {
      this.toast.label.node.destroy();
      this.toast = null;
    }
  }

  // The test hook.

  private viewportRect(node: Node): Rect | null {
    const transform = node.isValid ? node.getComponent(UITransform) : null;
    return transform ? toViewportRect(view, screen, transform.getBoundingBoxToWorld()) : null;
  }

  private report(): void {
    const hook = this.hook;
    const services = this.services;
    if (!hook || !services) return;
    const buttons: Record<string, Rect> = {};
    for (const spec of this.model?.buttons ?? []) {
      const node = this.buttonNodes.get(spec.id);
      const rect = spec.enabled && node ? this.viewportRect(node) : null;
      if (rect) buttons[spec.id] = rect;
    }
    const toast = this.toast;
    const toastRect = toast ? this.viewportRect(toast.label.node) : null;
    reportFrame(hook, services, {
      screen: this.screenName,
      board: this.model?.board ?? null,
      buttons,
      toast: toast && toastRect ? { text: toast.label.string, rect: toastRect } : null,
    });
  }
}
