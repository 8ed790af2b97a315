/**
 * Browser originals captured when the runtime bundle starts, before any package code runs. Engine
 * adapters replace browser globals (document.createElement, Image, requestAnimationFrame,
 * localStorage...) with versions that call back into `tt`; a `tt` that used the replaced globals would
 * call itself forever. Every runtime module uses these instead of the globals.
 */

const doc = document;
// The open data context frame may not touch localStorage at all (reading it throws there).
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();
const createElement = Document.prototype.createElement;

export const natives = {
  window,
  // Cocos's web-adapter sets `window.top = window.parent = window` (both are replaceable on the global).
  parent: window.parent,
  document: doc,
  body: doc.body,
  root: doc.documentElement,
  createElement<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] {
    return createElement.call(doc, tag) as HTMLElementTagNameMap[K];
  },
  Image: window.Image,
  get localStorage(): Storage {
    if (!storage) throw new Error('localStorage is not available in this frame');
    return storage;
  },
  fetch: window.fetch.bind(window),
  XMLHttpRequest: window.XMLHttpRequest,
  createImageBitmap: window.createImageBitmap.bind(window),
  requestAnimationFrame: window.requestAnimationFrame.bind(window),
  cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
  setTimeout: window.setTimeout.bind(window),
  clearTimeout: window.clearTimeout.bind(window),
  setInterval: window.setInterval.bind(window),
  clearInterval: window.clearInterval.bind(window),
  addEventListener: window.addEventListener.bind(window),
  now: performance.now.bind(performance),
} as const;
