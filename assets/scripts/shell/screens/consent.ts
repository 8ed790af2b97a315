/** The game's own explanation before TikTok's authorization prompt, with a real choice. */
import { consentCopy } from '../consentCopy';
import { button, type ConsentContent } from './content';

export function consentContent(gameName: string): ConsentContent {
  const copy = consentCopy(gameName);
  return {
    name: 'consent',
    title: copy.title,
    body: copy.body,
    goOn: button('consent-continue', 'Continue', { kind: 'consent', goOn: true }, 'primary'),
    notNow: button('consent-not-now', 'Not now', { kind: 'consent', goOn: false }, 'quiet'),
  };
}
