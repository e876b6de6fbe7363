// The text of `solidarity-widgets --help`: every command, option and environment variable.
import { MIN_TOKEN_LENGTH } from './plugins/admin.js';
import { MAX_CONNECTIONS_PER_ADDRESS } from './plugins/connection-limit.js';
import { ORGANIZER_HELP } from './organizer-cli.js';
import { ORIGINS_HELP } from './origins-cli.js';
import { MAX_NUMBER } from './challenge.js';

/** On by default: <petition-form> solves challenges without the reader noticing (issue 19). */
export const POW_DEFAULT = 'on';

export const HELP = `solidarity-widgets: the server for one organization's feed, widgets and petition signatures.

Usage:
  solidarity-widgets serve --feed FILE [options]
  solidarity-widgets check FEED
  solidarity-widgets origins [allow ORIGIN | remove ORIGIN] [--db FILE]
  solidarity-widgets outbox [retry] [--db FILE]
${ORGANIZER_HELP}
  solidarity-widgets --help | --version

serve options:
  --feed FILE            the organization's feed (required); re-read when it changes
  --db FILE              SQLite database file (default ./data/solidarity.db)
  --port N               port to listen on (default $PORT, else 8080)
  --host ADDRESS         address to listen on (default 0.0.0.0)
  --public-url URL       this server's own address as readers reach it, e.g. https://party.example
                         (its pages may sign; default: the listen address, http://HOST:PORT)
  --allow-origin ORIGIN  a site allowed to POST signatures, e.g. https://ally.example
                         (repeat, or give a comma list; the server's own origin is always allowed)
  --rate-limit N         signature POSTs per minute per client address (default 30; 0 = off)
  --trust-proxy          take the client address from X-Forwarded-For (behind a reverse proxy)
  --max-connections-per-address N
                         open connections one client address may hold (default ${MAX_CONNECTIONS_PER_ADDRESS};
                         0 = no cap; not applied with --trust-proxy: cap them in the proxy)
  --retain-days N        delete signatures older than N days, checked hourly (default: keep;
                         petition counts then count only the signatures still stored)
  --publish-counts S     publish petition counts every S seconds (default 60), so that signing
                         with someone's address does not show at once whether they had signed;
                         0 = live counts, which lets anyone find that out
  --webhook URL          send each signature (and erasure) there as a signed Standard Webhooks
                         event, retried for 3 days until it answers 2xx (repeat for several)
  --proof-of-work on|off signature POSTs must carry a solved challenge from GET /api/challenge
                         (ALTCHA v1, SHA-256, ~${(MAX_NUMBER / 2).toLocaleString('en')} hashes on average: about a second
                         on a phone at 4× CPU slowdown, a CPU-second per thousand signatures for
                         a bot; default ${POW_DEFAULT});
                         requests with the admin token skip it
  --smtp URL             the mail server for confirmation emails (petitions with "confirm": true),
                         e.g. smtp://user:pass@mail.example:587 (default $SMTP_URL); without it
                         a feed that asks for confirmation is refused
  --mail-from ADDRESS    their sender, e.g. "Party Petitions <petitions@party.example>"

Environment:
  DATABASE_URL=postgres://…   use Postgres instead of SQLite (many servers, one database)
  SOLIDARITY_ADMIN_TOKEN      at least ${MIN_TOKEN_LENGTH} visible ASCII characters, no spaces (e.g. the
                              output of: openssl rand -hex 32); guards the organizers' CSV export
                              (GET /api/petitions/ID/signatures.csv) and erasure
                              (DELETE /api/petitions/ID/signatures?email=…), sent as
                              "Authorization: Bearer TOKEN". Unset: both answer 404. A token that
                              is too short or has spaces is refused at start.
  SOLIDARITY_WEBHOOK_SECRET   whsec_ and base64 of 24-64 random bytes (required with --webhook), e.g.
                              echo "whsec_$(openssl rand -base64 32)"; receivers verify with it
  ACTION_NETWORK_API_KEY      send signatures of petitions with "action_network" in the feed to
                              Action Network (ACTION_NETWORK_URL: its API base, default
                              https://actionnetwork.org)
  SOLIDARITY_CHALLENGE_KEY    the HMAC key of proof-of-work challenges, at least ${MIN_TOKEN_LENGTH} characters
                              (servers sharing one Postgres share the key kept in it anyway);
                              unset: one is made on first start and kept in the database

check FEED prints each problem in a feed file with its JSON path and exits 1 if there is any.

outbox lists the events not yet delivered to webhooks and Action Network (and the endpoints
stopped by a 410); outbox retry makes them all due now (same database options as serve).

${ORIGINS_HELP}`;
