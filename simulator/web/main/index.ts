import type { DeviceSettings } from '../../device';
import type { LaunchOptions } from '../shared/wire';
import { Devtools } from './devtools';
import { Host, type HostConfig } from './host';

/** The Main Frame page: a phone-sized viewport holding the game frame, and the devtools panel. */

declare global {
  interface Window {
    __SIM_MAIN__: Omit<HostConfig, 'device'>;
  }
}

function device(): { width: number; height: number } {
  const match = /^(\d{3,4})x(\d{3,4})$/.exec(new URLSearchParams(location.search).get('device') ?? '');
  return match ? { width: Number(match[1]), height: Number(match[2]) } : { width: 390, height: 844 };
}

async function start(): Promise<void> {
  const config: HostConfig = { ...window.__SIM_MAIN__, device: device() };
  const phone = document.getElementById('phone') as HTMLElement;
  phone.style.width = `${config.device.width}px`;
  phone.style.height = `${config.device.height}px`;
  const host = new Host(config, phone);
  // The server says when the game must restart: user switched, card opened, simulator reset. Listen
  // before the devtools exist, so a switch made with them can never happen before the listening does.
  const events = new EventSource('/__api/events');
  const listening = new Promise((resolve) => events.addEventListener('open', resolve, { once: true }));
  let devtools: Devtools | undefined;
  events.addEventListener('reload', () => void host.mount().then(() => devtools?.reloaded()));
  // A card opened while the game was in the background: it comes back with the card's query.
  events.addEventListener('show', (event) => {
    const { launchOptions } = JSON.parse((event as MessageEvent<string>).data) as {
      launchOptions: LaunchOptions;
    };
    host.lifecycle('show', launchOptions);
  });
  // The phone changed (platform mode, TikTok version, network): the frames follow without a restart.
  events.addEventListener('device', (event) => {
    const { device } = JSON.parse((event as MessageEvent<string>).data) as { device: DeviceSettings };
    host.setDevice(device);
    void devtools?.deviceChanged();
  });
  await host.mount();
  await listening;
  devtools = new Devtools(host, document.getElementById('devtools') as HTMLElement);
  await devtools.build();
}

void start();
