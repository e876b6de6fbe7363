// dist/npm/react.d.ts: React 19 JSX declarations for every tag, so TSX type-checks our elements'
// properties and listeners. A file of its own that a project opts into (`import type {} from
// 'solidarity-widgets/react'`): augmenting React's module is an error where React is not installed.
export const reactTypes = `// Written by scripts/build-npm.mjs.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { SolidarityElementTagNameMap, SolidarityEventMap } from './index.js';

type WidgetBase = import('./types/core/base-element.js').SolidarityElement;
/** A widget's own public fields, all optional (methods and what every widget has left out). */
type WidgetProps<E> = {
  [K in Exclude<keyof E, keyof WidgetBase> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};
/** React 19 listens for a custom element's event through the prop \`on\` + its name: \`onpetition-signed\`. */
type WidgetEvents = {
  [K in keyof SolidarityEventMap as \`on\${K}\`]?: (event: CustomEvent<SolidarityEventMap[K]>) => void;
};
type ReactWidget<E> = DetailedHTMLProps<HTMLAttributes<E>, E> & WidgetProps<E> & WidgetEvents;
type SolidarityReactElements = {
  [T in keyof SolidarityElementTagNameMap]: ReactWidget<SolidarityElementTagNameMap[T]>;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends SolidarityReactElements {}
  }
}
export {};
`;
