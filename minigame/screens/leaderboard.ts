/**
 * The leaderboard screen: a Friends / Global toggle and a close button.
 *
 * Friends: the open data context draws the board on the shared canvas, placed over `boardRect`; the
 * game only tells it where (`show`) and forwards pointer events (see App.pointer). Without both
 * permissions, a friendly alternative says why (not now, refused, only one of the two allowed, or the
 * platform failed) and offers the global board and another try.
 * Global: the game server's board, drawn here; a failure says whose it is (login, network, server).
 */
import {
  type FriendBoardOutcome,
  friendsAlternativeCopy,
  GLOBAL_FAILURE_COPY,
  type GlobalBoardState,
  loadGlobalBoard,
  retryLabel,
} from '../../assets/scripts/shell/index';
import { formatScore, truncateGraphemes } from '../../assets/scripts/social/displayName';
import type { Screen } from '../screen';
import type { ScreenContext } from '../screenContext';
import { inviteFriends, showContextView } from '../social';
import { colors } from '../theme';
import { type Button, column, drawBackdrop, drawParagraph, drawText, type Rect, roundRect } from '../ui';

export type BoardTab = 'friends' | 'global';

export interface LeaderboardOptions {
  tab: BoardTab;
  outcome: FriendBoardOutcome;
  back: () => Screen;
}

const ROW_HEIGHT = 44;

export function leaderboardScreen(app: ScreenContext, options: LeaderboardOptions): Screen {
  const { width, height } = app.view;
  const col = column(width);
  let tab = options.tab;
  const outcome = options.outcome;
  let global: GlobalBoardState = { status: 'loading' };
  let globalRequest = 0;
  let retrying = false;
  const inviteHeight = 48;
  const boardRect: Rect = { x: col.x, y: 124, width: col.width, height: height - 124 - inviteHeight - 36 };

  const authorized = (): boolean => outcome.kind === 'authorized';

  const loadGlobal = (): void => {
    const request = ++globalRequest;
    global = { status: 'loading' };
    void loadGlobalBoard(app.services.server).then((state) => {
      if (request !== globalRequest) return;
      global = state;
      if (tab === 'global' && state.status === 'ready') {
        app.services.analytics.track({ name: 'board_shown', board: 'global' });
      }
    });
  };

  const showTab = (): void => {
    if (tab === 'friends' && authorized()) {
      showContextView(app, 'board', boardRect);
      app.services.analytics.track({ name: 'board_shown', board: 'friends' });
    } else {
      app.services.surface.hide();
      if (tab === 'global') loadGlobal();
    }
  };

  const boardState = (): string =>
    tab === 'friends'
      ? `friends:${outcome.kind}`
      : `global:${global.status === 'failed' ? global.problem : global.status}`;

  const switchTo = (next: BoardTab): void => {
    if (next === tab) return;
    tab = next;
    app.services.analytics.track({ name: 'board_toggle', to: next });
    showTab();
  };

  const retryAuthorization = async (): Promise<void> => {
    if (retrying) return;
    retrying = true;
    // The explanation screen may replace this one meanwhile; a fresh board screen shows the outcome.
    const next = await app.retryAuthorization(outcome.kind);
    retrying = false;
    app.go(leaderboardScreen(app, { ...options, tab: 'friends', outcome: next }));
  };

  const buttons = (): Button[] => {
    const tabWidth = (col.width - 8) / 2;
    const list: Button[] = [
      {
        id: 'close',
        label: '×',
        rect: { x: width - 56, y: 16, width: 40, height: 40 },
        style: 'icon',
        onTap: () => app.go(options.back()),
      },
      {
        id: 'tab-friends',
        label: 'Friends',
        rect: { x: col.x, y: 72, width: tabWidth, height: 40 },
        style: tab === 'friends' ? 'chip-on' : 'chip',
        onTap: () => switchTo('friends'),
      },
      {
        id: 'tab-global',
        label: 'Global',
        rect: { x: col.x + tabWidth + 8, y: 72, width: tabWidth, height: 40 },
        style: tab === 'global' ? 'chip-on' : 'chip',
        onTap: () => switchTo('global'),
      },
    ];
    const below = {
      x: col.x,
      y: boardRect.y + boardRect.height + 16,
      width: col.width,
      height: inviteHeight,
    };
    if (tab === 'friends' && authorized()) {
      // The context cannot tell the game whether the board is empty, so the invite is always offered.
      list.push({
        id: 'invite',
        label: 'Invite friends',
        rect: below,
        style: 'secondary',
        onTap: () => void inviteFriends(app),
      });
    } else if (tab === 'friends') {
      const y = boardRect.y + 190;
      list.push(
        {
          id: 'show-global',
          label: 'See the global board',
          rect: { x: col.x + 20, y, width: col.width - 40, height: 52 },
          style: 'primary',
          onTap: () => switchTo('global'),
        },
        {
          id: 'retry-auth',
          label: retryLabel(outcome.kind, app.services.friendBoard.canOpenSettings()),
          rect: { x: col.x + 20, y: y + 64, width: col.width - 40, height: 44 },
          style: 'quiet',
          enabled: !retrying,
          onTap: () => void retryAuthorization(),
        },
      );
    } else if (global.status === 'failed') {
      list.push({
        id: 'retry-global',
        label: 'Retry',
        rect: { x: col.x + 40, y: boardRect.y + 150, width: col.width - 80, height: 48 },
        style: 'primary',
        onTap: loadGlobal,
      });
    }
    return list;
  };

  const drawGlobal = (ctx: CanvasRenderingContext2D): void => {
    const centerX = boardRect.x + boardRect.width / 2;
    if (global.status !== 'ready' || global.entries.length === 0) {
      roundRect(ctx, { ...boardRect, height: 220 }, 14);
      ctx.fillStyle = colors.panel;
      ctx.fill();
    }
    if (global.status === 'loading') {
      drawText(ctx, 'Loading…', centerX, boardRect.y + 60, {
        size: 16,
        align: 'center',
        color: colors.muted,
      });
      return;
    }
    if (global.status === 'failed') {
      const copy = GLOBAL_FAILURE_COPY[global.problem];
      drawText(ctx, copy.title, centerX, boardRect.y + 56, { size: 22, weight: 800, align: 'center' });
      drawParagraph(ctx, copy.body, centerX, boardRect.y + 92, boardRect.width - 40, {
        size: 14,
        align: 'center',
        color: colors.muted,
        lineHeight: 19,
      });
      return;
    }
    if (global.entries.length === 0) {
      drawText(ctx, 'No scores yet. Be the first!', centerX, boardRect.y + 60, {
        size: 15,
        align: 'center',
        color: colors.muted,
      });
      return;
    }
    // The panel fits the rows it has: one or two players in a tall empty box look like a broken board.
    const rows = Math.min(global.entries.length, Math.floor(boardRect.height / ROW_HEIGHT));
    const panel = { ...boardRect, height: rows * ROW_HEIGHT };
    ctx.save();
    roundRect(ctx, panel, 14);
    ctx.fillStyle = colors.panel;
    ctx.fill();
    ctx.clip();
    global.entries.slice(0, rows).forEach((entry, index) => {
      const y = boardRect.y + index * ROW_HEIGHT;
      const isYou = global.status === 'ready' && entry.openId === global.youOpenId;
      if (isYou || index % 2 === 1) {
        ctx.fillStyle = isYou ? '#3a2f6b' : 'rgba(255,255,255,0.03)';
        ctx.fillRect(boardRect.x, y, boardRect.width, ROW_HEIGHT);
      }
      const mid = y + ROW_HEIGHT / 2;
      drawText(ctx, String(entry.rank), boardRect.x + 24, mid, {
        size: 15,
        weight: 800,
        align: 'center',
        color: entry.rank <= 3 ? colors.gold : colors.muted,
      });
      // Before a player allowed their profile, the server knows no name: "You" reads better than a stand-in.
      const name = entry.displayName
        ? truncateGraphemes(entry.displayName, 22) + (isYou ? ' (you)' : '')
        : isYou
          ? 'You'
          : 'Player';
      drawText(ctx, name, boardRect.x + 48, mid, {
        size: 15,
        weight: isYou ? 700 : 400,
        maxWidth: boardRect.width - 140,
      });
      drawText(ctx, formatScore(entry.score), boardRect.x + boardRect.width - 14, mid, {
        size: 15,
        weight: 700,
        align: 'right',
      });
    });
    ctx.restore();
    if (rows < 5) {
      drawText(
        ctx,
        'Everyone who plays lands here. Play on to climb!',
        centerX,
        panel.y + panel.height + 24,
        {
          size: 14,
          align: 'center',
          color: colors.muted,
          maxWidth: boardRect.width - 24,
        },
      );
    }
  };

  const drawWithoutFriends = (ctx: CanvasRenderingContext2D): void => {
    roundRect(ctx, boardRect, 14);
    ctx.fillStyle = colors.panel;
    ctx.fill();
    const centerX = boardRect.x + boardRect.width / 2;
    const copy = friendsAlternativeCopy(
      outcome.kind === 'authorized' ? 'failed' : outcome.kind,
      app.services.friendBoard.canOpenSettings(),
    );
    drawText(ctx, copy.title, centerX, boardRect.y + 44, { size: 21, weight: 800, align: 'center' });
    drawParagraph(ctx, copy.body, centerX, boardRect.y + 84, boardRect.width - 40, {
      size: 15,
      align: 'center',
      color: colors.muted,
      lineHeight: 21,
    });
  };

  return {
    name: 'leaderboard',
    enter: showTab,
    leave() {
      app.services.surface.hide();
    },
    state: boardState,
    buttons,
    draw(ctx) {
      drawBackdrop(ctx, width, height);
      drawText(ctx, 'Leaderboard', col.x, 36, { size: 24, weight: 800 });
      if (tab === 'global') drawGlobal(ctx);
      else if (!authorized()) drawWithoutFriends(ctx);
      else {
        // The open data context's image covers this rectangle; this frame shows while it loads.
        roundRect(ctx, boardRect, 14);
        ctx.fillStyle = colors.panel;
        ctx.fill();
      }
    },
  };
}
