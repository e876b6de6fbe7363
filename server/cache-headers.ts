// Cache-Control values, written once: the server's answers use only these.
/** Answers about one request (signatures, errors, health, exports): never kept. */
export const NO_STORE = 'no-store';
/** May be kept but must be revalidated: the feed, live counts, pages, the entry script's HTML. */
export const NO_CACHE = 'no-cache';
/** Files whose name changes when their content does (hashed chunks, the versioned copy). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files that keep their name across releases (the entry script): briefly. */
export const SHORT_LIVED = 'public, max-age=300';
