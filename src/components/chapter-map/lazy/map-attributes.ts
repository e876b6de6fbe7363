/**
 * The map's settings from the element's attributes, as pure functions: the initial
 * view (`center`, `zoom`) and which attribute values cannot be used. In the panel's
 * chunk (a far-off map costs the page nothing): a bad value shows on the panel's first render.
 */
import type { AttributeProblem } from '../../../core/attribute-check.js';

export interface InitialView {
  center?: [number, number];
  zoom?: number;
}

/** The initial view from `center` (`lng,lat`) and `zoom` (0–22); bad values are left out. */
export function initialView(center: string | undefined, zoom: string | undefined): InitialView {
  // Null prototype: a host page's Object.prototype.center or .zoom must not stand in for a missing value.
  const out: InitialView = Object.create(null);
  const c = center?.split(',').map((v) => (v.trim() ? Number(v) : NaN));
  if (c && c.length === 2 && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90) out.center = [c[0], c[1]];
  const z = zoom?.trim() ? Number(zoom) : NaN;
  if (z >= 0 && z <= 22) out.zoom = z;
  return out;
}

/** The `center`, `zoom` and `list` values that cannot be used (each shown and warned by AttributeCheck). */
export function mapAttributeProblems({ center, zoom, list }: MapAttributes): (AttributeProblem | false)[] {
  const ok = initialView(center, zoom);
  return [
    center != null && !ok.center && { name: 'center', value: center, hint: 'attr.use-center' },
    zoom != null && ok.zoom === undefined && { name: 'zoom', value: zoom, hint: 'attr.use-zoom' },
    list != null && list !== 'side' && list !== 'below' && { name: 'list', value: list, hint: 'attr.use-list' },
  ];
}

interface MapAttributes {
  center?: string;
  zoom?: string;
  list?: string;
}
