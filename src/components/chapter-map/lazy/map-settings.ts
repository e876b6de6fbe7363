/**
 * The map's settings from the element's attributes, as pure functions: the initial
 * view (`center`, `zoom`), the list's place, and which of them are bad.
 */
import type { MessageKey } from '../../../i18n/index.js';

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

export const LIST_PLACES = ['side', 'below'];

export interface AttributeProblem {
  key: MessageKey;
  value: string;
}

/** The attributes whose values cannot be used, each with the message that says so. */
export function attributeProblems(a: { center?: string; zoom?: string; list?: string }): AttributeProblem[] {
  const ok = initialView(a.center, a.zoom);
  const out: AttributeProblem[] = [];
  if (a.center != null && !ok.center) out.push({ key: 'chapter.bad-center', value: a.center });
  if (a.zoom != null && ok.zoom === undefined) out.push({ key: 'chapter.bad-zoom', value: a.zoom });
  if (a.list != null && !LIST_PLACES.includes(a.list)) out.push({ key: 'chapter.bad-list', value: a.list });
  return out;
}

/** The accent for markers: the host's `--sw-color-accent` when it is a plain color, else our red. */
export const markerAccent = (accent: string) => (/^#[0-9a-f]{3,8}$|^rgba?\(/i.test(accent) ? accent : '#b71c1c');
