// What the events and join tests share: their feed and their requests.
import fs from 'node:fs';
import path from 'node:path';
import { here, request } from './helpers.js';

export const EVENTS_FEED = path.join(here, 'fixtures', 'events-feed.json');
/** A fresh copy of the events feed (tests change it). */
export const eventsFeed = () => JSON.parse(fs.readFileSync(EVENTS_FEED, 'utf8'));

export const rsvp = (base: string, event: string, body: unknown, headers: Record<string, string> = {}) =>
  request(base, 'POST', `/api/events/${event}/rsvps`, { json: body, headers });

export const joinUs = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  request(base, 'POST', '/api/join', { json: body, headers });
