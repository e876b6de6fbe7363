// `node --test build/`: the template minifier only removes what cannot change a page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyTemplates } from './minify-templates.mjs';

test('html: line-break whitespace goes (between tags, at the ends), written spaces stay, nested templates too', () => {
  const src = 'html`\n  <div>\n    ${x ? html` <span>a</span>\n` : nothing}\n    <b>x</b> <i>y</i> · ${w}\n  </div>\n`';
  assert.equal(
    minifyTemplates(src),
    'html`<div> ${x ? html` <span>a</span>` : nothing} <b>x</b> <i>y</i> · ${w} </div>`',
  );
});

test('css: shorter, still valid', () => {
  const src =
    "css`\n  [tabindex='-1']:focus, [type='submit'] { padding: calc(var(--s) * 0.75) 0.5em; color: #ffffff !important; }\n  :host > * { grid-column: 1 / -1; margin: 10.5px; }\n`";
  assert.equal(
    minifyTemplates(src),
    "css`[tabindex='-1']:focus,[type=submit]{padding:calc(var(--s)*.75) .5em;color:#fff!important}:host>*{grid-column:1/-1;margin:10.5px}`",
  );
});

test('css: a space next to an interpolation stays', () => {
  assert.equal(minifyTemplates('css` a { border: ${w} solid; } `'), 'css`a{border:${w} solid}`');
});

test('interpolations are left alone', () => {
  const src = "html`<p>\n  ${a('  x  \\n  y')}\n</p>`";
  assert.equal(minifyTemplates(src), "html`<p> ${a('  x  \\n  y')} </p>`");
});
