import { type SharedCanvasStyleValues, type StyleProperty, styleProperties, styleValuePattern } from './wire';

/**
 * sharedCanvas.style: only the four properties the guide uses. Values must be CSS lengths
 * (vw/vh/px/%); anything else is refused with a console error and changes nothing.
 */
export class SharedCanvasStyle {
  declare width: string;
  declare height: string;
  declare top: string;
  declare left: string;
  private values: SharedCanvasStyleValues = {};

  constructor(private readonly onChange: (values: SharedCanvasStyleValues) => void) {
    for (const property of styleProperties) {
      Object.defineProperty(this, property, {
        enumerable: true,
        get: () => this.values[property] ?? '',
        set: (value: unknown) => this.set(property, value),
      });
    }
  }

  private set(property: StyleProperty, value: unknown): void {
    if (typeof value !== 'string' || !styleValuePattern.test(value.trim())) {
      console.error(
        `sharedCanvas.style.${property}: ${JSON.stringify(value)} is not a CSS length such as '80vw', '40vh' or '120px'`,
      );
      return;
    }
    this.values = { ...this.values, [property]: value.trim() };
    this.onChange(this.values);
  }

  /** Applies values that came from the other domain, without echoing them back. */
  adopt(values: SharedCanvasStyleValues): void {
    this.values = { ...values };
  }

  snapshot(): SharedCanvasStyleValues {
    return { ...this.values };
  }
}
