import { element } from './api';

/**
 * Runs a button's action and answers beside that button, where the eye already is: a confirmation at
 * the bottom of a panel is one nobody sees. The button is disabled while the action runs, so a slow
 * server cannot be asked twice.
 */

const SHOWN_MS = { ok: 4000, fail: 10_000 };

/** A button, or a switch that acts when flipped. */
type Control = HTMLButtonElement | HTMLInputElement | HTMLSelectElement;
const timers = new WeakMap<HTMLOutputElement, number>();

/** One answer slot per row of buttons, at its end: beside the click, without shifting the buttons. */
function outputFor(button: Control): HTMLOutputElement {
  const row = button.closest('.row');
  // A switch answers after its label; a button after itself.
  const anchor = button.closest('label') ?? button;
  const existing = row ? row.querySelector(':scope > output.feedback') : anchor.nextElementSibling;
  if (existing instanceof HTMLOutputElement && existing.classList.contains('feedback')) return existing;
  const output = element('output', { className: 'feedback' });
  // `output` is a live region already; say so for tools that only read roles.
  output.setAttribute('role', 'status');
  if (row) row.append(output);
  else anchor.after(output);
  return output;
}

export function say(button: Control, kind: 'ok' | 'fail', message: string): void {
  const output = outputFor(button);
  output.dataset.kind = kind;
  output.textContent = `${kind === 'ok' ? '✓' : '✗'} ${message}`;
  window.clearTimeout(timers.get(output));
  timers.set(
    output,
    window.setTimeout(() => {
      output.textContent = '';
      delete output.dataset.kind;
    }, SHOWN_MS[kind]),
  );
}

export async function withFeedback(
  button: Control,
  action: () => Promise<unknown>,
  done: string | (() => string),
): Promise<void> {
  button.disabled = true;
  try {
    await action();
    say(button, 'ok', typeof done === 'string' ? done : done());
  } catch (error) {
    say(button, 'fail', error instanceof Error ? error.message : String(error));
  } finally {
    button.disabled = false;
  }
}
