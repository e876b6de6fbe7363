// Feeds being previewed: the editor's unsaved draft, checked, kept in memory under an unguessable
// token for a few minutes so that the real widgets (which fetch a feed by URL, without cookies)
// can load it from /admin/preview/TOKEN/feed.json. Nothing here is saved or shown to the public.
import { randomBytes } from 'node:crypto';

const TTL_MS = 10 * 60 * 1000;
/** Old drafts go first once this many are kept (a few organizers, a few previews each). */
const MAX_DRAFTS = 50;

export class FeedDrafts {
  private readonly drafts = new Map<string, { json: string; expires: number }>();

  put(feed: unknown, now = Date.now()): string {
    for (const [token, d] of this.drafts) if (d.expires <= now) this.drafts.delete(token);
    while (this.drafts.size >= MAX_DRAFTS) this.drafts.delete(this.drafts.keys().next().value!);
    const token = randomBytes(24).toString('base64url');
    this.drafts.set(token, { json: JSON.stringify(feed), expires: now + TTL_MS });
    return token;
  }

  get(token: string, now = Date.now()): string | null {
    const d = this.drafts.get(token);
    return d && d.expires > now ? d.json : null;
  }
}
