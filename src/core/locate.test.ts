import { expect } from '@open-wc/testing';
import { locate } from './locate.js';

describe('locate', () => {
  it('answers undefined, at once, when the browser has no geolocation', () => {
    Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
    try {
      let answer: unknown = 'none yet';
      locate((at) => (answer = at));
      expect(answer).to.equal(undefined);
    } finally {
      delete (navigator as { geolocation?: unknown }).geolocation;
    }
  });

  it("passes the position on as [lng, lat], with options a host page's Object.prototype cannot change", async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    const proto = Object.prototype as Record<string, unknown>;
    let options: PositionOptions | undefined;
    geo.getCurrentPosition = (ok, _fail, o) => {
      options = o ?? undefined;
      ok({ coords: { longitude: -87.6, latitude: 41.9 } } as GeolocationPosition);
    };
    proto.enableHighAccuracy = true;
    try {
      const at = await new Promise((resolve) => locate(resolve));
      expect(at).to.deep.equal([-87.6, 41.9]);
      expect(options!.enableHighAccuracy, 'not inherited').to.equal(undefined);
      expect(options!.timeout).to.equal(15000);
    } finally {
      geo.getCurrentPosition = original;
      delete proto.enableHighAccuracy;
    }
  });
});
