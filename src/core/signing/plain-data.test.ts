import { expect } from '@open-wc/testing';
import { fromJson, toJson } from './plain-data.js';
import { dictionary } from '../dictionary.js';

describe('petition-form plain data', () => {
  it('writes JSON without the page’s toJSON methods, and reads it back into objects with no prototype', () => {
    const proto = Array.prototype as { toJSON?: () => string };
    const objectProto = Object.prototype as { toJSON?: () => string };
    proto.toJSON = () => 'broken-array';
    objectProto.toJSON = () => 'broken-object';
    try {
      const data = { queue: [{ key: 'k', n: 1, nested: { list: [1, 'two'] } }], gone: undefined };
      const text = toJson(data);
      expect(JSON.stringify(data)).to.equal('"broken-object"'); // what the page does to JSON.stringify
      expect(text).to.equal('{"queue":[{"key":"k","n":1,"nested":{"list":[1,"two"]}}]}');
    } finally {
      delete proto.toJSON;
      delete objectProto.toJSON;
    }
    const parsed = fromJson('{"a":{"b":[{"c":1}]}}') as { a: { b: Array<{ c: number }> } };
    expect(Object.getPrototypeOf(parsed)).to.equal(null);
    expect(Object.getPrototypeOf(parsed.a.b[0])).to.equal(null);
    expect(Array.isArray(parsed.a.b)).to.be.true;
    expect(Object.getPrototypeOf(dictionary({ method: 'POST' }))).to.equal(null);
  });
});
