/**
 * "Near me": the reader's position (asked for only when they press the button) and
 * distances in the units of the reader's country.
 */
import type { LocaleController } from '../../../core/locale-controller.js';
import { usesMiles } from './chapter-index.js';

/** Position options with a null prototype, so a host page's Object.prototype cannot add e.g. enableHighAccuracy. */
const POSITION_OPTIONS: PositionOptions = Object.assign(Object.create(null), { timeout: 15000, maximumAge: 600000 });

/** The reader's position as `[lng, lat]`; undefined when the browser has none or the reader declines. */
export function locate(): Promise<[number, number] | undefined> {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(undefined);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve([coords.longitude, coords.latitude]),
      () => resolve(undefined),
      POSITION_OPTIONS,
    );
  });
}

/** A distance for the reader: miles where they are used, else kilometers; one decimal under ten. */
export function distanceText(km: number, t: LocaleController): string {
  const miles = usesMiles(t.lang);
  const v = miles ? km / 1.609344 : km;
  return t.number(v, { style: 'unit', unit: miles ? 'mile' : 'kilometer', maximumFractionDigits: v < 10 ? 1 : 0 });
}
