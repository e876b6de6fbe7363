import type { Plugin } from 'vite';
export const REWRITES: [string, RegExp, string][];
export function rewriteLit(id: string, code: string): string;
export default function litForHosts(): Plugin;
