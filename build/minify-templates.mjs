/**
 * A Vite plugin that shrinks the static text of Lit's `css` and `html` tagged
 * templates in our own sources: the minifier leaves template text alone, and
 * indentation is a good share of our bytes. Interpolations are left untouched.
 */

/** Returns [start, end) of each static text part of the template starting after `tag\``. */
function templateParts(src, open) {
  const parts = [];
  let i = open;
  let start = open;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      parts.push([start, i]);
      return { parts, end: i + 1 };
    }
    if (c === '$' && src[i + 1] === '{') {
      parts.push([start, i]);
      i = skipExpression(src, i + 2);
      start = i;
      continue;
    }
    i++;
  }
  return { parts: [], end: src.length };
}

/** Skips a `${…}` expression (with nested braces, strings and templates); returns the index after `}`. */
function skipExpression(src, i) {
  let depth = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c) i += src[i] === '\\' ? 2 : 1;
    } else if (c === '`') {
      i = templateParts(src, i + 1).end - 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

const minifyCss = (s) =>
  s
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');

// In markup, a run of whitespace with a line break renders like one space.
const minifyHtml = (s) => s.replace(/\s*\n\s*/g, ' ').replace(/> </g, '><');

export function minifyTemplates(code) {
  let out = '';
  let last = 0;
  const re = /\b(css|html)`/g;
  let m;
  while ((m = re.exec(code))) {
    const open = m.index + m[0].length;
    const { parts, end } = templateParts(code, open);
    const minify = m[1] === 'css' ? minifyCss : minifyHtml;
    for (const [a, b] of parts) {
      out += code.slice(last, a) + minify(code.slice(a, b));
      last = b;
    }
    re.lastIndex = end;
  }
  return out + code.slice(last);
}

export default function minifyTemplatesPlugin() {
  return {
    name: 'solidarity-minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.includes('node_modules')) return null;
      if (!/\b(css|html)`/.test(code)) return null;
      return { code: minifyTemplates(code), map: null };
    },
  };
}
