/** The jurisdictions the server accepts at set-up (src/features/practice/practice.ts). */
export const JURISDICTIONS = [
  { code: 'GB-ENG', label: 'England' },
  { code: 'GB-WLS', label: 'Wales' },
  { code: 'GB-SCT', label: 'Scotland' },
  { code: 'GB-NIR', label: 'Northern Ireland' },
  { code: 'US-CA', label: 'California, United States' },
  { code: 'US-NY', label: 'New York, United States' },
  { code: 'US-TX', label: 'Texas, United States' },
  { code: 'US-FL', label: 'Florida, United States' },
] as const;
