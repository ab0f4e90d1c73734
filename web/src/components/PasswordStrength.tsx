/**
 * A rough, private guide while typing (nothing leaves the browser). The server makes the real
 * check with a full strength estimator, so this errs on the side of asking for more.
 */
export function estimateStrength(password: string): 0 | 1 | 2 | 3 | 4 {
  if (!password) return 0;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const words = password.trim().split(/[\s\-_.]+/).filter((w) => w.length >= 3).length;
  const repetitive = /(.)\1{2,}/.test(password) || /^(?:123|abc|qwerty|password)/i.test(password);
  let score = password.length >= 20 ? 3 : password.length >= 14 ? 2 : password.length >= 12 ? 1 : 0;
  if (classes >= 3 || words >= 3) score += 1;
  if (repetitive) score -= 1;
  return Math.max(0, Math.min(4, score)) as 0 | 1 | 2 | 3 | 4;
}

const LABELS = ['Too short', 'Weak', 'Fair', 'Good', 'Strong'];

/** `advice` off where the form already states the rules beside the field. */
export function PasswordStrength({ password, id, advice = true }: { password: string; id: string; advice?: boolean }) {
  const score = estimateStrength(password);
  return (
    <div className="strength" id={id}>
      <div className={`strength-bar strength-${score}`} aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= score ? 'on' : ''} />
        ))}
      </div>
      {password || advice ? (
        <p className="strength-text">
          {password ? <>Strength: <strong>{LABELS[score]}</strong>. </> : null}
          {advice ? 'At least 12 characters. A few unrelated words, or a phrase only you would think of, is strong and easy to remember.' : null}
        </p>
      ) : null}
    </div>
  );
}
