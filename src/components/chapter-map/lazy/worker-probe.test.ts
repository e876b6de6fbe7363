import { expect } from '@open-wc/testing';
import { probeWorker } from './worker-probe.js';

describe('worker-probe', () => {
  it('says yes where a blob: worker runs', async () => {
    expect(await probeWorker()).to.equal(true);
  });

  it('says no where the page refuses the worker (it throws, as under Trusted Types)', async () => {
    const Worker = window.Worker;
    window.Worker = class {
      constructor() {
        throw new TypeError('refused');
      }
    } as unknown as typeof Worker;
    try {
      expect(await probeWorker()).to.equal(false);
    } finally {
      window.Worker = Worker;
    }
  });
});
