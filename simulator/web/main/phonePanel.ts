import { CURRENT_TIKTOK_VERSION, type DeviceSettings, OFFERED_TIKTOK_VERSIONS } from '../../device';
import { element, getJson, postJson } from './api';
import { withFeedback } from './feedback';

/**
 * The devtools' "Phone" section: which runtime the phone behaves as, its TikTok version, the network and
 * the game server, and the share card configured for the game (the Developer Portal's). Each change applies
 * at once, without restarting the game (POST /__sim/platform, /tiktok-version, /network, /game-server,
 * /share-card).
 */

interface DeviceSummary {
  device: DeviceSettings;
  shareCard: { title: string; imageUrl: string };
  gameServer: { attached: boolean; down: boolean };
  warnings: string[];
}

const button = (textContent: string) => element('button', { type: 'button', textContent });

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return element('label', { className: 'field inline grow' }, [
    element('span', { textContent: text }),
    control,
  ]);
}

export class PhonePanel {
  readonly element: HTMLElement;
  private readonly mode = element('select', { id: 'platform-mode' }, [
    element('option', { value: 'tiktok', textContent: "TikTok: its current docs, the guide's rows" }),
    element('option', {
      value: 'douyin',
      textContent: 'Douyin: UserGameData rows, its request and share rules',
    }),
  ]);
  private readonly version = element(
    'select',
    { id: 'tiktok-version' },
    OFFERED_TIKTOK_VERSIONS.map(({ value, label }) => element('option', { value, textContent: label })),
  );
  private readonly networkDown = element('input', { type: 'checkbox', name: 'networkDown' });
  private readonly serverDown = element('input', { type: 'checkbox', name: 'gameServerDown' });
  private readonly serverHint = element('small', { className: 'muted' });
  private readonly cardTitle = element('input', { type: 'text', name: 'shareCardTitle' });
  private readonly cardImage = element('input', { type: 'text', name: 'shareCardImage' });
  private readonly warnings = element('ul', { className: 'warnings' });

  constructor() {
    const applyMode = button('Apply');
    applyMode.onclick = () =>
      void withFeedback(
        applyMode,
        () => postJson('/__sim/platform', { mode: this.mode.value }),
        () => `The phone now behaves as ${this.mode.value === 'tiktok' ? 'TikTok' : 'Douyin'}`,
      );
    const applyVersion = button('Apply');
    applyVersion.onclick = () =>
      void withFeedback(
        applyVersion,
        () => postJson('/__sim/tiktok-version', { version: this.version.value }),
        () => `TikTok ${this.version.selectedOptions[0]?.textContent ?? this.version.value}`,
      );
    this.networkDown.onchange = () => {
      const down = this.networkDown.checked;
      void withFeedback(
        this.networkDown,
        () => postJson('/__sim/network', { down }),
        down ? 'Offline' : 'Online',
      );
    };
    this.serverDown.onchange = () => {
      const down = this.serverDown.checked;
      void withFeedback(
        this.serverDown,
        async () => {
          try {
            await postJson('/__sim/game-server', { down });
          } catch (error) {
            this.serverDown.checked = !down;
            throw error;
          }
        },
        down ? 'Stopped: connections are refused' : 'Running again',
      );
    };
    const applyCard = button('Apply');
    applyCard.onclick = () =>
      void withFeedback(
        applyCard,
        () => postJson('/__sim/share-card', { title: this.cardTitle.value, imageUrl: this.cardImage.value }),
        'Share card configured',
      );
    this.cardTitle.setAttribute('aria-label', 'Share card title');
    this.cardImage.setAttribute('aria-label', 'Share card image URL');
    this.element = element('section', { className: 'card phone-panel' }, [
      element('h2', { textContent: 'Phone' }),
      this.warnings,
      element('div', { className: 'row' }, [labelled('Platform', this.mode), applyMode]),
      element('div', { className: 'row' }, [labelled('TikTok version', this.version), applyVersion]),
      element('label', { className: 'check' }, [this.networkDown, 'Network down (nothing leaves the phone)']),
      element('label', { className: 'check' }, [this.serverDown, 'Game server down (connections refused)']),
      this.serverHint,
      element('p', { className: 'muted sub', textContent: "Share card (TikTok shows this, not the game's)" }),
      element('div', { className: 'row' }, [labelled('Title', this.cardTitle)]),
      element('div', { className: 'row' }, [labelled('Image', this.cardImage), applyCard]),
    ]);
    this.element.setAttribute('aria-label', 'Phone');
  }

  /** Shows what the server holds now (after a start, a reset, or a change made elsewhere). */
  async load(): Promise<void> {
    const summary = await getJson<DeviceSummary>('/__sim/device');
    const { device } = summary;
    if (document.activeElement !== this.mode) this.mode.value = device.platform;
    if (document.activeElement !== this.version) this.showVersion(device.tiktokVersion);
    this.networkDown.checked = device.networkDown;
    this.serverDown.checked = summary.gameServer.down;
    this.serverDown.disabled = !summary.gameServer.attached;
    this.serverHint.textContent = summary.gameServer.attached
      ? ''
      : 'No game server runs beside this simulator (npm start runs one).';
    this.serverHint.hidden = summary.gameServer.attached;
    if (document.activeElement !== this.cardTitle) this.cardTitle.value = summary.shareCard.title;
    if (document.activeElement !== this.cardImage) this.cardImage.value = summary.shareCard.imageUrl;
    this.warnings.replaceChildren(
      ...summary.warnings.map((warning) => element('li', { textContent: `⚠ ${warning}` })),
    );
  }

  /** A version set through the control API that the list does not offer is added to it, as it is. */
  private showVersion(version: string): void {
    const value = version === CURRENT_TIKTOK_VERSION ? 'current' : version;
    if (![...this.version.options].some((option) => option.value === value))
      this.version.append(element('option', { value, textContent: value }));
    this.version.value = value;
  }
}
