/**
 * The same friend board written for the Layout engine (minigame-canvas-engine), the way its guide and
 * demos write one: an XML template of every row, a style sheet, `init` then `layout`. Sizes are in
 * device pixels (the canvas is `css size × pixel ratio`), which is how Layout boards are made crisp.
 */

export interface LayoutEngine {
  init(template: string, style: Record<string, Record<string, unknown>>): void;
  layout(ctx: CanvasRenderingContext2D): void;
  updateViewPort(box: { x: number; y: number; width: number; height: number }): void;
  clear(options?: { removeTicker?: boolean }): void;
  repaint(): void;
  getElementsByClassName(name: string): unknown[];
  /** Layout's shared frame loop; `update` is one display frame of it (repaint, reflow, scrollbar fade). */
  ticker: { stop(): void; start(): void; update(): void; animationId: number | null };
}

export interface BoardRow {
  rank: number | null;
  name: string;
  avatarUrl: string;
  score: number | null;
  isYou: boolean;
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const rowXml = (row: BoardRow, extraClass = '') => `<view class="row${row.isYou ? ' you' : ''}${extraClass}">
  <text class="rank" value="${row.rank ?? '–'}"></text>
  <image class="avatar" src="${escapeXml(row.avatarUrl)}"></image>
  <view class="info">
    <text class="name" value="${escapeXml(row.name)}"></text>
    <text class="score" value="${row.score === null ? 'No score yet' : `${row.score} pts`}"></text>
  </view>
  ${row.isYou ? '' : '<view class="button"><text class="buttonText" value="Challenge"></text></view>'}
</view>`;

/** Every row in a scroll view, and your row again under it, pinned, as this context's board shows it. */
export function layoutTemplate(rows: readonly BoardRow[]): string {
  const you = rows.find((row) => row.isYou);
  return `<view class="board">
  <view class="header"><text class="title" value="Friends"></text></view>
  <scrollview class="list" scrollY="true">${rows.map((row) => rowXml(row)).join('\n')}</scrollview>
  ${you === undefined ? '' : rowXml(you, ' pinned')}
</view>`;
}

export function layoutStyle(
  width: number,
  height: number,
  dpr: number,
): Record<string, Record<string, unknown>> {
  const px = (css: number) => Math.round(css * dpr);
  return {
    board: { width: px(width), height: px(height), backgroundColor: '#17162b' },
    header: { width: px(width), height: px(44), backgroundColor: '#201f3a', justifyContent: 'center' },
    title: {
      marginLeft: px(12),
      fontSize: px(17),
      fontWeight: 'bold',
      color: '#ffffff',
      width: px(200),
      height: px(24),
    },
    list: { width: px(width), height: px(height - 44 - 56) },
    row: { width: px(width), height: px(56), flexDirection: 'row', alignItems: 'center' },
    you: { backgroundColor: '#3a2f6b' },
    rank: {
      marginLeft: px(12),
      width: px(34),
      height: px(22),
      fontSize: px(16),
      color: '#a9a6c8',
      textAlign: 'center',
    },
    avatar: { marginLeft: px(4), width: px(36), height: px(36), borderRadius: px(18) },
    info: { marginLeft: px(10), width: px(width - 96 - 106), height: px(40) },
    name: {
      width: px(width - 96 - 106),
      height: px(20),
      fontSize: px(15),
      fontWeight: 'bold',
      color: '#ffffff',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    },
    score: { width: px(width - 96 - 106), height: px(18), fontSize: px(13), color: '#a9a6c8' },
    button: {
      marginLeft: px(10),
      width: px(84),
      height: px(30),
      borderRadius: px(15),
      backgroundColor: '#fe2c55',
      justifyContent: 'center',
    },
    buttonText: { width: px(84), height: px(18), fontSize: px(13), color: '#ffffff', textAlign: 'center' },
  };
}
