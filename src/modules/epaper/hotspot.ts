/** A point of a page image, in pixels from its top-left corner: `[x, y]`. */
export type PixelPoint = [x: number, y: number];

/** A hotspot: the outline of a story on its page image, as the points of a polygon, in pixels. */
export type Polygon = PixelPoint[];

export interface Point {
  x: number;
  y: number;
}

/** Enough for a tenth of a pixel on a 10,000-pixel scan, and short in JSON. */
const DECIMALS = 5;
const round = (value: number) => Number(value.toFixed(DECIMALS));

/** The polygon as fractions of the image's width and height (0 to 1): a responsive image map as is. */
export function normalisedPoints(polygon: Polygon, width: number, height: number): Point[] {
  return polygon.map(([x, y]) => ({ x: round(x / width), y: round(y / height) }));
}

/** `x1,y1,x2,y2,…`: the `coords` of an HTML `<area shape="poly">` over the image at its pixel size. */
export function areaCoords(polygon: Polygon): string {
  return polygon.flat().join(',');
}

/** Twice the signed area (shoelace); zero for a polygon whose points lie on one line. */
function doubledArea(polygon: Polygon): number {
  let sum = 0;
  for (let i = 0; i < polygon.length; i += 1) {
    const [x1, y1] = polygon[i] as PixelPoint;
    const [x2, y2] = polygon[(i + 1) % polygon.length] as PixelPoint;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** A polygon that encloses nothing (all points on a line) cannot be clicked. */
export function enclosesArea(polygon: Polygon): boolean {
  return polygon.length >= 3 && doubledArea(polygon) !== 0;
}

/** Whether a point lies on the image (its edges included). */
export function onImage([x, y]: PixelPoint, width: number, height: number): boolean {
  return x >= 0 && y >= 0 && x <= width && y <= height;
}
