/** The platform answered more bytes than any real answer has; refused before parsing. */
export class ResponseTooLargeError extends Error {}

/**
 * A response body as text, refused once it passes `limit` bytes: a declared Content-Length over the
 * limit is refused unread, and a body without one is read in chunks and cancelled at the limit, so a
 * huge or endless answer never reaches JSON.parse or memory.
 */
export async function readCappedText(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(`answer of ${declared} bytes is over the ${limit}-byte limit`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new ResponseTooLargeError(`answer passed the ${limit}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
