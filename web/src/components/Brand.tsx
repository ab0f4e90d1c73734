/** The product mark: a simple enclosed shape, drawn inline (no external assets). */
export function Brand({ practiceName }: { practiceName?: string | null }) {
  return (
    <div className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect x="3" y="3" width="26" height="26" rx="8" fill="currentColor" />
        <path d="M16 9c-3.5 0-6 2.2-6 5.5V21a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2v-6.5C22 11.2 19.5 9 16 9Z" fill="#faf7f2" />
        <circle cx="16" cy="17.5" r="1.8" fill="currentColor" />
      </svg>
      <span className="brand-name">Sanctum</span>
      {practiceName && (
        <>
          <span className="brand-divider" aria-hidden="true" />
          <span className="brand-practice">{practiceName}</span>
        </>
      )}
    </div>
  );
}
