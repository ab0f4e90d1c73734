import type { AgreementFields, TemplateVersion } from './templates.js';

export type AgreementStatus = 'awaiting_signature' | 'signed' | 'void';

export interface SignatureDetails {
  method: 'typed' | 'drawn';
  signer: 'client' | 'parent';
  name: string;
  signedAt: string;
  image: string | null;
}

/** One agreement put to one client, with the exact version and fields that make up its text. */
export interface Agreement {
  id: string;
  caseCode: string;
  versionId: string;
  templateKey: string;
  version: number;
  title: string;
  templateHash: string;
  documentHash: string;
  status: AgreementStatus;
  fields: AgreementFields;
  createdAt: string;
  signedAt: string | null;
  signedVia: 'in_person' | 'link' | null;
  withoutCapacity: boolean;
  signature: SignatureDetails | null;
}

export const versionLabel = (v: Pick<TemplateVersion, 'templateKey' | 'version'>) => `${v.templateKey} v${v.version}`;
