/**
 * What browser tests of forms on the signing engine share: a record of every POST the page makes
 * (with ways to lose or fake answers), and going offline.
 */

/** Every POST the page makes, with its headers and body. */
export const posts: { url: string; key: string; body: Record<string, unknown> }[] = [];
/** `lose`: drop the answer of the next N POSTs (after the server got them); `fake`: answer a POST instead. */
export const net: { lose: number; fake?: (url: string) => Response | Promise<Response> | undefined } = { lose: 0 };
export const realFetch = window.fetch;
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  if (init?.method === 'POST') {
    const h = new Headers(init.headers);
    posts.push({ url: String(input), key: h.get('idempotency-key') ?? '', body: JSON.parse(String(init.body)) });
    const faked = net.fake?.(String(input));
    if (faked) return faked;
    const res = await realFetch(input, init);
    if (net.lose > 0) {
      net.lose--;
      await res.text();
      throw new TypeError('Failed to fetch (answer lost)');
    }
    return res;
  }
  return realFetch(input, init);
};

export function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}
