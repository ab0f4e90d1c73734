export const SIGN_EXPLANATION =
  'Signing locks the note: it can no longer be edited or deleted. If something needs correcting or adding later, you add a dated addendum beneath it, and the original stays as it was.';
