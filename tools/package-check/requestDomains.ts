/**
 * TikTok lets a game call only HTTPS addresses on domains registered in the developer console ("Server
 * request addresses must be registered as trusted domains", Development Stage page; runtime error 21100
 * "URL not in domain list"). The console list is not in the package, so the simulator and the release
 * build read a stand-in: game.json `dev.requestDomains`, each an `https://host[:port]` origin.
 *
 * Pure and free of Node and DOM-only APIs: the release build (tools/buildConfig) and the simulator, which
 * holds a package to the same rule, both use it.
 */

/** Where the declared list lives, named in every message that mentions it. */
export const REQUEST_DOMAINS_SETTING = 'game.json dev.requestDomains';

export interface NetworkRules {
  /** project.config.json `setting.urlCheck`: false is the development tools' "do not check domains". */
  urlCheck: boolean;
  /** Declared origins, normalised (`https://host` or `https://host:port`, lower-case host). */
  requestDomains: readonly string[];
}

/** One declared entry as an origin, or why it cannot be one. */
export function parseRequestDomain(entry: unknown): string | { problem: string } {
  if (typeof entry !== 'string' || entry.trim() === '')
    return { problem: `${JSON.stringify(entry)} is not a string like "https://api.example.com"` };
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return { problem: `"${entry}" is not a URL; write an origin like "https://api.example.com"` };
  }
  if (url.protocol !== 'https:')
    return { problem: `"${entry}" must start with https:// (TikTok allows HTTPS only)` };
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/' || /\/$/.test(entry))
    return { problem: `"${entry}" must be an origin only, without a path, query or trailing slash` };
  return url.origin;
}

/** The declared origins from game.json's `dev` block; throws with every bad entry named. */
export function readRequestDomains(gameJson: Readonly<Record<string, unknown>>): string[] {
  const dev = gameJson.dev;
  if (dev === undefined) return [];
  if (typeof dev !== 'object' || dev === null || Array.isArray(dev))
    throw new Error('game.json dev must be an object');
  const list = (dev as Record<string, unknown>).requestDomains;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`${REQUEST_DOMAINS_SETTING} must be an array of https origins`);
  const problems: string[] = [];
  const origins: string[] = [];
  list.forEach((entry, index) => {
    const parsed = parseRequestDomain(entry);
    if (typeof parsed === 'string') origins.push(parsed);
    else problems.push(`${REQUEST_DOMAINS_SETTING}[${index}]: ${parsed.problem}`);
  });
  if (problems.length > 0) throw new Error(problems.join('; '));
  return [...new Set(origins)];
}

/**
 * Why a request to `url` would fail on a phone, or null when it may go. Assumes `url` is an absolute
 * http(s) URL (the caller checked the arguments first).
 */
export function domainListProblem(url: string, domains: readonly string[]): string | null {
  const target = new URL(url);
  if (target.protocol !== 'https:')
    return `url not in domain list: ${target.origin} is plain HTTP; TikTok requests go to HTTPS only`;
  if (!domains.includes(target.origin))
    return `url not in domain list: ${target.origin} is not declared in ${REQUEST_DOMAINS_SETTING}${
      domains.length === 0 ? ' (the list is empty)' : ` (declared: ${domains.join(', ')})`
    }`;
  return null;
}
