/**
 * A fresh object with no prototype, for the data we build (a checked feed) and the options we
 * pass to the platform (fetch): a host page's enumerable `Object.prototype` properties (a
 * `title`, a `color`, a `method` or a `body`) are then never read as ours.
 */
export const dictionary = <T extends object = Record<string, unknown>>(entries?: T): T =>
  Object.assign(Object.create(null), entries);
