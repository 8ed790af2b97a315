import { natives } from '../shared/natives';

/**
 * Synchronous reads of package files for readFileSync: a synchronous XMLHttpRequest to this origin
 * (which serves the package minus the open data context). Bytes come through as x-user-defined text,
 * the one binary form a synchronous request in a window allows.
 */
export function readPackageFile(path: string): Uint8Array | undefined {
  const request = new natives.XMLHttpRequest();
  request.open('GET', `/${path.split('/').map(encodeURIComponent).join('/')}`, false);
  request.overrideMimeType('text/plain; charset=x-user-defined');
  try {
    request.send();
  } catch {
    return undefined;
  }
  if (request.status !== 200) return undefined;
  const text = request.responseText;
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}
