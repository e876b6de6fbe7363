/** Our console prefix, so a webmaster knows which script is speaking. */
export function warn(message: string, ...extra: unknown[]): void {
  console.warn(`solidarity-widgets: ${message}`, ...extra);
}
