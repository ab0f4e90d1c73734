/** The data-protection officer's registers: metadata only, never a name or a word of content. */
export interface RequestRegisterEntry {
  id: string;
  reference: string;
  requesterType: string;
  asks: string;
  authority: string;
  receivedOn: string;
  dueOn: string | null;
  status: string;
  caseCode: string | null;
  contraryToAdvice: boolean;
  emergency: boolean;
  restricted: boolean;
  disclosures: number;
}

export interface DisclosureRegisterEntry {
  id: string;
  disclosedOn: string;
  caseCode: string;
  reference: string;
  requesterType: string;
  kind: string;
  basis: string;
  noteCount: number;
}
