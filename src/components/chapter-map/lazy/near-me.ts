/** "Near me": distances in the units of the reader's country (the position itself: core/locate.ts). */
import type { LocaleController } from '../../../core/locale-controller.js';
import { usesMiles } from './chapter-index.js';

/** A distance for the reader: miles where they are used, else kilometers; one decimal under ten. */
export function distanceText(km: number, t: LocaleController): string {
  const miles = usesMiles(t.lang);
  const v = miles ? km / 1.609344 : km;
  return t.number(v, { style: 'unit', unit: miles ? 'mile' : 'kilometer', maximumFractionDigits: v < 10 ? 1 : 0 });
}
