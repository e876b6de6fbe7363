// Finding the petition a request names, in the feed (what the public routes serve) or in the
// database (what organizers may still export and erase).
import type { Petition } from '../src/core/feed-types.js';
import { ApiError } from './errors.js';
import type { FeedSource } from './feed.js';
import type { SignatureStore } from './storage/types.js';

/** The params schema of every /api/petitions/:id… route. */
export const petitionParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string' } },
} as const;

export interface PetitionParams {
  id: string;
}

/** The petition in the current feed; 404 petition_not_found otherwise. */
export function petitionFor(feed: FeedSource, id: string): Petition {
  const p = feed.get().feed.petitions.find((x) => x.id === id);
  if (!p) throw new ApiError(404, 'petition_not_found', `There is no petition "${id}".`);
  return p;
}

export const isClosed = (p: Petition, now: Date) => !!p.closes && Date.parse(p.closes) <= now.getTime();

/** A petition in the feed or with signatures stored (it may have been removed from the feed since). */
export async function knownPetition(feed: FeedSource, store: SignatureStore, id: string): Promise<void> {
  if (!feed.get().petitions.has(id) && (await store.count(id)) === 0) {
    throw new ApiError(404, 'petition_not_found', `There is no petition "${id}".`);
  }
}
