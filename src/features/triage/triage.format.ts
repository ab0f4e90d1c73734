import type { RuleListing } from './triage.engine.js';
import type { Step, TriageOutput } from './triage.js';

const STEP_TEXT: Record<Step, string> = {
  verify_requester: 'Verify who is asking and check their authority or document',
  consult_supervisor: 'Consult your supervisor',
  legal_advice: 'Take legal advice (for example through your professional insurer)',
  discuss_with_client: 'Discuss it with the client first',
  assess_capacity: "Assess the client's capacity (or the young person's competence) for this decision",
  take_time: 'Take time to reflect and consult before acting',
  minimum_necessary: 'Disclose only the minimum necessary',
  offer_report: 'Offer a report instead of records',
  do_not_confirm_client: 'Do not confirm or deny that the person is a client',
  do_not_inform_client: 'Do not tell the client',
  inform_client: 'Tell the client what is being disclosed',
  document_decision: 'Record the decision: who you consulted, what you weighed, what you decided and why',
};

const BASIS_TEXT: Record<TriageOutput['basis'], string> = {
  required_by_law: 'Required by law',
  subject_access: "The person's own information: subject access",
  permitted: 'Permitted without consent (public interest) or authorised by the client',
  consent_needed: "Possible only with the client's consent",
  no_basis: 'No basis to disclose',
};

/** A plain-text summary for a terminal; the JSON output is the contract, this is a courtesy. */
export function formatTriage(out: TriageOutput): string {
  const lines = [
    `Basis:          ${BASIS_TEXT[out.basis]} (${out.basis})`,
    `Recommendation: ${out.recommendation}`,
  ];
  if (out.mustNotInformClient) lines.push('WARNING:        the client must not be told about this disclosure.');
  if (out.consentRecord) lines.push(`Consent on file: ${out.consentRecord.summary} (${out.consentRecord.consentId})`);
  lines.push('', 'Steps:');
  out.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${STEP_TEXT[s]}`));
  lines.push('', 'Why:');
  for (const r of out.reasons) {
    const flag = r.applied ? '' : ' [outranked]';
    lines.push(`  - ${r.rule}${flag}${r.unsettled ? ' [law unsettled]' : ''}`, `    ${r.text}`, `    Source: ${r.source}`);
  }
  lines.push('', `Rules: ${out.packVersion}; law last checked ${out.lastChecked}.`);
  return lines.join('\n') + '\n';
}

export function formatRuleList(rules: RuleListing[]): string {
  return (
    rules
      .map((r) => `${r.jurisdiction}  ${r.id}  ${r.basis ?? '(steps only)'}${r.unsettled ? '  [unsettled]' : ''}\n    ${r.source}`)
      .join('\n') + '\n'
  );
}
