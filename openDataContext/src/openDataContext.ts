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
import { FrameScheduler, IdleWork } from './scheduler';
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
  private readonly notice_ = new NoticeView();
  private readonly bestView_ = new BestView();
  private readonly scheduler_: FrameScheduler;
  private readonly idleWork_: IdleWork;
  private readonly avatars_: AvatarCache;
  private readonly canvas_: SharedCanvas;
  private readonly ctx_: CanvasRenderingContext2D;
  private readonly cards_: CardSender;
  private view_: SurfaceView = 'board';
  private surface_: Surface | null = null;
  private scale_ = { scaleX: 1, scaleY: 1 };
  private visible_ = false;
  private derived_: (Standings & { version: number }) | null = null;

  /**
   * `rules`: this build's zone's cloud keys (social/zones.ts), the only ones it reads and writes, and the
   * game's score limit, above which a message or a friend's value is no score.
   */
  constructor(
    private readonly host_: ContextHost,
    private readonly rules_: CloudRules,
  ) {
    this.canvas_ = host_.getSharedCanvas();
    const ctx = this.canvas_.getContext('2d');
    if (ctx === null) throw new Error('open data context: the shared canvas has no 2d context');
    this.ctx_ = ctx;
    this.scheduler_ = new FrameScheduler(host_, (time) => this.drawFrame_(time));
    this.idleWork_ = new IdleWork(
      host_,
      () => this.visible_ && this.view_ === 'board' && this.board.prepareNext(this.boardModel()),
    );
    this.avatars_ = new AvatarCache(host_, () => this.redraw_());
    this.board = new BoardView(this.avatars_);
    this.cards_ = new CardSender(host_, () => this.scheduler_.invalidate());
    this.store = new FriendStore(host_, rules_, new PlayerTag(host_), () => this.onDataChange_());
    this.keeper = new BestKeeper(host_, rules_, () => this.onOwnBestChange_());
  }

  listen(): void {
    this.host_.onMessage((raw) => this.receive(raw));
  }

  /** Entry point for every message; malformed ones are counted and dropped, never thrown. */
  receive(raw: unknown): void {
    this.stats.messages += 1;
    const parsed = parseContextMessage(raw, this.rules_.scoreLimit);
    if (!parsed.ok) {
      this.stats.ignored += 1;
      this.stats.lastIgnoredReason = parsed.reason;
      return;
    }
    this.handle_(parsed.message);
  }

  private handle_(message: ContextMessage): void {
    switch (message.type) {
      case 'show': {
        this.view_ = message.view;
        this.store.setYou(message.you.openId);
        this.place_({ rect: message.rect, viewport: message.viewport, pixelRatio: message.pixelRatio });
        if (message.view === 'best') this.keeper.load();
        else if (message.authorized) void this.store.ensureFresh();
        else this.store.markUnauthorized();
        this.visible_ = true;
        this.board.invalidateAll();
        this.scheduler_.setVisible(true);
        this.scheduler_.invalidate();
        return;
      }
      case 'hide':
        this.visible_ = false;
        this.board.scroller.stop();
        this.scheduler_.setVisible(false);
        this.idleWork_.cancel();
        this.ctx_.setTransform(1, 0, 0, 1, 0, 0);
        this.ctx_.clearRect(0, 0, this.canvas_.width, this.canvas_.height);
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
        if (this.surface_ !== null) {
          const { width, height } = message;
          this.place_({ ...this.surface_, rect: { ...this.surface_.rect, width, height } });
          this.board.invalidateAll();
          this.scheduler_.invalidate();
        }
        return;
      case 'pointer':
        this.pointer_(message.phase, message.x, message.y, message.time);
        return;
    }
  }

  private place_(surface: Surface): void {
    this.surface_ = surface;
    this.scale_ = applySurface(this.canvas_, surface);
    this.board.setSize(surface.rect.width, surface.rect.height, this.scale_.scaleX, this.scale_.scaleY);
    this.notice_.setSize(surface.rect.width, surface.rect.height);
    this.bestView_.setSize(surface.rect.width, surface.rect.height);
  }

  private pointer_(phase: PointerPhase, x: number, y: number, time: number): void {
    if (!this.visible_ || this.view_ === 'best') return;
    if (this.view_ === 'notice') {
      if (phase !== 'up') return;
      const action = this.notice_.tap(x, y);
      if (action?.kind === 'retry') void this.store.refresh();
      const run = this.keeper.state.lastRun;
      if (action?.kind === 'tell' && run?.newBest === true) {
        const card = passedCard(run.score, action.friend.name);
        this.share_(action.friend.openId, card.title, card.subtitle);
      }
      return;
    }
    const { action, redraw } = this.board.pointer(phase, x, y, time, () => this.boardModel());
    if (redraw) this.scheduler_.invalidate();
    if (action?.kind === 'retry') void this.store.refresh();
    if (action?.kind === 'share') {
      const you = this.derive_().rows.find((row) => row.isYou);
      const card = challengeCard(you?.best?.score ?? null, action.row.name, action.row.best?.score ?? null);
      this.share_(action.row.openId, card.title, card.subtitle);
    }
  }

  /** A card straight to a friend, naming you and your best (cardSender.ts). */
  private share_(openId: string, title: string, subtitle: string): void {
    const yourBest = this.derive_().rows.find((row) => row.isYou)?.best?.score ?? null;
    const query = challengeQuery(this.store.yourName(), this.store.you(), yourBest);
    this.cards_.send({ openId, title, subtitle, imageUrl: SHARE_IMAGE_URL, templateType: 1, query });
  }

  /** The friend data changed: the board learns its new row count here, never while a view reads it. */
  private onDataChange_(): void {
    this.derived_ = null;
    const { rows, youIndex } = this.derive_();
    this.board.setRows(rows.length, youIndex);
    this.avatars_.preload(rows, youIndex);
    this.redraw_();
  }

  /** The menu's best line shows no friend data: friends and avatars arriving there draw nothing. */
  private redraw_(): void {
    if (this.view_ !== 'best') this.scheduler_.invalidate();
  }

  private onOwnBestChange_(): void {
    const own = this.keeper.state;
    this.stats.ownBest = own;
    if (own.stored) this.store.applyOwnBest({ score: own.stored.score, achievedAt: own.stored.achievedAt });
    this.derived_ = null;
    this.scheduler_.invalidate();
  }

  /** Ranking and surpass, recomputed only when the friend data or your best changed. */
  private derive_(): Standings {
    const version = this.store.version;
    if (this.derived_ === null || this.derived_.version !== version) {
      const standings = standingsOf(this.store.state, this.store.you(), this.keeper.state.lastRun);
      this.derived_ = { version, ...standings };
    }
    return this.derived_;
  }

  private problem_(): 'unauthorized' | 'failed' | null {
    const state = this.store.state;
    return state.kind === 'error' ? state.problem : null;
  }

  boardModel(): BoardModel {
    const { rows, youIndex } = this.derive_();
    return {
      state: this.store.state.kind,
      problem: this.problem_(),
      rows,
      youIndex,
      friendCount: rows.length - (youIndex >= 0 ? 1 : 0),
      shares: this.cards_.all,
    };
  }

  noticeModel(): NoticeModel {
    const { rows, youIndex, surpass } = this.derive_();
    return {
      run: this.keeper.state.lastRun,
      state: this.store.state.kind,
      problem: this.problem_(),
      surpass,
      friendCount: rows.filter((row, index) => index !== youIndex && row.best !== null).length,
      shares: this.cards_.all,
    };
  }

  private drawFrame_(time: number): boolean {
    this.stats.frames += 1;
    const ctx = this.ctx_;
    ctx.setTransform(this.scale_.scaleX, 0, 0, this.scale_.scaleY, 0, 0);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.direction = 'ltr';
    if (this.view_ === 'notice') {
      this.notice_.draw(ctx, this.noticeModel());
      return false;
    }
    if (this.view_ === 'best') {
      this.bestView_.draw(ctx, this.keeper.state);
      return false;
    }
    const model = this.boardModel();
    const moving = this.board.draw(ctx, model, time);
    // The row bitmaps the next frames will need are drawn in idle time, only while the board is shown.
    if (this.board.hasRowsToPrepare(model)) this.idleWork_.request();
    return moving;
  }

  /** Test and benchmark hook: whether a frame is waiting to be drawn. */
  get framePending(): boolean {
    return this.scheduler_.framePending;
  }
}
