import { type Faults, noFaults } from '../../server/runtimeState';
import { element, getJson, postJson } from './api';
import { withFeedback } from './feedback';

/** The devtools' fault injection form: what POST /__sim/faults takes, with the answer beside the button. */

function field(label: string, control: HTMLInputElement, hint = ''): HTMLLabelElement {
  return element('label', { className: 'field' }, [
    element('span', { textContent: label }),
    control,
    ...(hint ? [element('small', { className: 'muted', textContent: hint })] : []),
  ]);
}

const numberInput = (name: string, step: string, max: string) =>
  element('input', { type: 'number', name, min: '0', max, step, value: '0' });

export function faultsForm(): { form: HTMLFormElement; load(): Promise<void> } {
  const latency = numberInput('latencyMs', '50', '60000');
  const failureRate = numberInput('failureRate', '0.1', '1');
  const failApis = element('input', {
    type: 'text',
    name: 'failApis',
    placeholder: 'setUserCloudStorage, …',
  });
  const emptyFriends = element('input', { type: 'checkbox', name: 'emptyFriends' });
  const slowAvatars = numberInput('slowAvatarsMs', '100', '60000');
  const avatarsWithoutCors = element('input', { type: 'checkbox', name: 'avatarsWithoutCors' });
  const missingLegalUrls = element('input', { type: 'checkbox', name: 'missingLegalUrls' });
  const statusCheckCode = element('input', {
    type: 'number',
    name: 'statusCheckCode',
    min: '0',
    step: '1',
    value: '0',
  });
  const apply = element('button', { type: 'submit', textContent: 'Apply faults' });
  const clear = element('button', { type: 'button', textContent: 'Clear', className: 'secondary' });

  const show = (faults: Faults) => {
    // Per-API maps set through the control API have no field here; the form shows them as "per API".
    const number = (input: HTMLInputElement, value: number | Record<string, number>) => {
      input.value = typeof value === 'number' ? String(value) : '';
      input.placeholder = typeof value === 'number' ? '' : 'per API';
    };
    number(latency, faults.latencyMs);
    number(failureRate, faults.failureRate);
    failApis.value = faults.failApis.join(', ');
    emptyFriends.checked = faults.emptyFriends;
    slowAvatars.value = String(faults.slowAvatarsMs);
    avatarsWithoutCors.checked = faults.avatarsWithoutCors;
    missingLegalUrls.checked = faults.missingLegalUrls;
    statusCheckCode.value = String(faults.statusCheckCode);
  };

  const form = element('form', { className: 'faults' }, [
    element('div', { className: 'fields' }, [
      field('Latency (ms)', latency),
      field('Failure rate', failureRate, '0 … 1'),
      field('Slow avatars (ms)', slowAvatars),
    ]),
    field(
      'Status check code',
      statusCheckCode,
      'a missing scope is answered with this code, not 900301 (0: off); try a phone’s own codes',
    ),
    field('Always fail APIs', failApis, 'comma-separated platform APIs (login, setUserCloudStorage, …)'),
    element('label', { className: 'check' }, [emptyFriends, 'Empty friend list']),
    element('label', { className: 'check' }, [avatarsWithoutCors, 'Avatars without CORS headers']),
    element('label', { className: 'check' }, [
      missingLegalUrls,
      'Login: no Terms of Service or Privacy Policy URL (102102)',
    ]),
    element('div', { className: 'row' }, [apply, clear]),
  ]);
  form.noValidate = true;

  const send = (faults: Partial<Faults>) => postJson<Faults>('/__sim/faults', faults).then(show);
  form.onsubmit = (event) => {
    event.preventDefault();
    // An empty field keeps what the server has (a per-API map, for instance).
    const patch: Partial<Faults> = {
      failApis: failApis.value
        .split(',')
        .map((api) => api.trim())
        .filter(Boolean),
      emptyFriends: emptyFriends.checked,
      avatarsWithoutCors: avatarsWithoutCors.checked,
      missingLegalUrls: missingLegalUrls.checked,
    };
    if (latency.value !== '') patch.latencyMs = Number(latency.value);
    if (failureRate.value !== '') patch.failureRate = Number(failureRate.value);
    if (slowAvatars.value !== '') patch.slowAvatarsMs = Number(slowAvatars.value);
    if (statusCheckCode.value !== '') patch.statusCheckCode = Number(statusCheckCode.value);
    void withFeedback(apply, () => send(patch), 'Faults applied');
  };
  clear.onclick = () => void withFeedback(clear, () => send(noFaults()), 'No faults');
  // After a reset, or faults set through the control API, the form shows what the server holds.
  const load = () => getJson<Faults>('/__sim/faults').then(show);
  return { form, load };
}
