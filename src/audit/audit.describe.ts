/**
 * Every audit action in plain English, for people: the access history on a client's page, the
 * "who opened your record" section of a subject access export, and the registers. The codes stay
 * in the log (they are what the hash chain covers); only what people read is translated here.
 * Pure, with no Node imports, so the web app can use it too.
 *
 * A new action code needs a line here: a test reads every action written anywhere in src/ and
 * fails on one without a description.
 */
const ACTIONS: Record<string, string> = {
  'access.denied': 'Tried to open something without permission',
  'access_log.read': 'Looked at who has opened the record',
  'access_review.acknowledge': 'Reviewed a step that needed a second person’s review',
  'audit.checkpoint': 'Sealed a checkpoint of the audit log',
  'audit.verify': 'Checked the audit log had not been altered',
  'auth.password_change': 'Changed their password',
  'auth.recovery_codes': 'Made new recovery codes for signing in',
  'auth.signin': 'Signed in',
  'auth.signout': 'Signed out',
  'auth.totp_enrolled': 'Set up a second sign-in step',
  'backup.create': 'Made a backup',
  'backup.restore': 'Restored from a backup',
  'backup.schedule_off': 'Turned off scheduled backups',
  'backup.schedule_on': 'Turned on scheduled backups',
  'breach.affected': 'Recorded who was affected by a data breach',
  'breach.assess': 'Assessed a data breach',
  'breach.close': 'Closed a data breach record',
  'breach.contain': 'Recorded steps taken to contain a data breach',
  'breach.draft': 'Drafted a data breach notice',
  'breach.letter.edit': 'Edited a letter to people affected by a data breach',
  'breach.list': 'Looked at the list of data breaches',
  'breach.notify': 'Recorded that people were told about a data breach',
  'breach.read': 'Looked at a data breach record',
  'breach.report': 'Reported a data breach',
  'break_glass.start': 'Used emergency access to the record',
  'break_glass.end': 'Ended emergency access to the record',
  'break_glass.read': 'Opened the record under emergency access',
  'break_glass.list': 'Looked at the list of emergency accesses',
  'cover.add': 'Arranged cover for a colleague’s clients',
  'cover.end': 'Ended cover for a colleague’s clients',
  'supervision.add': 'Recorded a supervision arrangement',
  'supervision.end': 'Ended a supervision arrangement',
  'team.create': 'Set up a team',
  'team.members': 'Changed who is in a team',
  'case.team': 'Put the client in a team',
  'diary.read': 'Looked at the diary',
  'referral.create': 'Registered a new referral',
  'supervision.list': 'Looked at supervisees',
  'supervision.shared.list': 'Looked at anonymised material shared for supervision',
  'supervision.shared.read': 'Read anonymised material in supervision',
  'supervision.notes.list': 'Looked at their own supervision notes',
  'supervision.notes.add': 'Wrote a supervision note',
  'case.close': 'Closed the record',
  'case.reopen': 'Reopened the record',
  'case.reassign': 'Passed the record to another practitioner',
  'caseload.list': 'Looked at a list of clients',
  'client.create': 'Created the record',
  'client.erase': 'Erased the record',
  'client.read': 'Looked at contact details',
  'client.update': 'Changed contact details',
  'consent.agreement.prepare': 'Prepared an agreement to sign',
  'consent.agreement.read': 'Looked at an agreement',
  'consent.capacity': 'Recorded an assessment of capacity to consent',
  'consent.competence': 'Recorded an assessment of competence to consent',
  'consent.link.create': 'Sent a link to sign an agreement',
  'consent.link.open': 'Opened a link to sign an agreement',
  'consent.link.refused': 'A link to sign an agreement was refused (expired or already used)',
  'consent.link.use': 'Used a link to sign an agreement',
  'consent.lookup': 'Checked what consent has been given',
  'consent.parent.add': 'Recorded who has parental responsibility',
  'consent.parent.end': 'Recorded that parental responsibility ended',
  'consent.pdf': 'Downloaded a copy of an agreement',
  'consent.read': 'Looked at consents',
  'consent.record': 'Recorded a consent',
  'consent.sign': 'Signed an agreement',
  'consent.template.publish': 'Published an agreement template',
  'consent.template.seed': 'Added the standard agreement templates',
  'consent.template.write': 'Edited an agreement template',
  'consent.warnings': 'Checked for missing or out-of-date consents',
  'consent.withdraw': 'Recorded that a consent was withdrawn',
  'dashboard.read': 'Looked at the deadlines',
  'disclosure.accounting': 'Looked at the list of information shared',
  'disclosure.pack': 'Prepared information to share with someone else',
  'disclosure.preview': 'Previewed information to share with someone else',
  'document.create': 'Added a letter or document',
  'document.read': 'Looked at a letter or document',
  'keys.export': 'Exported the encryption keys',
  'keys.import': 'Imported the encryption keys',
  'keys.rotate': 'Replaced the encryption keys',
  'note.addendum': 'Added an addendum',
  'note.autosave': 'Saved a draft note',
  'note.create': 'Wrote a note',
  'note.edit': 'Edited a draft note',
  'note.sign': 'Signed a note',
  'notes.read': 'Read notes',
  'practice.create': 'Set up the practice',
  'record.open': 'Opened the record',
  'request.addendum': 'Added to the record of a request for information',
  'request.decision.save': 'Drafted a decision on a request for information',
  'request.decision.sign': 'Signed a decision on a request for information',
  'request.document.attach': 'Attached a document to a request for information',
  'request.document.read': 'Looked at a document attached to a request for information',
  'request.letter': 'Wrote a letter about a request for information',
  'request.link': 'Linked a request for information to the record',
  'request.list': 'Looked at the list of requests for information',
  'request.log': 'Logged a request for information from someone else',
  'request.read': 'Looked at a request for information',
  'request.restrict': 'Decided the client must not be told about a request for now',
  'request.restriction.lift': 'Lifted the decision not to tell the client about a request',
  'request.retriage': 'Reassessed a request for information',
  'request.status': 'Changed the status of a request for information',
  'request.step': 'Recorded a step in handling a request for information',
  'retention.certificate': 'Made a certificate of destruction',
  'retention.certificate_download': 'Downloaded a certificate of destruction',
  'retention.destroy_process_notes': 'Destroyed process notes at the end of their retention period',
  'retention.hold': 'Put the record on hold so it is kept',
  'retention.policy': 'Changed how long records are kept',
  'retention.release': 'Released a hold on the record',
  'retention.schedule': 'Scheduled the record for destruction',
  'sar.completed': 'Completed a request for records',
  'sar.deliver': 'Recorded that the copy of the records was sent',
  'sar.erasure_done': 'Erased information on request',
  'sar.erasure_refused': 'Refused a request to erase information, with reasons',
  'sar.export': 'Prepared a copy of the records',
  'sar.export_download': 'Downloaded the copy of the records',
  'sar.extend': 'Extended the deadline of a request for records',
  'sar.fee': 'Recorded a fee for a request for records',
  'sar.objection_done': 'Upheld an objection',
  'sar.objection_refused': 'Declined an objection, with reasons',
  'sar.open': 'Logged a request for records or other rights',
  'sar.portability_done': 'Completed a request for records in a portable form',
  'sar.portability_refused': 'Refused a request for records in a portable form, with reasons',
  'sar.preview': 'Checked what a copy of the records would contain',
  'sar.process_notes': 'Decided whether process notes are included',
  'sar.read': 'Looked at a request for records',
  'sar.access_done': 'Completed a request for records',
  'sar.access_refused': 'Refused a request for records, with reasons',
  'sar.rectification_done': 'Corrected the record on request',
  'sar.rectification_refused': 'Declined to correct the record, with reasons',
  'sar.redaction_accept': 'Decided what to withhold from a copy of the records',
  'sar.redaction_add': 'Marked something to withhold from a copy of the records',
  'sar.redaction_propose': 'Looked for information about other people to withhold',
  'sar.redaction_reject': 'Decided to include something first marked to withhold',
  'sar.redaction_review': 'Reviewed what to withhold from a copy of the records',
  'sar.refused': 'Refused a request for records, with reasons',
  'sar.restriction_done': 'Restricted use of the record on request',
  'sar.restriction_refused': 'Declined to restrict use of the record, with reasons',
  'sar.verify': 'Checked the identity of the person asking for records',
  'sar.withdrawn': 'Recorded that a request for records was withdrawn',
  'session.create': 'Added a session',
  'session.attendance': 'Recorded who attended a session',
  'session.participant_add': 'Recorded someone else who took part in a session',
  'sharing.create': 'Started preparing anonymised material',
  'sharing.discard': 'Discarded anonymised material',
  'sharing.download': 'Downloaded anonymised material',
  'sharing.list': 'Looked at the list of anonymised material',
  'sharing.read': 'Looked at anonymised material',
  'sharing.review': 'Reviewed anonymised material',
  'sharing.share': 'Shared anonymised material',
  'user.create': 'Added a staff member',
  'user.disable': 'Disabled a staff member’s account',
  'user.enable': 'Re-enabled a staff member’s account',
  'user.password_reset': 'Reset a staff member’s password',
  'user.reset_second_factor': 'Reset a staff member’s second sign-in step',
  'user.unlock': 'Unlocked a staff member’s account',
  'user.update': 'Changed a staff member’s roles',
  'vault.initialise': 'Set up encryption for the practice',
  'vault.unseal': 'Unlocked the records after a restart',
};

const PURPOSES: Record<string, string> = {
  care: 'to provide care',
  clinical: 'for clinical work',
  identity: 'to check contact details',
  disclosure: 'to prepare information to share',
  anonymisation: 'to remove identifying details',
  breach_notification: 'to tell people about a data breach',
  operator: 'for practice administration',
  needs_review: 'taken alone, so it needs review by a second person',
  break_glass: 'in an emergency, outside the usual care team; reviewed afterwards',
  'subject access': 'to answer a request for records',
  'subject access redaction': 'to decide what to withhold from a copy of the records',
};

const OUTCOMES: Record<string, string> = { denied: 'refused', failed: 'did not succeed' };

export function hasDescription(action: string): boolean {
  return Object.prototype.hasOwnProperty.call(ACTIONS, action);
}

/** Every described code: for the registers' filters and for the completeness test. */
export const DESCRIBED_ACTIONS: readonly string[] = Object.keys(ACTIONS);

/** "Opened the record", never "record.open"; an unknown code still reads as words. */
export function describeAction(action: string): string {
  if (hasDescription(action)) return ACTIONS[action];
  const words = action.replace(/[._]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Something was done';
}

export function describePurpose(purpose: string | null | undefined): string | null {
  if (!purpose) return null;
  return PURPOSES[purpose] ?? `for ${purpose.replace(/_/g, ' ')}`;
}

/** One line for a person: "Opened the record (to provide care)", "… — refused". */
export function describeAuditEntry(e: { action: string; purpose?: string | null; outcome?: string | null }): string {
  const purpose = describePurpose(e.purpose);
  const outcome = e.outcome && e.outcome !== 'ok' ? OUTCOMES[e.outcome] ?? e.outcome : null;
  return `${describeAction(e.action)}${purpose ? ` (${purpose})` : ''}${outcome ? ` — ${outcome}` : ''}`;
}
