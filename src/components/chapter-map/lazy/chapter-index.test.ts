import { expect } from '@open-wc/testing';
import { haversine, sampleChapters } from '../../../../test/fixtures/chapters-feed.js';
import { manyChapters } from '../../../../test/fixtures/chapters-many.mjs';
import { ChapterIndex, fold, normalizePostal, parseChapters, regionOf, usesMiles } from './chapter-index.js';

const ids = (index: ChapterIndex, found: number[]) => found.map((i) => index.chapters[i].id);

describe('chapter index', () => {
  const index = new ChapterIndex(sampleChapters);

  it('normalizes postal codes and search text as DESIGN.md says', () => {
    expect(normalizePostal(' m5v-3l9 ')).to.equal('M5V3L9');
    expect(fold('Île-de-France, MONTRÉAL')).to.equal('ile de france montreal');
  });

  it('matches postal codes by the longest prefix', () => {
    expect(ids(index, index.postalMatch('60614'))).to.deep.equal(['chicago-north', 'chicago']);
    expect(ids(index, index.postalMatch('60601'))).to.deep.equal(['chicago']);
    expect(ids(index, index.postalMatch('H2X 1Y4'))).to.deep.equal(['montreal']);
    expect(index.postalMatch('99999')).to.deep.equal([]);
    expect(index.postalMatch('  ')).to.deep.equal([]);
  });

  it("prefers the reader's country when two countries share a prefix", () => {
    // 10115 is Berlin (DE, prefix 101) and also starts New York's 101.
    expect(ids(index, index.postalMatch('10115', 'DE'))).to.deep.equal(['berlin']);
    expect(ids(index, index.postalMatch('10115', 'US'))).to.deep.equal(['nyc']);
    expect(ids(index, index.postalMatch('10115'))).to.have.members(['berlin', 'nyc']);
    // No match at home: the matches elsewhere still count.
    expect(ids(index, index.postalMatch('75011', 'US'))).to.deep.equal(['paris']);
  });

  it("reads the reader's country from the language tag", () => {
    expect(regionOf('en-US')).to.equal('US');
    expect(regionOf('es-MX')).to.equal('MX');
    expect(regionOf('de')).to.equal('DE');
    expect(regionOf('en')).to.equal(undefined);
    expect(regionOf('not a tag!')).to.equal(undefined);
  });

  it('uses miles only where people do', () => {
    expect(['en-US', 'en-GB', 'en-LR', 'my-MM'].every(usesMiles)).to.be.true;
    expect(['en', 'en-CA', 'fr-FR', 'es-US', 'my'].some(usesMiles)).to.be.false;
  });

  it('searches names (every translation), cities and regions from the start of words', () => {
    expect(ids(index, index.search('montreal'))).to.deep.equal(['montreal']);
    expect(ids(index, index.search('MONTRÉAL'))).to.deep.equal(['montreal']);
    expect(ids(index, index.search('chicago north'))).to.deep.equal(['chicago-north']);
    expect(ids(index, index.search('york'))).to.deep.equal(['nyc']);
    expect(ids(index, index.search('ork'))).to.deep.equal([]);
    expect(index.search('')).to.have.length(sampleChapters.length);
  });

  it('finds the truly nearest chapters, nearest first, over many chapters', async () => {
    const chapters = manyChapters(20000, 3);
    const big = new ChapterIndex(chapters);
    for (const [lng, lat] of [
      [-87.6, 41.9],
      [151.2, -33.9],
      [179.9, 0],
      [0, 89],
    ]) {
      const near = await big.nearest(lng, lat, 5);
      const truth = chapters
        .map((c, i) => ({ i, km: haversine(lng, lat, c.lng, c.lat) }))
        .sort((a, b) => a.km - b.km)
        .slice(0, 5);
      expect(near.map((n) => n.i)).to.deep.equal(truth.map((t) => t.i));
      near.forEach((n, k) => expect(n.km).to.be.closeTo(truth[k].km, 0.01));
    }
  });

  it('gives no nearest chapter when there are none', async () => {
    expect(await new ChapterIndex([]).nearest(0, 0)).to.deep.equal([]);
  });

  it('reads chapters from an array, a feed or GeoJSON, skipping bad ones and saying where', () => {
    const good = { id: 'a', name: 'A', lat: 1, lng: 2 };
    expect(parseChapters([good]).chapters).to.deep.equal([good]);
    expect(parseChapters({ version: 1, chapters: [good] }).chapters).to.deep.equal([good]);
    const { chapters, problems } = parseChapters({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'a', properties: { name: 'A' }, geometry: { type: 'Point', coordinates: [2, 1] } },
        { type: 'Feature', id: 'b', properties: { name: 'B' }, geometry: { type: 'Point', coordinates: [200, 1] } },
        { type: 'Feature', id: 'c', properties: {}, geometry: { type: 'Point', coordinates: [2, 1] } },
        { type: 'Feature', id: 'd', properties: { name: 'D' }, geometry: { type: 'LineString', coordinates: [] } },
      ],
    });
    expect(chapters.map((c) => c.id)).to.deep.equal(['a']);
    expect(problems.map((p) => p.path)).to.deep.equal([
      '$.chapters.features[1].properties.lng',
      '$.chapters.features[2].properties.name',
      '$.chapters.features[3].geometry',
    ]);
    expect(parseChapters('nonsense').chapters).to.deep.equal([]);
    expect(parseChapters('nonsense').problems).to.have.length(1);
  });
});
