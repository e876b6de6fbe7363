import { expect } from '@open-wc/testing';
import { initialView, mapAttributeProblems } from './map-attributes.js';

describe('map-attributes', () => {
  it('reads center and zoom, leaving out what cannot be used', () => {
    expect(initialView('-87.65, 41.9', '9')).to.deep.include({ center: [-87.65, 41.9], zoom: 9 });
    for (const bad of ['north pole', '200,10', '10', '1,2,3', ',']) expect(initialView(bad, undefined).center, bad).to.equal(undefined);
    for (const bad of ['99', '-1', 'far', ' ']) expect(initialView(undefined, bad).zoom, bad).to.equal(undefined);
    expect(initialView(undefined, '0').zoom).to.equal(0);
  });

  it('is not fooled by a host page that adds center or zoom to Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.center = [1, 2];
    proto.zoom = 5;
    try {
      const view = initialView('nonsense', 'nonsense');
      expect(view.center).to.equal(undefined);
      expect(view.zoom).to.equal(undefined);
    } finally {
      delete proto.center;
      delete proto.zoom;
    }
  });

  it('names each bad attribute with its value and a hint', () => {
    const problems = (a: Parameters<typeof mapAttributeProblems>[0]) => mapAttributeProblems(a).filter(Boolean);
    expect(problems({ center: '1,2', zoom: '3', list: 'below' })).to.deep.equal([]);
    expect(problems({})).to.deep.equal([]);
    expect(problems({ center: 'x', zoom: '40', list: 'top' })).to.deep.equal([
      { name: 'center', value: 'x', hint: 'attr.use-center' },
      { name: 'zoom', value: '40', hint: 'attr.use-zoom' },
      { name: 'list', value: 'top', hint: 'attr.use-list' },
    ]);
  });
});
