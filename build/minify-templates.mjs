/**
 * A Vite plugin that shrinks the static text of Lit's `css` and `html` tagged
 * templates in our own sources, nested ones included: the minifier leaves template
 * text alone, and indentation is a good share of our bytes. Interpolations are left
 * untouched.
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

const minifyCss = (s, first, last) =>
  s
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>/])\s*/g, '$1') // `/` in shorthands and rgb() needs no spaces
    .replace(/([\d)]) ?\* ?/g, '$1*') // nor `*` in calc() (`+` and `-` do); a selector's `*` keeps its spaces
    .replace(/:\s+/g, ':')
    .replace(/ !important/g, '!important')
    .replace(/([^\w.#-])0+\.(\d)/g, '$1.$2') // 0.5em -> .5em
    .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3') // #ffffff -> #fff
    .replace(/\[([\w-]+)=(['"])(-?[a-zA-Z_][\w-]*)\2\]/g, '[$1=$3]') // [type='submit'] -> [type=submit]; not '-1' (no identifier)
    .replace(/;}/g, '}')
    .replace(first ? /^ / : /$^/, '')
    .replace(last ? / $/ : /$^/, '');

// In markup, a run of whitespace with a line break renders like one space, and like
// nothing between two tags or at either end of a template (formatting, as in JSX).
// Whitespace without a line break is kept as written (` <span>` may separate words).
const minifyHtml = (s, first, last) => {
  if (first) s = s.replace(/^\s*\n\s*</, '<');
  if (last) s = s.replace(/>\s*\n\s*$/, '>');
  return s.replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ');
};

export function minifyTemplates(code) {
  // Static parts of every template, in source order: a nested template lies in an
  // expression of its parent, which no part of the parent covers.
  const found = [];
  const re = /\b(css|html)`/g;
  let m;
  while ((m = re.exec(code))) {
    const { parts } = templateParts(code, m.index + m[0].length);
    const minify = m[1] === 'css' ? minifyCss : minifyHtml;
    parts.forEach(([a, b], i) => found.push([a, b, minify, i === 0, i === parts.length - 1]));
    re.lastIndex = m.index + m[0].length;
  }
  found.sort((x, y) => x[0] - y[0]);
  let out = '';
  let last = 0;
  for (const [a, b, minify, first, end] of found) {
    if (a < last) continue; // inside a part already done (text that only looks like a template)
    out += code.slice(last, a) + minify(code.slice(a, b), first, end);
    last = b;
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
