// Chapters from a spreadsheet: a CSV with a header row naming the columns name, city, region,
// country, lat, lng, postal prefixes (or postal_codes; several separated by spaces or ";"),
// email, url — in any order. Each row becomes a feed chapter; the feed checks then judge it like
// any other. A row that cannot become one is reported with its line number.

export interface CsvChapter {
  id: string;
  name: string;
  lat: number;
  lng: number;
  city?: string;
  region?: string;
  country?: string;
  email?: string;
  url?: string;
  postal_codes?: string[];
}

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted && ch === '"' && src[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell || row.length) endRow();
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const COLUMN: Record<string, keyof CsvChapter | 'postal'> = {
  name: 'name',
  city: 'city',
  region: 'region',
  country: 'country',
  lat: 'lat',
  latitude: 'lat',
  lng: 'lng',
  lon: 'lng',
  longitude: 'lng',
  'postal prefixes': 'postal',
  postal_prefixes: 'postal',
  postal_codes: 'postal',
  email: 'email',
  url: 'url',
};

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'chapter';

export function chaptersFromCsv(text: string): { chapters: CsvChapter[]; errors: string[] } {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return { chapters: [], errors: ['The file is empty.'] };
  const columns = header.map((h) => COLUMN[h.trim().toLowerCase()]);
  const missing = ['name', 'lat', 'lng'].filter((c) => !columns.includes(c as keyof CsvChapter));
  if (missing.length) {
    return { chapters: [], errors: [`The header row lacks the column(s) ${missing.join(', ')}.`] };
  }
  const chapters: CsvChapter[] = [];
  const errors: string[] = [];
  const ids = new Set<string>();
  rows.forEach((cells, i) => {
    const line = i + 2;
    const get = (c: string) => (cells[columns.indexOf(c as keyof CsvChapter)] ?? '').trim();
    const lat = Number(get('lat'));
    const lng = Number(get('lng'));
    if (!get('name')) return void errors.push(`Line ${line}: the name is empty.`);
    if (get('lat') === '' || !Number.isFinite(lat) || get('lng') === '' || !Number.isFinite(lng)) {
      return void errors.push(`Line ${line}: lat and lng must be numbers (got "${get('lat')}", "${get('lng')}").`);
    }
    let id = slug(get('name'));
    for (let n = 2; ids.has(id); n++) id = `${slug(get('name'))}-${n}`;
    ids.add(id);
    const chapter: CsvChapter = { id, name: get('name'), lat, lng };
    for (const key of ['city', 'region', 'country', 'email', 'url'] as const) if (get(key)) chapter[key] = get(key);
    const postal = get('postal')
      .split(/[\s;]+/)
      .filter(Boolean);
    if (postal.length) chapter.postal_codes = postal;
    chapters.push(chapter);
  });
  return { chapters, errors };
}
