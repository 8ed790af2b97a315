import { ErrorCode } from '../../server/errors';
import { type Callbacks, failShape, settle, splitCallbacks, toWireValue } from './callbacks';
import { natives } from './natives';
import { type FrameToMain, isSimMessage, type MainToFrame, SIM_TAG } from './wire';

type Outgoing = FrameToMain extends infer M ? (M extends { sim: string } ? Omit<M, 'sim'> : never) : never;
type Incoming = MainToFrame;

/** A frame's only line to the Main Frame: window.postMessage to the parent, answers checked by origin. */
export class Bridge {
  private nextId = 1;
  private readonly pending = new Map<number, { api: string; callbacks: Callbacks }>();
  private readonly handlers = new Map<string, (message: Incoming) => void>();

  constructor(private readonly mainOrigin: string) {
    window.addEventListener('message', (event) => {
      // Only the Main Frame may talk to a frame; the sibling frame and pages it opens may not.
      if (event.source !== natives.parent || event.origin !== mainOrigin || !isSimMessage(event.data)) return;
      const message = event.data as Incoming;
      if (message.kind === 'result') {
        const call = this.pending.get(message.id);
        if (!call) return;
        this.pending.delete(message.id);
        settle(call.callbacks, message.ok, message.result);
        return;
      }
      this.handlers.get(message.kind)?.(message);
    });
  }

  on<K extends Incoming['kind']>(kind: K, handler: (message: Extract<Incoming, { kind: K }>) => void): void {
    this.handlers.set(kind, handler as (message: Incoming) => void);
  }

  send(message: Outgoing, transfer: Transferable[] = []): void {
    natives.parent.postMessage({ ...message, sim: SIM_TAG }, this.mainOrigin, transfer);
  }

  /** A callback-style platform API, answered by the Main Frame (which enforces domains and validates). */
  call(api: string, options: unknown): void {
    const { args, callbacks } = splitCallbacks(options);
    const id = this.nextId++;
    this.pending.set(id, { api, callbacks });
    try {
      this.send({ kind: 'call', id, api, args: toWireValue(args ?? {}) });
    } catch (error) {
      this.pending.delete(id);
      settle(
        callbacks,
        false,
        failShape(api, ErrorCode.invalidArgument, `arguments cannot be sent: ${String(error)}`),
      );
    }
  }
}
