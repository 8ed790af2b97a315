import { _decorator, Color, Component, type EventTouch, Game, game, type Label, Node } from 'cc';
import {
  chooseBotLane,
  LEVEL_COUNT,
  type Playthrough,
  startPlaythrough,
  TICKS_PER_SECOND,
  ticksLeft,
} from '../core/index';
import { createGameServices, type EntryPoint, type GameServices } from '../game/index';
import { createGamePlatform } from '../platform/index';
import { FieldView } from './FieldView';
import { LeaderboardPanel } from './LeaderboardPanel';
import { button, label, uiNode } from './uiKit';

const { ccclass, property } = _decorator;

const TICK_SECONDS = 1 / TICKS_PER_SECOND;
/** After a long frame (or a return from the background) simulate at most this much, not the whole gap. */
const MAX_CATCH_UP_SECONDS = 0.25;
const DIM = new Color(160, 164, 180, 255);

/**
 * The scene's one game component: it wires the shared game services to the platform wrapper, builds each
 * screen from code (title, play, results, friends) and steps the core simulation at its fixed rate. Rules,
 * scoring, saving, authorization and messages all live in core/, social/, platform/ and game/.
 */
@ccclass('GameBootstrap')
export class GameBootstrap extends Component {
  @property(LeaderboardPanel)
  leaderboard: LeaderboardPanel | null = null;

  private services: GameServices | null = null;
  private screenRoot: Node | null = null;
  private field: FieldView | null = null;
  private hud: Label | null = null;
  private play: Playthrough | null = null;
  private accumulator = 0;

  override onLoad(): void {
    const services = createGameServices({
      platform: createGamePlatform(),
      scheduler: {
        setTimeout: (callback, ms) => setTimeout(callback, ms),
        clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      },
      explainAuthorization: () => this.explainAuthorization(),
    });
    this.services = services;
    this.leaderboard?.attach(services.surface);
    this.leaderboard?.close();
    game.on(Game.EVENT_HIDE, this.onBackground, this);
    game.on(Game.EVENT_SHOW, this.onForeground, this);
    this.node.on(Node.EventType.TOUCH_START, this.steer, this);
    this.node.on(Node.EventType.TOUCH_MOVE, this.steer, this);
    void services.start();
    this.showTitle();
  }

  override onDestroy(): void {
    game.off(Game.EVENT_HIDE, this.onBackground, this);
    game.off(Game.EVENT_SHOW, this.onForeground, this);
  }

  private onBackground(): void {
    this.services?.pause();
  }

  private onForeground(): void {
    this.services?.resume();
  }

  override update(dt: number): void {
    const play = this.play;
    if (!play) return;
    this.accumulator = Math.min(this.accumulator + dt, MAX_CATCH_UP_SECONDS);
    // Test mode (launch query `autoplay=1`): the built-in bot steers, as in the Canvas edition.
    const autoplay = this.services?.launch().autoplay === true;
    while (this.accumulator >= TICK_SECONDS && play.game.status === 'playing') {
      if (autoplay) play.steer(chooseBotLane(play.game));
      play.advance();
      this.accumulator -= TICK_SECONDS;
    }
    this.field?.render(play.game);
    if (this.hud) {
      const seconds = Math.ceil(ticksLeft(play.game) / TICKS_PER_SECOND);
      this.hud.string = `Score ${play.game.score}   Lives ${play.game.lives}   ${seconds}s`;
    }
    if (play.game.status !== 'playing') this.showResults(play);
  }

  private newScreen(name: string): Node {
    this.screenRoot?.destroy();
    this.play = null;
    this.field = null;
    this.hud = null;
    this.screenRoot = uiNode(name, this.node, 720, 1280);
    return this.screenRoot;
  }

  private showTitle(): void {
    const screen = this.newScreen('Title');
    label(screen, 'Star Lanes', 72, 300);
    label(screen, 'Catch stars, dodge rocks, beat your friends', 28, 220, DIM);
    button(screen, 'Play', 0, () => this.startLevel(1));
    button(screen, 'View Friend Leaderboard', -120, () => void this.openFriends('main_menu'), 520);
    this.services?.analytics.track({ name: 'leaderboard_button_exposure', entry_point: 'main_menu' });
  }

  private startLevel(levelNumber: number): void {
    const screen = this.newScreen(`Level ${levelNumber}`);
    const fieldNode = uiNode('Field', screen, 720, 1160, 0, -40);
    this.field = fieldNode.addComponent(FieldView);
    this.hud = label(screen, '', 32, 590);
    this.accumulator = 0;
    // Any seed will do: the run record carries it, and the server replays the run from it. The launch
    // query's `seed=n` (test mode) fixes it for repeatable runs.
    const seed = this.services?.launch().seed ?? Math.floor(Math.random() * 0x7fffffff);
    this.play = startPlaythrough(seed, levelNumber);
  }

  private steer(event: EventTouch): void {
    const play = this.play;
    if (!play || !this.field) return;
    play.steer(this.field.laneAt(event.getUILocation(), play.game.level));
  }

  private showResults(play: Playthrough): void {
    const run = play.runRecord();
    // The open data context weighs the score against the stored best; the outbox sends the run.
    this.services?.finishLevel(run, Date.now());
    const completed = play.game.status === 'completed';
    const screen = this.newScreen('Results');
    label(screen, completed ? `Level ${run.level} complete!` : 'Out of lives', 56, 420);
    label(screen, `${run.claimedScore}`, 96, 300);
    const hasNext = completed && run.level < LEVEL_COUNT;
    const next = hasNext ? run.level + 1 : run.level;
    button(screen, hasNext ? `Next: level ${next}` : 'Play again', 60, () => this.startLevel(next));
    button(screen, 'View Friend Leaderboard', -60, () => void this.openFriends('results'), 520);
    button(screen, 'Invite friends', -180, () => void this.invite(screen));
    button(screen, 'Share to story', -300, () => void this.shareToStory(screen));
    button(screen, 'Menu', -420, () => this.showTitle());
    this.services?.analytics.track({ name: 'leaderboard_button_exposure', entry_point: 'results' });
  }

  private async invite(screen: Node): Promise<void> {
    const services = this.services;
    if (!services) return;
    const outcome = await services.invites.inviteFriends({
      displayName: services.displayName(),
      openId: services.server.session()?.openId ?? null,
      best: services.knownBest(),
    });
    this.toast(screen, outcome.sent ? 'Invite sent!' : 'Invite not sent');
  }

  private async shareToStory(screen: Node): Promise<void> {
    const outcome = await this.services?.invites.shareToStory();
    this.toast(screen, outcome?.sent ? 'Shared to your story!' : 'Story not shared');
  }

  /** A line of feedback at the bottom of the screen, gone after two seconds. */
  private toast(screen: Node, text: string): void {
    if (!screen.isValid) return;
    const toast = label(screen, text, 30, -560);
    this.scheduleOnce(() => {
      if (toast.isValid) toast.node.destroy();
    }, 2);
  }

  private async openFriends(entryPoint: EntryPoint): Promise<void> {
    const services = this.services;
    if (!services) return;
    services.analytics.track({ name: 'leaderboard_button_click', entry_point: entryPoint });
    const outcome = await services.friendBoard.open();
    if (this.play) return; // the player started a level while the check ran
    const screen = this.newScreen('Friends');
    button(screen, 'Back', -560, () => {
      this.leaderboard?.close();
      this.showTitle();
    });
    if (outcome.kind !== 'authorized') {
      const failed = outcome.kind === 'failed';
      label(screen, failed ? 'Couldn’t reach TikTok.' : 'The friend board needs your permission.', 30, 80);
      const hint =
        outcome.kind === 'partly-granted'
          ? 'It needs both your profile and your friend list.'
          : failed
            ? 'Nothing was asked or changed. Try again.'
            : 'You can allow it any time.';
      label(screen, hint, 26, 20, DIM);
      button(screen, 'Try again', -120, () => void this.openFriends(entryPoint));
      return;
    }
    this.leaderboard?.open({
      view: 'board',
      openId: services.server.session()?.openId ?? null,
      authorized: true,
    });
    services.analytics.track({ name: 'board_shown', board: 'friends' });
  }

  /** The game's own "why we ask" screen before TikTok's prompt; resolves true when the player goes on. */
  private explainAuthorization(): Promise<boolean> {
    return new Promise((resolve) => {
      const screen = this.newScreen('Why we ask');
      label(screen, 'See how your friends score', 44, 240);
      label(screen, 'TikTok will ask to share your name, avatar', 28, 150, DIM);
      label(screen, 'and the friends who play Star Lanes.', 28, 105, DIM);
      button(screen, 'Continue', -40, () => resolve(true));
      button(screen, 'Not now', -160, () => resolve(false));
    });
  }
}
