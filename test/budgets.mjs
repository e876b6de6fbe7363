// The byte budgets, in gzipped bytes of our script, written once for the size tests (test/size.test.mjs)
// and the pages that measure what a browser fetches (test/host/budget.test.mjs).

/**
 * The main script and its static imports, which a page with the platform, petition and donate widgets
 * fetches: 20 KB, counted as served (the build's .gz siblings, scripts/compress.mjs).
 */
export const ENTRY_BUDGET_GZIP = 20_480;

/** What the platform, petition and donate widgets in English may fetch of our script, every chunk counted. */
export const PAGE_BUDGET_GZIP = ENTRY_BUDGET_GZIP;

/** What a page whose only widget is that of a single-widget script (dist/widgets/<tag>.js) fetches at load. */
export const WIDGET_SCRIPT_BUDGET_GZIP = 20_480;
