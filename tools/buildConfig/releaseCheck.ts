import { domainListProblem, REQUEST_DOMAINS_SETTING } from '../package-check/requestDomains';
import { type BuildConfig, URL_SETTINGS } from './settings';

/** Hosts that reach only the machine the game runs on: a phone would call itself. */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host === '::'
  );
}

/**
 * Why this configuration must not ship, one message per problem, each naming the setting to change. A
 * release's addresses must be HTTPS, not loopback, and on a domain the game declares (and registers in
 * TikTok's developer console), or every call fails on a phone with 21100.
 */
export function releaseProblems(config: BuildConfig, requestDomains: readonly string[]): string[] {
  const problems: string[] = [];
  for (const { key, env, what } of URL_SETTINGS) {
    const value = config[key];
    const name = `${env} (${what})`;
    if (value === '') {
      problems.push(`${name} is not set: a release build needs an https:// address`);
      continue;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${name} is "${value}", not an absolute URL`);
      continue;
    }
    if (url.protocol !== 'https:') {
      problems.push(
        `${name} is ${value}: plain ${url.protocol.replace(':', '').toUpperCase()}; TikTok calls HTTPS only`,
      );
      continue;
    }
    if (isLoopback(url.hostname)) {
      problems.push(`${name} is ${value}: a loopback address, which on a phone is the phone itself`);
      continue;
    }
    if (domainListProblem(value, requestDomains) !== null) {
      problems.push(
        `${name} is ${value}: ${url.origin} is not in ${REQUEST_DOMAINS_SETTING}; add it there and register it ` +
          'as a trusted domain in the TikTok Developer Portal (docs/upload.md)',
      );
    }
  }
  return problems;
}

/** The environment variable that carries the app's client key into the package's configs. */
export const APP_ID_ENV = 'TIKTOK_APP_ID';
/** The app id the committed configs hold: TikTok's snippets' placeholder, which no app has. */
export const PLACEHOLDER_APP_ID = 'your_client_key';

/**
 * Why a release would carry no real app id: `TIKTOK_APP_ID` set but empty, or unset while game.json still
 * holds the placeholder. A package with either logs nobody in on TikTok.
 */
export function appIdProblems(
  env: Readonly<Record<string, string | undefined>>,
  committed: unknown,
): string[] {
  const fix = `set ${APP_ID_ENV} to your app's client key (TikTok Developer Portal, docs/upload.md)`;
  const value = env[APP_ID_ENV];
  if (value !== undefined) {
    if (value.trim() === '') return [`${APP_ID_ENV} is empty: ${fix}`];
    if (value.trim() === PLACEHOLDER_APP_ID)
      return [`${APP_ID_ENV} is ${PLACEHOLDER_APP_ID}, the placeholder: ${fix}`];
    return [];
  }
  if (typeof committed !== 'string' || committed.trim() === '' || committed.trim() === PLACEHOLDER_APP_ID)
    return [
      `${APP_ID_ENV} is not set, and game.json app_id is ${JSON.stringify(committed ?? null)}, the placeholder: ${fix}`,
    ];
  return [];
}
