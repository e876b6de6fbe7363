/**
 * Data we store, send and read back, out of the host page's reach: a page may give
 * Array.prototype a `toJSON` (Prototype.js does) or Object.prototype enumerable names, and
 * JSON.stringify, the objects JSON.parse makes and fetch's option bags would all consult them.
 */

/** The object with no prototype, so nothing inherited is read from it (fetch's options, say). */
export const plain = <T extends object>(o: T): T => Object.setPrototypeOf(o, null);

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
  JSON.parse(text, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.assign(plain({}), v) : v));
