import type { Label, Node } from 'cc';
import { type ButtonSpec, type ScreenSize, toastBox } from './screenModel';
import { textNode } from './uiKit';

/** The flow's toast as a label, placed where it hides no button of the current screen. */
export class ToastView {
  private label: Label | null = null;

  constructor(private readonly parent: Node) {}

  /** Shows `text` (null: nothing); a new text gets a new label, the same text keeps its place. */
  show(text: string | null, buttons: readonly ButtonSpec[], screen: ScreenSize): void {
    if (this.label && this.label.string === text) return;
    this.label?.node.destroy();
    this.label = null;
    if (text === null) return;
    this.label = textNode(this.parent, {
      text,
      size: 30,
      box: toastBox(buttons, screen),
      align: 'center',
      tone: 'text',
      bold: true,
    });
  }

  current(): Label | null {
    return this.label;
  }
}
