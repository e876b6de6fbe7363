/**
 * Data we store, send and read back, out of the host page's reach: a page may give
 * Array.prototype a `toJSON` (Prototype.js does) or Object.prototype enumerable names, and
 * JSON.stringify, the objects JSON.parse makes and fetch's option bags would all consult them.
 */

import { dictionary } from '../dictionary.js';

/**
 * JSON text of plain data, own properties only and no `toJSON` consulted: the replacer hands back
 * each value as its holder has it, undoing whatever a `toJSON` turned it into.
 */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, function (this: Record<string, unknown>, key: string) {
    return this[key];
  });

/** Parses JSON into objects with no prototype: only what the text holds can be read. */
export const fromJson = (text: string): unknown =>
  JSON.parse(text, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? dictionary(v) : v));
