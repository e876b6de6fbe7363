import { expect } from '@open-wc/testing';
import { chaptersFromCsv } from './chapters-csv.js';

describe('chaptersFromCsv', () => {
  it('reads the columns in any order, quoted cells and several postal prefixes', () => {
    const csv =
      '\uFEFFName,lat,lng,City,postal prefixes,email\r\n' +
      '"Eastside, Local 7",41.88,-87.63,Chicago,606 607,east@party.example\r\n' +
      'Eastside Local 7,40.7,-74,New York,,\r\n';
    const { chapters, errors } = chaptersFromCsv(csv);
    expect(errors).to.deep.equal([]);
    expect(chapters).to.deep.equal([
      {
        id: 'eastside-local-7',
        name: 'Eastside, Local 7',
        lat: 41.88,
        lng: -87.63,
        city: 'Chicago',
        email: 'east@party.example',
        postal_codes: ['606', '607'],
      },
      { id: 'eastside-local-7-2', name: 'Eastside Local 7', lat: 40.7, lng: -74, city: 'New York' },
    ]);
  });

  it('names the line of a row it cannot use, and a header without the needed columns', () => {
    const { chapters, errors } = chaptersFromCsv('name,lat,lng\nNorth,abc,3\n,1,2\nSouth,1,2\n');
    expect(chapters.map((c) => c.id)).to.deep.equal(['south']);
    expect(errors).to.deep.equal([
      'Line 2: lat and lng must be numbers (got "abc", "3").',
      'Line 3: the name is empty.',
    ]);
    expect(chaptersFromCsv('name,city\nX,Y\n').errors).to.deep.equal(['The header row lacks the column(s) lat, lng.']);
  });
});
