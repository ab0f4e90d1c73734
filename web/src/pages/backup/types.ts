/** GET /api/backups (src/features/keystore/keystore.routes.ts). */
export interface RecoveryStatus {
  backup: { lastMadeAt: string | null };
  keyStore: {
    lastMadeAt: string | null;
    via: 'export' | 'import' | null;
    clientsSince: number;
    disposalsSince: number;
    passphraseChangedSince: boolean;
    upToDate: boolean;
  };
}
