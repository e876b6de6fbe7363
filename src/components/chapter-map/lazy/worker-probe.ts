/**
 * May a worker from a `blob:` URL run here? A one-line worker must say hello. A
 * Content-Security-Policy or Trusted Types that refuse it make this false. Started
 * with the map chunk's download, so its answer is in before the feed keeps the
 * main thread busy.
 */
export function probeWorker(): Promise<boolean> {
  return new Promise((resolve) => {
    let probe: Worker | undefined;
    const done = (ok: boolean) => {
      probe?.terminate();
      document.removeEventListener('securitypolicyviolation', refused);
      resolve(ok);
    };
    const refused = (e: SecurityPolicyViolationEvent) => {
      if (/^(worker|script|child)-src|trusted-types/.test(e.effectiveDirective)) done(false);
    };
    document.addEventListener('securitypolicyviolation', refused);
    try {
      const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
      probe = new Worker(url);
      URL.revokeObjectURL(url);
    } catch {
      return done(false);
    }
    probe.onmessage = () => done(true);
    probe.onerror = () => done(false);
  });
}
