/**
 * The baseline of the open benchmark: the friend board as TikTok's guide example builds it, restated for
 * the benchmark. On its "show" message it asks for the friends' cloud storage, sorts them by score,
 * clears the canvas and draws every row (rank, name, score) at once; each avatar is a new image whose
 * load draws it into its row. Nothing is fetched ahead and nothing is kept between shows.
 */

export interface GuideRuntime {
  onMessage(listener: (message: unknown) => void): void;
  getSharedCanvas(): HTMLCanvasElement;
  createImage(): HTMLImageElement;
  getFriendCloudStorage(options: {
    keyList: string[];
    success: (result: { data?: GuideFriend[] }) => void;
    fail?: (error: unknown) => void;
  }): void;
}

export interface GuideFriend {
  open_id?: string;
  display_name?: string;
  avatar_url?: string;
  data?: { key?: string; value?: string }[];
}

/** The guide's row pitch and avatar size; `scale` is the device pixels per CSS px the game sized it at. */
const ROW_PITCH = 80;
const AVATAR = 60;

export function startGuideBoard(runtime: GuideRuntime, scale: number): void {
  const canvas = runtime.getSharedCanvas();
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const scoreOf = (friend: GuideFriend) => Number.parseInt(friend.data?.[0]?.value ?? '0', 10) || 0;

  const draw = () =>
    runtime.getFriendCloudStorage({
      keyList: ['highScore'],
      success: (result) => {
        const friends = result.data ?? [];
        ctx.setTransform(scale, 0, 0, scale, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        friends.sort((a, b) => scoreOf(b) - scoreOf(a));
        friends.forEach((friend, index) => {
          const top = index * ROW_PITCH + 20;
          ctx.fillStyle = '#333333';
          ctx.font = 'bold 20px sans-serif';
          ctx.fillText(String(index + 1), 20, top + 40);
          const avatar = runtime.createImage();
          avatar.onload = () => {
            ctx.setTransform(scale, 0, 0, scale, 0, 0);
            ctx.drawImage(avatar, 60, top, AVATAR, AVATAR);
          };
          avatar.src = friend.avatar_url ?? '';
          ctx.font = '16px sans-serif';
          ctx.fillText(friend.display_name ?? '', 140, top + 30);
          ctx.fillStyle = '#666666';
          ctx.font = '14px sans-serif';
          ctx.fillText(`Score: ${friend.data?.[0]?.value ?? '0'}`, 140, top + 50);
        });
      },
    });

  runtime.onMessage((message) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'showLeaderboard') draw();
    else if (type === 'hide') {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    }
  });
}
