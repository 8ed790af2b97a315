/**
 * The open data context as one object: validated messages in, friend data from the store, the player's
 * best kept by the best keeper, one of three views drawn on the shared canvas, and nothing drawn while
 * nobody looks.
 */

import { challengeQuery } from '../../assets/scripts/social/challenge';
import type { CloudRules } from '../../assets/scripts/social/cloudScore';
import {
  type ContextMessage,
  type PointerPhase,
  parseContextMessage,
  type SurfaceView,
} from '../../assets/scripts/social/protocol';
import { challengeCard, passedCard } from '../../assets/scripts/social/shareCard';
import { AvatarCache } from './avatars';
import { BestKeeper, type OwnBest } from './bestKeeper';
import { BestView } from './bestView';
import { type BoardModel, BoardView } from './boardView';
import { CardSender } from './cardSender';
import { SHARE_IMAGE_URL } from './config';
import { FriendStore } from './friendStore';
import type { ContextHost, SharedCanvas } from './host';
import { type NoticeModel, NoticeView } from './noticeView';
import { PlayerTag } from './playerTag';
import { FrameScheduler } from './scheduler';
import { type Standings, standingsOf } from './standings';
import { applySurface, type Surface } from './surface';

export interface ContextStats {
  messages: number;
  ignored: number;
  lastIgnoredReason: string | null;
  frames: number;
  /** The player's best as the keeper knows it (read-only, for debugging and the end-to-end tests). */
  ownBest: OwnBest | null;
}

export class OpenDataContext {
  readonly stats: ContextStats = {
    messages: 0,
    ignored: 0,
    lastIgnoredReason: null,
    frames: 0,
    ownBest: null,
  };
  readonly store: FriendStore;
  readonly board: BoardView;
  readonly keeper: BestKeeper;
  private readonly notice = new NoticeView();
  private readonly bestView = new BestView();
  private readonly scheduler: FrameScheduler;
  private readonly avatars: AvatarCache;
  private readonly canvas: SharedCanvas;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly cards: CardSender;
  private view: SurfaceView = 'board';
  private surface: Surface | null = null;
  private scale = { scaleX: 1, scaleY: 1 };
  private visible = false;
  /** Idle-time work between frames (row bitmaps drawn ahead), at most one task pending. */
  private idleTask: number | null = null;
  private idleWorkAvailable = true;
  private derived: (Standings & { version: number }) | null = null;

  /**
   * `rules`: this build's zone's cloud keys (social/zones.ts), the only ones it reads and writes, and the
   * game's score limit, above which a message or a friend's value is no score.
   */
  constructor(
    private readonly host: ContextHost,
    private readonly rules: CloudRules,
  ) {
    this.canvas = host.getSharedCanvas();
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) throw new Error('open data context: the shared canvas has no 2d context');
    this.ctx = ctx;
    this.scheduler = new FrameScheduler(host, (time) => this.drawFrame(time));
    this.avatars = new AvatarCache(host, () => this.redraw());
    this.board = new BoardView(this.avatars);
    this.cards = new CardSender(host, () => this.scheduler.invalidate());
    this.store = new FriendStore(host, rules, new PlayerTag(host), () => this.onDataChange());
    this.keeper = new BestKeeper(host, rules, () => this.onOwnBestChange());
  }

  listen(): void {
    this.host.onMessage((raw) => this.receive(raw));
  }

  /** Entry point for every message; malformed ones are counted and dropped, never thrown. */
  receive(raw: unknown): void {
    this.stats.messages += 1;
    const parsed = parseContextMessage(raw, this.rules.scoreLimit);
    if (!parsed.ok) {
      this.stats.ignored += 1;
      this.stats.lastIgnoredReason = parsed.reason;
      return;
    }
    this.handle(parsed.message);
  }

  private handle(message: ContextMessage): void {
    switch (message.type) {
      case 'show': {
        this.view = message.view;
        this.store.setYou(message.you.openId);
        this.place({ rect: message.rect, viewport: message.viewport, pixelRatio: message.pixelRatio });
        if (message.view === 'best') this.keeper.load();
        else if (message.authorized) void this.store.ensureFresh();
        else this.store.markUnauthorized();
        this.visible = true;
        this.board.invalidateAll();
        this.scheduler.setVisible(true);
        this.scheduler.invalidate();
        return;
      }
      case 'hide':
        this.visible = false;
        this.board.scroller.stop();
        this.scheduler.setVisible(false);
        if (this.idleTask !== null) this.host.clearTimeout(this.idleTask);
        this.idleTask = null;
        this.ctx.setTransform(1, 0, 0, 1, 0, 0);
        this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
        return;
      case 'levelEnd': {
        const { runId, score, level, achievedAt } = message;
        this.keeper.levelEnded(runId, { score, level, achievedAt });
        return;
      }
      case 'resumeBest': {
        const { score, level, achievedAt } = message;
        this.keeper.resume({ score, level, achievedAt });
        return;
      }
      case 'refresh':
        void this.store.refresh();
        return;
      case 'prefetch':
        // Within the time to live this asks nothing; the answer only fills the store and starts avatar
        // loads (onDataChange): no frame is requested while the board is not on screen.
        void this.store.ensureFresh();
        return;
      case 'engine':
        // Cocos's SubContextView reports its node's size, and a y measured from the bottom of the screen
        // (it draws the shared canvas itself, so it never needs the style). Take the size only; where the
        // surface sits stays as the game's own `show` placed it.
        if (this.surface !== null) {
          const { width, height } = message;
          this.place({ ...this.surface, rect: { ...this.surface.rect, width, height } });
          this.board.invalidateAll();
          this.scheduler.invalidate();
        }
        return;
      case 'pointer':
        this.pointer(message.phase, message.x, message.y, message.time);
        return;
    }
  }

  private place(surface: Surface): void {
    this.surface = surface;
    this.scale = applySurface(this.canvas, surface);
    this.board.setSize(surface.rect.width, surface.rect.height, this.scale.scaleX, this.scale.scaleY);
    this.notice.setSize(surface.rect.width, surface.rect.height);
    this.bestView.setSize(surface.rect.width, surface.rect.height);
  }

  private pointer(phase: PointerPhase, x: number, y: number, time: number): void {
    if (!this.visible || this.view === 'best') return;
    if (this.view === 'notice') {
      if (phase !== 'up') return;
      const action = this.notice.tap(x, y);
      if (action?.kind === 'retry') void this.store.refresh();
      const run = this.keeper.state.lastRun;
      if (action?.kind === 'tell' && run?.newBest === true) {
        const card = passedCard(run.score, action.friend.name);
        this.share(action.friend.openId, card.title, card.subtitle);
      }
      return;
    }
    const { action, redraw } = this.board.pointer(phase, x, y, time, () => this.boardModel());
    if (redraw) this.scheduler.invalidate();
    if (action?.kind === 'retry') void this.store.refresh();
    if (action?.kind === 'share') {
      const you = this.derive().rows.find((row) => row.isYou);
      const card = challengeCard(you?.best?.score ?? null, action.row.name, action.row.best?.score ?? null);
      this.share(action.row.openId, card.title, card.subtitle);
    }
  }

  /** A card straight to a friend, naming you and your best (cardSender.ts). */
  private share(openId: string, title: string, subtitle: string): void {
    const yourBest = this.derive().rows.find((row) => row.isYou)?.best?.score ?? null;
    const query = challengeQuery(this.store.yourName(), this.store.you(), yourBest);
    this.cards.send({ openId, title, subtitle, imageUrl: SHARE_IMAGE_URL, templateType: 1, query });
  }

  /** The friend data changed: the board learns its new row count here, never while a view reads it. */
  private onDataChange(): void {
    this.derived = null;
    const { rows, youIndex } = this.derive();
    this.board.setRows(rows.length, youIndex);
    this.avatars.preload(rows, youIndex);
    this.redraw();
  }

  /** The menu's best line shows no friend data: friends and avatars arriving there draw nothing. */
  private redraw(): void {
    if (this.view !== 'best') this.scheduler.invalidate();
  }

  private onOwnBestChange(): void {
    const own = this.keeper.state;
    this.stats.ownBest = own;
    if (own.stored) this.store.applyOwnBest({ score: own.stored.score, achievedAt: own.stored.achievedAt });
    this.derived = null;
    this.scheduler.invalidate();
  }

  /** Ranking and surpass, recomputed only when the friend data or your best changed. */
  private derive(): Standings {
    const version = this.store.version;
    if (this.derived === null || this.derived.version !== version) {
      const standings = standingsOf(this.store.state, this.store.you(), this.keeper.state.lastRun);
      this.derived = { version, ...standings };
    }
    return this.derived;
  }

  private problem(): 'unauthorized' | 'failed' | null {
    const state = this.store.state;
    return state.kind === 'error' ? state.problem : null;
  }

  boardModel(): BoardModel {
    const { rows, youIndex } = this.derive();
    return {
      state: this.store.state.kind,
      problem: this.problem(),
      rows,
      youIndex,
      friendCount: rows.length - (youIndex >= 0 ? 1 : 0),
      shares: this.cards.all,
    };
  }

  noticeModel(): NoticeModel {
    const { rows, youIndex, surpass } = this.derive();
    return {
      run: this.keeper.state.lastRun,
      state: this.store.state.kind,
      problem: this.problem(),
      surpass,
      friendCount: rows.filter((row, index) => index !== youIndex && row.best !== null).length,
      shares: this.cards.all,
    };
  }

  private drawFrame(time: number): boolean {
    this.stats.frames += 1;
    const ctx = this.ctx;
    ctx.setTransform(this.scale.scaleX, 0, 0, this.scale.scaleY, 0, 0);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.direction = 'ltr';
    if (this.view === 'notice') {
      this.notice.draw(ctx, this.noticeModel());
      return false;
    }
    if (this.view === 'best') {
      this.bestView.draw(ctx, this.keeper.state);
      return false;
    }
    const moving = this.board.draw(ctx, this.boardModel(), time);
    this.scheduleIdleWork();
    return moving;
  }

  /** After a board frame, draws the row bitmaps the next frames will need, one per task, while visible. */
  private scheduleIdleWork(): void {
    if (this.idleTask !== null || !this.idleWorkAvailable) return;
    try {
      this.idleTask = this.host.setTimeout(() => {
        this.idleTask = null;
        if (this.visible && this.view === 'board' && this.board.prepareNext(this.boardModel()))
          this.scheduleIdleWork();
      }, 0);
    } catch {
      // A runtime without `tt.setTimeout` still gets a correct board: rows are drawn when first shown.
      this.idleWorkAvailable = false;
    }
  }

  /** Test and benchmark hook: whether a frame is waiting to be drawn. */
  get framePending(): boolean {
    return this.scheduler.framePending;
  }
}
