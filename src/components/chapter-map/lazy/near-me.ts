/**
 * "Near me": the reader's position (asked for only when they press the button) and
 * distances in the units of the reader's country.
 */
import type { LocaleController } from '../../../core/locale-controller.js';
import { usesMiles } from './chapter-index.js';

/** Position options with a null prototype, so a host page's Object.prototype cannot add e.g. enableHighAccuracy. */
const POSITION_OPTIONS: PositionOptions = Object.assign(Object.create(null), { timeout: 15000, maximumAge: 600000 });

/**
 * Asks for the reader's position; `done` gets `[lng, lat]`, or undefined when the browser
 * has none or the reader declines (at once, when the browser answers at once).
 */
export function locate(done: (at?: [number, number]) => void): void {
  if (!navigator.geolocation) return done();
  navigator.geolocation.getCurrentPosition(
    ({ coords }) => done([coords.longitude, coords.latitude]),
    () => done(),
    POSITION_OPTIONS,
  );
}

/** A distance for the reader: miles where they are used, else kilometers; one decimal under ten. */
export function distanceText(km: number, t: LocaleController): string {
  const miles = usesMiles(t.lang);
  const v = miles ? km / 1.609344 : km;
  return t.number(v, { style: 'unit', unit: miles ? 'mile' : 'kilometer', maximumFractionDigits: v < 10 ? 1 : 0 });
}
