import { expect } from '@open-wc/testing';
import { distanceText, locate } from './near-me.js';
import { localeFor } from '../locale.fixture.js';

describe('near-me', () => {
  it('gives distances in miles where they are used, else kilometers, one decimal under ten', async () => {
    expect(distanceText(1.609344 * 3.25, await localeFor('en-US'))).to.equal('3.3 mi');
    expect(distanceText(12.4, await localeFor('en-CA'))).to.equal('12 km');
    expect(distanceText(2.25, await localeFor('fr'))).to.match(/^2,3\s?km$/);
  });

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

  it('passes the position on as [lng, lat], with options a host page\'s Object.prototype cannot change', async () => {
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
