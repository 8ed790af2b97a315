/**
 * The guide's overlay path in the Main Frame: each committed context frame (a PNG) is uploaded to the
 * simulator's server and handed to the game frame as an image URL on this origin, so the game can show it
 * but never read it. Latest frame wins, one upload in flight.
 *
 * On a phone the context's frames never leave the device; here they pass through the simulator's server, so
 * a browser that is offline (its devtools' "Offline") would leave the overlay blank without a word. The
 * phone then says why, and the frame is retried every second until a newer one replaces it.
 */
export class OverlayFrames {
  private pending: ArrayBuffer | null = null;
  private uploading = false;
  private generation = 0;
  readonly notice: HTMLParagraphElement;

  constructor(private readonly show: (url: string) => void) {
    this.notice = document.createElement('p');
    this.notice.className = 'delivery-notice';
    this.notice.setAttribute('role', 'status');
    this.notice.hidden = true;
  }

  /** A new game: frames of the previous one are dropped. */
  restart(): void {
    this.generation++;
    this.pending = null;
    this.notice.hidden = true;
  }

  publish(png: ArrayBuffer): void {
    this.pending = png;
    if (!this.uploading) void this.pump(this.generation);
  }

  private async pump(generation: number): Promise<void> {
    this.uploading = true;
    try {
      while (this.pending && generation === this.generation) {
        const png = this.pending;
        this.pending = null;
        const url = await this.upload(png);
        if (url === null) {
          this.pending ??= png;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        } else if (generation === this.generation) this.show(url);
      }
    } finally {
      this.uploading = false;
      if (this.pending) void this.pump(this.generation);
    }
  }

  private async upload(png: ArrayBuffer): Promise<string | null> {
    try {
      const response = await fetch('/__api/frame', {
        method: 'POST',
        headers: { 'content-type': 'image/png' },
        body: png,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { url } = (await response.json()) as { url: string };
      this.notice.hidden = true;
      return url;
    } catch (error) {
      this.notice.textContent =
        'The open data context drew a frame the simulator cannot show: its own server did not answer (' +
        `${error instanceof Error ? error.message : String(error)}; is the browser offline?). A phone shows ` +
        'the frame without any network. Retrying every second.';
      this.notice.hidden = false;
      return null;
    }
  }
}
