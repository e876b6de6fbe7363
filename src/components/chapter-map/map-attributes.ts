/**
 * The map's settings from the element's attributes, as pure functions: the initial
 * view (`center`, `zoom`) and which attribute values cannot be used. In the entry, so
 * a bad value shows on the first render, even while the map is far from view.
 */
import type { AttributeProblem } from '../../core/attribute-check.js';

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
export function mapAttributeProblems(a: { center?: string; zoom?: string; list?: string }): AttributeProblem[] {
  const ok = initialView(a.center, a.zoom);
  const out: AttributeProblem[] = [];
  if (a.center != null && !ok.center) out.push({ name: 'center', value: a.center, hint: 'attr.use-center' });
  if (a.zoom != null && ok.zoom === undefined) out.push({ name: 'zoom', value: a.zoom, hint: 'attr.use-zoom' });
  if (a.list != null && a.list !== 'side' && a.list !== 'below') {
    out.push({ name: 'list', value: a.list, hint: 'attr.use-list' });
  }
  return out;
}
