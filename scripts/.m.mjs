import { build } from 'vite';
import { relative } from 'node:path';
const r = await build({ logLevel: 'silent', build: { write: false } });
const out = (Array.isArray(r) ? r : [r]).flatMap((x) => x.output).filter((c) => c.type === 'chunk');
const e = out.find((c) => c.fileName === 'solidarity-widgets.js');
console.log(e.imports);
const rows = Object.entries(e.modules).map(([id, m]) => [m.renderedLength, relative(process.cwd(), id)]).sort((a, b) => b[0] - a[0]);
for (const [n, id] of rows) console.log(n, id);
