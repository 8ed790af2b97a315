import { natives } from '../shared/natives';
import type { CommitMode, ContextStats } from '../shared/wire';

const requestAnimationFrame = natives.requestAnimationFrame;

/**
 * Turns a dirty shared canvas into committed frames: checked once per display frame, one encode in
 * flight, the latest drawing wins. Idle costs nothing: no frame is requested until something draws.
 * A frame is a PNG for the guide's overlay, or an ImageBitmap for the native path (a bitmap passed by
 * postMessage stays untainted, so the game can upload it as a WebGL texture).
 */
export class FrameCommitter {
  private dirty = false;
  private scheduled = false;
  private encoding = false;
  private mode: CommitMode;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly publish: (png: ArrayBuffer) => void,
    private readonly publishBitmap: (bitmap: ImageBitmap) => void,
    private readonly stats: ContextStats,
    private readonly onStats: () => void,
    mode: CommitMode,
  ) {
    this.mode = mode;
  }

  /** The game took the native path: later frames go as bitmaps; the current drawing is sent again. */
  setMode(mode: CommitMode): void {
    if (this.mode === mode) return;
    this.mode = mode;
    this.markDirty();
  }

  markDirty(): void {
    this.dirty = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.encoding || !this.dirty) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.commit();
    });
  }

  private commit(): void {
    this.dirty = false;
    this.encoding = true;
    if (this.mode === 'bitmap') {
      this.commitBitmap();
      return;
    }
    // Chromium encodes toBlob in an idle period and waits up to a second for one; a frame that
    // paints nothing has no idle periods. Asking for frames while encoding makes them come.
    const keepRendering = () => {
      if (this.encoding) requestAnimationFrame(keepRendering);
    };
    keepRendering();
    const done = () => {
      this.encoding = false;
      this.schedule();
    };
    try {
      HTMLCanvasElement.prototype.toBlob.call(
        this.canvas,
        (blob) => {
          if (!blob) return done();
          blob
            .arrayBuffer()
            .then((png) => {
              this.stats.framesCommitted++;
              this.onStats();
              this.publish(png);
            })
            .finally(done);
        },
        'image/png',
      );
    } catch (error) {
      // A canvas tainted by an image without CORS cannot be exported: the platform cannot show it either.
      console.error('open data context: shared canvas could not be committed', error);
      done();
    }
  }

  private commitBitmap(): void {
    const done = () => {
      this.encoding = false;
      this.schedule();
    };
    natives
      .createImageBitmap(this.canvas)
      .then((bitmap) => {
        this.stats.framesCommitted++;
        this.onStats();
        this.publishBitmap(bitmap);
      })
      .catch((error: unknown) =>
        console.error('open data context: shared canvas could not be committed', error),
      )
      .finally(done);
  }
}
