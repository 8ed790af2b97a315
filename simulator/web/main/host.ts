import { DEFAULT_DEVICE, type DeviceSettings, SIMULATED_SDK_VERSION } from '../../device';
import { ErrorCode } from '../../server/errors';
import {
  type FrameInit,
  type FrameToMain,
  isSimMessage,
  type LaunchOptions,
  type MainToFrame,
  type SharedCanvasState,
  type SharedCanvasStyleValues,
  SIM_TAG,
  type SystemInfo,
  styleProperties,
  styleValuePattern,
} from '../shared/wire';
import { getJson, type Outcome, postJson, type SessionInfo } from './api';
import { askConsent, openSettingsPage, pickContacts } from './dialogs';
import { OverlayFrames } from './overlayFrames';

/**
 * The Main Frame's bridge: knows which frame spoke by event.source, performs calls against the
 * server as the active user, routes game → open data context messages and publishes the context's
 * committed frames to the game: as cross-origin images for the guide's overlay, or, once the game took
 * the native path (read getOpenDataContext().canvas), as ImageBitmaps for that canvas.
 */

export interface HostConfig {
  gameOrigin: string;
  contextOrigin: string;
  openDataContext: boolean;
  appName: string;
  device: { width: number; height: number };
}

/** Only CSS lengths for the four known properties reach the overlay, whatever a frame posts. */
function checkedStyle(style: object): SharedCanvasStyleValues {
  const checked: SharedCanvasStyleValues = {};
  for (const property of styleProperties) {
    const value = (style as Record<string, unknown>)[property];
    if (typeof value === 'string' && styleValuePattern.test(value)) checked[property] = value;
  }
  return checked;
}

type Payload = MainToFrame extends infer M ? (M extends { sim: string } ? Omit<M, 'sim'> : never) : never;

export class Host {
  private game: HTMLIFrameElement | undefined;
  private context: HTMLIFrameElement | undefined;
  private session: SessionInfo | undefined;
  private sharedCanvas: SharedCanvasState = { width: 0, height: 0, style: {} };
  private contextInitialised = false;
  private contextQueue: unknown[] = [];
  private generation = 0;
  private nativeCanvas = false;
  private device: DeviceSettings = DEFAULT_DEVICE;
  private readonly overlay = new OverlayFrames((url) =>
    this.post(this.game, this.config.gameOrigin, { kind: 'overlay', url }),
  );

  constructor(
    private readonly config: HostConfig,
    private readonly phone: HTMLElement,
  ) {
    window.addEventListener('message', (event) => this.receive(event));
  }

  get user() {
    return this.session?.user;
  }

  /** (Re)starts the game as the active user: fresh frames, fresh shared canvas. */
  async mount(): Promise<void> {
    this.generation++;
    this.inBackground = false;
    this.session = await getJson<SessionInfo>('/__api/session');
    this.device = this.session.device;
    this.game?.remove();
    this.context?.remove();
    // A dialog left open belongs to the game that asked; its answer would go nowhere.
    for (const dialog of this.phone.querySelectorAll('.modal-backdrop')) dialog.remove();
    const { width, height } = this.config.device;
    this.sharedCanvas = { width, height, style: {} };
    this.contextInitialised = false;
    this.contextQueue = [];
    this.overlay.restart();
    this.nativeCanvas = false;
    await postJson('/__api/context-stats', {
      animationFramesRequested: 0,
      framesCommitted: 0,
      messagesDelivered: 0,
    });
    if (this.config.openDataContext) {
      // Under the game frame, not display:none: a hidden frame would get no animation frames.
      this.context = this.frame(`${this.config.contextOrigin}/`, 'open data context', 'context-frame');
    }
    this.game = this.frame(`${this.config.gameOrigin}/`, 'game', 'game-frame');
    this.phone.append(this.overlay.notice);
  }

  /** The phone changed (devtools, control API): both frames follow at once, nothing restarts. */
  setDevice(device: DeviceSettings): void {
    this.device = device;
    this.post(this.game, this.config.gameOrigin, { kind: 'device', device });
    this.post(this.context, this.config.contextOrigin, { kind: 'device', device });
  }

  private frame(src: string, title: string, id: string): HTMLIFrameElement {
    const iframe = document.createElement('iframe');
    iframe.src = src;
    iframe.title = title;
    iframe.id = id;
    this.phone.append(iframe);
    return iframe;
  }

  /** Whether the game was sent to the background (and not brought back): a card then opens it warm. */
  inBackground = false;

  lifecycle(phase: 'show' | 'hide', launchOptions?: LaunchOptions): void {
    this.inBackground = phase === 'hide';
    this.post(this.game, this.config.gameOrigin, { kind: 'lifecycle', phase, launchOptions });
  }

  private post(
    target: HTMLIFrameElement | undefined,
    origin: string,
    message: Payload,
    transfer: Transferable[] = [],
  ): void {
    target?.contentWindow?.postMessage({ ...message, sim: SIM_TAG }, origin, transfer);
  }

  private systemInfo(): SystemInfo {
    const { width, height } = this.config.device;
    return {
      brand: 'simulator',
      model: `Simulated phone ${width}×${height}`,
      platform: 'devtools',
      system: 'TikTok host simulator',
      language: navigator.language,
      version: this.device.tiktokVersion,
      SDKVersion: SIMULATED_SDK_VERSION,
      pixelRatio: window.devicePixelRatio,
      devicePixelRatio: window.devicePixelRatio,
      deviceOrientation: 'portrait',
      statusBarHeight: 0,
      screenWidth: width,
      screenHeight: height,
      windowWidth: width,
      windowHeight: height,
      safeArea: { left: 0, right: width, top: 0, bottom: height, width, height },
    };
  }

  private init(): FrameInit {
    const session = this.session as SessionInfo;
    return {
      systemInfo: this.systemInfo(),
      launchOptions: session.launchOptions,
      storageNamespace: session.storageNamespace,
      openDataContext: this.config.openDataContext,
      sharedCanvas: this.sharedCanvas,
      commitMode: this.nativeCanvas ? 'bitmap' : 'png',
      device: this.device,
    };
  }

  private receive(event: MessageEvent): void {
    if (!isSimMessage(event.data)) return;
    const domain =
      this.game && event.source === this.game.contentWindow && event.origin === this.config.gameOrigin
        ? 'game'
        : this.context &&
            event.source === this.context.contentWindow &&
            event.origin === this.config.contextOrigin
          ? 'context'
          : undefined;
    if (!domain) return;
    const message = event.data as FrameToMain;
    const frame = domain === 'game' ? this.game : this.context;
    const origin = domain === 'game' ? this.config.gameOrigin : this.config.contextOrigin;
    switch (message.kind) {
      case 'ready':
        this.post(frame, origin, { kind: 'init', init: this.init() });
        if (domain === 'context') {
          this.contextInitialised = true;
          for (const data of this.contextQueue.splice(0))
            this.post(this.context, origin, { kind: 'message', data });
        }
        break;
      case 'call':
        void this.call(domain, frame, origin, message.id, message.api, message.args);
        break;
      case 'postMessage':
        // One way only: the context cannot message the game.
        if (domain !== 'game') return;
        if (this.contextInitialised)
          this.post(this.context, this.config.contextOrigin, { kind: 'message', data: message.data });
        else this.contextQueue.push(message.data);
        break;
      case 'sharedCanvas':
        this.layout(domain, message);
        break;
      case 'commit':
        if (domain === 'context' && message.png instanceof ArrayBuffer && !this.nativeCanvas)
          this.overlay.publish(message.png);
        break;
      case 'nativeCanvas':
        if (domain !== 'game' || this.nativeCanvas) return;
        // One display path per game: frames stop going to the overlay and go to the native canvas.
        this.nativeCanvas = true;
        this.overlay.restart();
        this.post(this.context, this.config.contextOrigin, { kind: 'commitMode', mode: 'bitmap' });
        break;
      case 'bitmap':
        if (domain === 'context' && this.nativeCanvas && message.bitmap instanceof ImageBitmap)
          this.post(this.game, this.config.gameOrigin, { kind: 'bitmap', bitmap: message.bitmap }, [
            message.bitmap,
          ]);
        break;
      case 'stats':
        if (domain === 'context') void postJson('/__api/context-stats', message.stats);
        break;
      default:
        break;
    }
  }

  private layout(
    from: 'game' | 'context',
    patch: { width?: number; height?: number; style?: SharedCanvasState['style'] },
  ): void {
    const size = (value: unknown, current: number) =>
      typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 8192 ? value : current;
    this.sharedCanvas = {
      width: size(patch.width, this.sharedCanvas.width),
      height: size(patch.height, this.sharedCanvas.height),
      style:
        patch.style && typeof patch.style === 'object' ? checkedStyle(patch.style) : this.sharedCanvas.style,
    };
    const state = this.sharedCanvas;
    this.post(this.game, this.config.gameOrigin, { kind: 'sharedCanvas', state });
    if (from === 'game') this.post(this.context, this.config.contextOrigin, { kind: 'sharedCanvas', state });
  }

  private async call(
    domain: 'game' | 'context',
    frame: HTMLIFrameElement | undefined,
    origin: string,
    id: number,
    api: unknown,
    args: unknown,
  ) {
    const generation = this.generation;
    let outcome: Outcome;
    try {
      outcome = await postJson<Outcome>('/__api/call', { domain, api: String(api), args });
      if (outcome.kind === 'consent') {
        const labels = this.session?.scopeLabels ?? {};
        const granted = await askConsent(this.phone, this.config.appName, outcome.scopes, labels);
        outcome = await postJson<Outcome>('/__api/consent', { ticket: outcome.ticket, granted });
      } else if (outcome.kind === 'contacts') {
        const picked = await pickContacts(this.phone, outcome.contacts, outcome.card);
        outcome = await postJson<Outcome>('/__api/contacts', { ticket: outcome.ticket, openIds: picked });
      } else if (outcome.kind === 'settings') {
        const labels = this.session?.scopeLabels ?? {};
        const allowed = await openSettingsPage(this.phone, this.config.appName, outcome.scopes, labels);
        outcome = await postJson<Outcome>('/__api/settings', { ticket: outcome.ticket, allowed });
      }
    } catch (error) {
      const reason = `simulator unreachable (${String(error)})`;
      outcome = {
        kind: 'fail',
        fail: {
          errMsg: `${String(api)}:fail ${reason}`,
          errNo: ErrorCode.internal,
          error: { error_code: ErrorCode.internal, error_msg: reason, error_extra: {} },
        },
      };
    }
    if (generation !== this.generation) return;
    const ok = outcome.kind === 'ok';
    const result = outcome.kind === 'ok' ? outcome.result : outcome.kind === 'fail' ? outcome.fail : {};
    this.post(frame, origin, { kind: 'result', id, ok, result });
  }
}
