// The shapes of the console API's answers that the server builds and the console reads.
export interface Tally {
  key: string | null;
  count: number;
}

export interface PetitionStats {
  count: number;
  last_signed_at: string | null;
  /** Every UTC day with signatures since the first, oldest first (days without any are omitted). */
  per_day: { day: string; count: number }[];
  per_source: Tally[];
  per_site: Tally[];
}
