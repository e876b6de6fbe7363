/** The reader's position, asked for only when they press a "Near me" button (the map's, the join form's). */

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
