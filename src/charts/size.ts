/** Outer size and margins of an SVG chart, shared by the charts' scale modules. */
export interface ChartOptions {
  /** Outer width in px. */
  readonly width?: number;
  /** Outer height in px. */
  readonly height?: number;
  readonly margin?: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
}
