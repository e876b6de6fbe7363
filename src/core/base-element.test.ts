/**
 * yieldToHost: how every widget takes turns with the host page. Each caller resumes
 * in a task of its own; work that passes the frame budget waits for a rendered frame,
 * so the browser's style and layout of it stays a short task too.
 */
import { expect } from '@open-wc/testing';
import { yieldToHost } from './base-element.js';

/** Counts rendered frames while `run` goes on. */
async function countingFrames<T>(run: (frames: () => number) => Promise<T>): Promise<T> {
  let frames = 0;
  let on = true;
  const tick = () => {
    frames++;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    return await run(() => frames);
  } finally {
    on = false;
  }
}

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('yieldToHost', () => {
  it('puts a rendered frame between pieces of work that each pass the budget', async () => {
    const seen = await countingFrames(async (frames) => {
      const seen: number[] = [];
      await Promise.all(
        Array.from({ length: 5 }, async () => {
          await yieldToHost();
          seen.push(frames());
          busy(12); // more than the 8 ms budget
        }),
      );
      return seen;
    });
    for (let i = 1; i < seen.length; i++) expect(seen[i], `piece ${i} waited for a frame`).to.be.greaterThan(seen[i - 1]);
  });

  it('runs each caller in a task of its own', async () => {
    const order: string[] = [];
    await Promise.all(
      [1, 2].map(async (n) => {
        await yieldToHost();
        order.push(`start ${n}`);
        queueMicrotask(() => order.push(`microtasks of ${n}`));
      }),
    );
    // Had both resumed in one task, their microtasks would run after both had started.
    expect(order).to.deep.equal(['start 1', 'microtasks of 1', 'start 2', 'microtasks of 2']);
  });

  it('goes on in a page that renders no frames (hidden, or an off-screen iframe)', async () => {
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = () => 0; // no frame ever comes
    try {
      busy(12); // past the budget: the next caller must wait for a frame that never comes
      await yieldToHost();
      busy(12);
      await yieldToHost();
    } finally {
      window.requestAnimationFrame = raf;
    }
  });
});
