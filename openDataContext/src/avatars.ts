/**
 * Avatars are loaded once per URL and kept: a row scrolled back into view draws the image it already
 * has. Until an image loads, and forever when it fails, the row draws a placeholder.
 *
 * An avatar host that sends no CORS headers must never taint the shared canvas: a tainted canvas cannot
 * be exported, so the platform could show no new frame of the board again. With `crossOrigin` set the
 * browser refuses such an image (a failed load, so a placeholder); a runtime that ignores `crossOrigin`
 * would load it tainted, so each loaded image is probed once and an unreadable one counts as failed.
 */
import type { ContextHost, PlatformImage } from './host';

type Entry = { state: 'loading' | 'failed'; image: PlatformImage } | { state: 'ready'; image: PlatformImage };

/** Avatar URLs come from other players' profiles; only plain web images are fetched. */
const SAFE_URL = /^https?:\/\/[^\s"'<>\\]+$/i;
const MAX_URL_LENGTH = 2048;
/** Rows whose avatars load as soon as the friends are known: more than a board shows when it opens. */
const PRELOADED_ROWS = 12;

export class AvatarCache {
  private readonly entries_ = new Map<string, Entry>();
  private readonly rounds_ = new Map<string, OffscreenCanvas>();
  loads = 0;

  constructor(
    private readonly host_: Pick<ContextHost, 'createImage'>,
    private readonly onReady_: () => void,
  ) {}

  /** The loaded image, or null (placeholder) while loading, after a failure, or for an unusable URL. */
  get(url: string): PlatformImage | null {
    if (url === '' || url.length > MAX_URL_LENGTH || !SAFE_URL.test(url)) return null;
    const entry = this.entries_.get(url);
    if (entry !== undefined) return entry.state === 'ready' ? entry.image : null;
    this.load_(url);
    return null;
  }

  /** Starts loading the avatars of the rows a board opens on, and yours, so it opens complete. */
  preload(rows: readonly { avatarUrl: string }[], youIndex: number): void {
    for (const row of [...rows.slice(0, PRELOADED_ROWS), rows[youIndex]]) if (row) this.get(row.avatarUrl);
  }

  /** Whether the avatar is loaded, without starting a load: a scroll frame asks this of every row. */
  ready(url: string): boolean {
    return this.entries_.get(url)?.state === 'ready';
  }

  /**
   * The loaded avatar already cut to a circle at `pixels` device pixels, so a row draws it with one
   * plain copy instead of a clipped, scaled draw. Null when not loaded or without OffscreenCanvas.
   */
  round(url: string, pixels: number): OffscreenCanvas | null {
    const image = this.get(url);
    if (image === null || typeof OffscreenCanvas === 'undefined' || pixels < 1) return null;
    const key = `${pixels}|${url}`;
    const cached = this.rounds_.get(key);
    if (cached !== undefined) return cached;
    const canvas = new OffscreenCanvas(pixels, pixels);
    const ctx = canvas.getContext('2d');
    if (ctx === null) return null;
    ctx.beginPath();
    ctx.arc(pixels / 2, pixels / 2, pixels / 2, 0, Math.PI * 2);
    ctx.clip();
    ctx.drawImage(image as unknown as CanvasImageSource, 0, 0, pixels, pixels);
    this.rounds_.set(key, canvas);
    return canvas;
  }

  private load_(url: string): void {
    const image = this.host_.createImage();
    const entry: Entry = { state: 'loading', image };
    this.entries_.set(url, entry);
    this.loads += 1;
    image.onload = () => {
      if (!readable(image)) {
        this.entries_.set(url, { state: 'failed', image });
        return;
      }
      this.entries_.set(url, { state: 'ready', image });
      this.onReady_();
    };
    image.onerror = () => {
      this.entries_.set(url, { state: 'failed', image });
    };
    // Required to draw another origin's image without tainting the shared canvas.
    image.crossOrigin = 'anonymous';
    image.src = url;
  }
}

/** False when drawing the image would taint a canvas (no CORS); true where nothing can be probed. */
function readable(image: PlatformImage): boolean {
  if (typeof OffscreenCanvas === 'undefined') return true;
  try {
    const probe = new OffscreenCanvas(1, 1).getContext('2d');
    if (probe === null) return true;
    probe.drawImage(image as unknown as CanvasImageSource, 0, 0, 1, 1);
    probe.getImageData(0, 0, 1, 1);
    return true;
  } catch {
    return false;
  }
}
