import type { Plugin } from 'vite';
export function minifyTemplates(code: string): string;
export default function minifyTemplatesPlugin(): Plugin;
