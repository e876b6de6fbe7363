/**
 * The benchmark's host pages, shared by bench/run.mjs and bench/long-tasks.mjs:
 * `/with` (every widget, an allied article, the map far off-screen), `/without`
 * (the article alone), `/script` (the article and our script, no widget: what
 * loading the script alone costs) and `/three` (platform, petition and donate
 * widgets only).
 */
import { hostPage } from '../test/host/harness.mjs';

/** `{ path: { html } }` for startHostSite, with our script served from `orgOrigin`. */
export function benchPages(orgOrigin) {
  const feed = `${orgOrigin}/feed.json`;
  const script = `<script type="module" src="${orgOrigin}/solidarity-widgets.js"></script>`;
  const article = Array.from(
    { length: 30 },
    (_, i) => `<p>Paragraph ${i + 1} of the allied site's own article, plain text as a blog would have it.</p>`,
  ).join('');
  const widgets = `<platform-list feed="${feed}"></platform-list>
  <petition-form feed="${feed}" petition="cancel-rent"></petition-form>
  <donate-button feed="${feed}"></donate-button>
  <org-feed src="${feed}"><platform-plank plank="housing"></platform-plank></org-feed>
  <event-list feed="${feed}" limit="3"></event-list>
  <join-form feed="${feed}"></join-form>`;
  const offscreenMap = `<div style="height:6000px"></div><chapter-map feed="${feed}"></chapter-map>`;
  return {
    '/without': { html: hostPage({ body: article }) },
    '/script': { html: hostPage({ head: script, body: article }) },
    '/with': { html: hostPage({ head: script, body: widgets + article + offscreenMap }) },
    '/three': {
      html: hostPage({
        head: script,
        body: `<platform-list feed="${feed}"></platform-list><petition-form feed="${feed}" petition="cancel-rent"></petition-form><donate-button feed="${feed}"></donate-button>`,
      }),
    },
  };
}
