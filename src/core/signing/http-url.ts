/** A form's `endpoint` attribute as an absolute http(s) URL, or null (no warning: the attribute check explains). */
export function httpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim(), document.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
