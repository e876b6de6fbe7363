import type { Plugin } from 'vite';
export const REWRITES: [string, RegExp, string][];
export function withoutLitGlobals(id: string, code: string): string;
export default function litForHosts(): Plugin;
