/** A real `<chapter-map>`'s locale (with the panel's strings registered), for the lazy modules' unit tests. */
import { fixture, html } from '@open-wc/testing';
import type { LocaleController } from '../../core/locale-controller.js';
import { ChapterMap } from './chapter-map.js';
import './lazy/chapter-messages.js';

ChapterMap.define('chapter-map');

export async function localeFor(lang: string): Promise<LocaleController> {
  const el = await fixture<ChapterMap>(html`<chapter-map lang=${lang}></chapter-map>`);
  return el.locale;
}
