import { expect } from '@open-wc/testing';
import { net, posts } from '../testing.js';
import { backoffMs, retryAfterMs, sendAction } from './submit.js';

describe('sendAction', () => {
  it('backs off with full jitter and reads Retry-After in seconds or as a date', () => {
    expect(backoffMs(0, 500, 15000, () => 0.999)).to.equal(499);
    expect(backoffMs(3, 500, 15000, () => 0.5)).to.equal(2000);
    expect(backoffMs(10, 500, 15000, () => 0.999)).to.equal(14985);
    expect(backoffMs(2, 500, 15000, () => 0)).to.equal(0);
    expect(retryAfterMs('2')).to.equal(2000);
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString())).to.be.within(1000, 3000);
    expect(retryAfterMs(null)).to.be.null;
  });

  it('honors Retry-After on 429, retries 5xx and 409, and never retries other 4xx', async () => {
    const answers: Response[] = [];
    const reply = (status: number, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(status < 300 ? { count: 7 } : { error: { code: `c${status}`, message: 'm' } }), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      });
    net.fake = () => answers.shift();
    try {
      posts.length = 0;
      answers.push(reply(429, { 'retry-after': '1' }), reply(503), reply(409), reply(201));
      const t0 = performance.now();
      expect((await sendAction(`${location.origin}/nowhere/signatures`, 'k1', '{}', { baseMs: 10 })).count).to.equal(7);
      expect(performance.now() - t0).to.be.at.least(990); // waited as asked
      expect(posts).to.have.length(4);

      posts.length = 0;
      answers.push(reply(422), reply(201));
      let error: { code?: string; status?: number } = {};
      await sendAction(`${location.origin}/nowhere/signatures`, 'k2', '{}', { baseMs: 10 }).catch(
        (e: typeof error) => (error = e),
      );
      expect(error).to.include({ code: 'c422', status: 422 });
      expect(posts).to.have.length(1);
    } finally {
      net.fake = undefined;
    }
  });
});
