import type { TotpEnrolment } from '../../api.js';

/**
 * The QR code is SVG markup from our own server. It is shown through an <img> data URL rather
 * than injected into the page: an image cannot run script or reach the page, whatever it holds.
 */
export function TotpSecret({ enrolment }: { enrolment: TotpEnrolment }) {
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`;
  const grouped = enrolment.totpSecret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <section className="enrol-step" aria-labelledby="scan-heading">
      <h2 id="scan-heading">1. Add Sanctum to your authenticator app</h2>
      <div className="enrol-qr">
        <img src={src} width={184} height={184} alt="QR code for your authenticator app. The same key is written out beside it." />
        <div>
          <p>Scan this code with the app. If you cannot scan it, choose “enter a setup key” in the app and type this key:</p>
          <p className="secret" data-testid="totp-secret" aria-label={`Setup key: ${enrolment.totpSecret.split('').join(' ')}`}>
            {grouped}
          </p>
          <p className="hint">Time-based, 6 digits, every 30 seconds.</p>
        </div>
      </div>
    </section>
  );
}
