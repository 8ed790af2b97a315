/**
 * What TikTok keeps in the Developer Portal rather than in the package, read from stand-ins in game.json's
 * `dev` block (as `dev.requestDomains` stands in for the trusted domains):
 *
 * - `dev.shareCard {title, imageUrl}`: the card `shareAppMessage` shows on TikTok, which takes "the title
 *   and image configured for the game" and ignores the ones the game passes (SDK Sharing page);
 * - `dev.termsOfServiceUrl`, `dev.privacyPolicyUrl`: without both, TikTok's login fails with 102102
 *   (silent-login page). The simulator warns at start; the devtools' fault makes login fail that way.
 */

export interface PortalConfig {
  shareCard: { title?: string; imageUrl?: string };
  termsOfServiceUrl?: string;
  privacyPolicyUrl?: string;
}

const MAX_TITLE = 512;

function httpUrl(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  const problem = `game.json ${where} must be an absolute https:// URL, got ${JSON.stringify(value)}`;
  if (typeof value !== 'string') throw new Error(problem);
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(problem);
  } catch {
    throw new Error(problem);
  }
  return value;
}

export function readPortalConfig(gameJson: Readonly<Record<string, unknown>>): PortalConfig {
  const dev = (typeof gameJson.dev === 'object' && gameJson.dev !== null ? gameJson.dev : {}) as Record<
    string,
    unknown
  >;
  const card = dev.shareCard ?? {};
  if (typeof card !== 'object' || card === null || Array.isArray(card))
    throw new Error('game.json dev.shareCard must be an object {title, imageUrl}');
  const { title, imageUrl } = card as Record<string, unknown>;
  if (title !== undefined && (typeof title !== 'string' || title.length > MAX_TITLE))
    throw new Error(`game.json dev.shareCard.title must be a string of at most ${MAX_TITLE} characters`);
  return {
    shareCard: { title, imageUrl: httpUrl(imageUrl, 'dev.shareCard.imageUrl') },
    termsOfServiceUrl: httpUrl(dev.termsOfServiceUrl, 'dev.termsOfServiceUrl'),
    privacyPolicyUrl: httpUrl(dev.privacyPolicyUrl, 'dev.privacyPolicyUrl'),
  };
}

/** What to tell the developer when the simulator starts. */
export function portalWarnings(config: PortalConfig): string[] {
  const missing = [
    ...(config.termsOfServiceUrl ? [] : ['dev.termsOfServiceUrl']),
    ...(config.privacyPolicyUrl ? [] : ['dev.privacyPolicyUrl']),
  ];
  if (missing.length === 0) return [];
  return [
    `game.json has no ${missing.join(' or ')}: on TikTok, login fails with 102102 until the app's Terms of ` +
      'Service and Privacy Policy URLs are set in the Developer Portal (the devtools fault "Login: no Terms of ' +
      'Service or Privacy Policy URL" plays it)',
  ];
}
