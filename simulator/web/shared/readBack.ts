/**
 * The native open data context rule: the game may draw the shared canvas (drawImage, texImage2D,
 * texSubImage2D) but never read its pixels back. The device enforces it in its canvas implementation;
 * here the shared canvas reaches the game as an untainted canvas (WebGL refuses tainted sources), so
 * the runtime enforces it: once the shared canvas was drawn anywhere, every pixel read of the game's
 * canvases fails with a SecurityError. Engine-free: the prototypes are passed in, so it unit-tests in Node.
 */

export function securityError(api: string): Error {
  const message = `${api}: the game cannot read pixels once it has drawn the open data context's canvas (getOpenDataContext().canvas)`;
  // DOMException is what browsers throw for tainted canvases; Node has it too.
  return typeof DOMException === 'function'
    ? new DOMException(message, 'SecurityError')
    : Object.assign(new Error(message), { name: 'SecurityError' });
}

export class ReadBackGuard {
  private drawnFlag = false;

  get drawn(): boolean {
    return this.drawnFlag;
  }

  markDrawn(): void {
    this.drawnFlag = true;
  }

  check(api: string): void {
    if (this.drawnFlag) throw securityError(api);
  }
}

type Method = (...args: unknown[]) => unknown;

function wrap(target: object, name: string, around: (original: Method) => Method): void {
  const record = target as Record<string, unknown>;
  const original = record[name];
  if (typeof original !== 'function') return;
  Object.defineProperty(target, name, {
    value: around(original as Method),
    writable: true,
    configurable: true,
  });
}

/** Pixel readers: refused once the guard has seen the shared canvas drawn. */
export function guardReaders(
  target: object | undefined,
  names: readonly string[],
  guard: ReadBackGuard,
  label: string,
): void {
  if (!target) return;
  for (const name of names)
    wrap(
      target,
      name,
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          guard.check(`${label}.${name}`);
          return original.apply(this, args);
        },
    );
}

/** Drawing calls: any of them taking the shared canvas as an argument marks it drawn. */
export function watchDraws(
  target: object | undefined,
  names: readonly string[],
  isShared: (value: unknown) => boolean,
  guard: ReadBackGuard,
): void {
  if (!target) return;
  for (const name of names)
    wrap(
      target,
      name,
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          if (args.some(isShared)) guard.markDrawn();
          return original.apply(this, args);
        },
    );
}
