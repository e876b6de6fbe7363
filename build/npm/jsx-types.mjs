// The .d.ts text that lets React 19, Vue and Svelte projects type-check our tags in their templates.
// Each is a file of its own that a project opts into (`import type {} from 'solidarity-widgets/react'`):
// augmenting a framework's module is an error where that framework is not installed.

const HEADER = `// Written by scripts/build-npm.mjs.
import type { SolidarityElementTagNameMap, SolidarityEventMap } from './index.js';
`;

/** The public fields of a widget, all optional: what markup may set (methods and Lit's own members left out). */
const PROPS = `
type WidgetBase = import('./types/core/base-element.js').SolidarityElement;
type WidgetProps<E> = {
  [K in Exclude<keyof E, keyof WidgetBase> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};
type Tag = keyof SolidarityElementTagNameMap;
`;

const REACT = `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${PROPS}
/** React 19 listens for a custom element's event through the prop \`on\` + its name: \`onpetition-signed\`. */
type ReactEvents = {
  [K in keyof SolidarityEventMap as \`on\${K}\`]?: (event: CustomEvent<SolidarityEventMap[K]>) => void;
};
type ReactWidget<E> = DetailedHTMLProps<HTMLAttributes<E>, E> & WidgetProps<E> & ReactEvents;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends SolidarityReactElements {}
  }
}
type SolidarityReactElements = { [T in Tag]: ReactWidget<SolidarityElementTagNameMap[T]> };
export {};
`;

const VUE = `${HEADER}import type { DefineComponent } from 'vue';
${PROPS}
type VueEvents = {
  [K in keyof SolidarityEventMap as \`on\${Capitalize<K>}\`]?: (event: CustomEvent<SolidarityEventMap[K]>) => void;
};
declare module 'vue' {
  interface GlobalComponents extends SolidarityVueComponents {}
}
type SolidarityVueComponents = {
  [T in Tag]: DefineComponent<WidgetProps<SolidarityElementTagNameMap[T]> & VueEvents>;
};
export {};
`;

const SVELTE = `${HEADER}import type { HTMLAttributes } from 'svelte/elements';
${PROPS}
/** Svelte 5 listens for an element's event through the attribute \`on\` + its name: \`onpetition-signed\`. */
type SvelteEvents = {
  [K in keyof SolidarityEventMap as \`on\${K}\`]?: (event: CustomEvent<SolidarityEventMap[K]>) => void;
};
declare module 'svelte/elements' {
  interface SvelteHTMLElements extends SolidaritySvelteElements {}
}
type SolidaritySvelteElements = {
  [T in Tag]: HTMLAttributes<SolidarityElementTagNameMap[T]> &
    WidgetProps<SolidarityElementTagNameMap[T]> &
    SvelteEvents;
};
export {};
`;

export const frameworkTypes = { react: REACT, vue: VUE, svelte: SVELTE };
