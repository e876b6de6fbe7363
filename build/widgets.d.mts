export function widgetTags(root?: string): string[];
export function className(tag: string): string;
export function widgetModule(tag: string): string;
