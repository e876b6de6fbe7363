// The signer's columns, the same in `signatures` and `pending_signatures` (migration 10).
export const SIGNATURE_COLUMNS = `petition, email, given_name, family_name, postal_code, country, phone, comment, source,
  origin, consent_sha256, signed_at`;

/** One petition's signed and pending signatures as one table (pending ones with a null confirmed_at). */
export const signedAndPending = (petition: string, nullTime: string) => `
  SELECT ${SIGNATURE_COLUMNS}, confirmed_at FROM signatures WHERE petition = ${petition}
  UNION ALL SELECT ${SIGNATURE_COLUMNS}, ${nullTime} FROM pending_signatures WHERE petition = ${petition}`;
