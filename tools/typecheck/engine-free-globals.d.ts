// What every runtime the shared modules run in provides (mini game runtime, browser, Node), and nothing
// more: timers, and the canvas context type the platform wrapper names but never touches.
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
type CanvasRenderingContext2D = object;
