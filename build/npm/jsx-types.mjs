// The .d.ts text that lets React 19 projects type-check our tags in TSX: a file of its own that a
// project opts into (`import type {} from 'solidarity-widgets/react'`), since augmenting a framework's
// module is an error where that framework is not installed.

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

export const frameworkTypes = { react: REACT };
