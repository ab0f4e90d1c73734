/**
 * The wider net for access, used when no other right is detected: a reference to the person's own
 * records in a sentence (or message) that asks for something. Weaker than a cue (1.6: just over the
 * threshold), so that the overlap rule hands the words to another right when its verb is present.
 */
import { type Context, context } from './rights.context.js';
import { NEGATED_BEFORE } from './rights.guards.js';

export interface NetHit {
  from: number;
  to: number;
}

/** "my notes", "my counseling records", "my personal information"; not "my notes app", "for my records". */
const MY_RECORDS =
  /(?<!\bfor )\bmy(?: own)?(?: [a-z]+){0,2}? (?:records?|notes|files?|chart|documentation|paperwork|data|information)\b(?! (?:show|shows|say|says|app|from the hospital))/g;
/** A record of me named without "my": "the papers you are writing about me", "notes on me", "whatever you wrote down". */
const RECORDS_OF_ME =
  /\b(?:(?:records?|notes|files?|papers|documents|documentation|paperwork|information|data|details|reports?|letters?|assessments?|chart|anything|everything|stuff)(?: [a-z]+){0,5} (?:about|on|of|regarding|concerning) me|(?:what|whatever|everything|anything|all) (?:that )?(?:you|was|has been|have been|is|are|gets|got) (?:have |are |been |being )?(?:wrote|written|writing|recorded|recording|noted|noting|typed)(?: down)?)\b/g;
const ASKING =
  /\b(?:please|(?:can|could|would|may|will) (?:you|i|u|we|someone)|want|need|needs|like|love|asking|ask|request|requesting|send|share|show|post|forward|give|provide|see|look|peek|review|access|read|copy|copies|sight|help|looking for|asap|entitled|how do i|how can i)\b/;
/** The writer describing what they did ("I read back over my notes") is not asking. */
const OWN_ACTION = /(?<!\b(?:can|could|may|might|would|should|to|will|let me|if) )\bi (?:read|see|look|looked|review|reviewed|share|shared|send|sent|copy|copied)\b/g;
const BUSINESS_TALK = /\b(?:invoices?|receipts?|payments?|paid|fees?|appointments?|booking|password|portal|app|course|homework)\b/;
/** Records the writer hands to the practice ("bring my records from Spain", "sending you my notes"). */
const GIVING = /\b(?:bring|brought|bringing|sending you|send you|sent you|attach|attached|attaching|enclose|enclosed|enclosing|upload|uploaded|giving you|give you|forwarded you)(?: [a-z]+){0,2} $/;
/** Asking for something already named in an earlier sentence: "If so, I'd like them", "please send them". */
const ASK_FOR_IT =
  /\b(?:(?:i would|i would really|i would also) like (?:them|it|to see them|to see it|a copy|copies)|i want (?:them|it|a copy)|(?:send|give|show|email|post|forward) (?:them|it|those|a copy)(?: to me| over)?|(?:them|it) back|show me|(?:can|could|may) i (?:have|get|see|read) (?:them|it|those))\b/;

/** Words the anchored guards can reach back over: six for a negation, four for giving. */
const NEGATION_WORDS = 8;
const GIVING_WORDS = 6;

export function accessNet(text: string, skip: (from: number, to: number) => boolean, ctx: Context = context(text)): NetHit[] {
  const hits: NetHit[] = [];
  const sentences = text.split(' . ');
  const anaphora = sentences.some((s) => ASK_FOR_IT.test(s));
  let offset = 0;
  for (const sentence of sentences) {
    const asking = anaphora || ASKING.test(sentence.replace(OWN_ACTION, ' '));
    if (asking && !BUSINESS_TALK.test(sentence)) {
      for (const re of [MY_RECORDS, RECORDS_OF_ME]) {
        for (const m of sentence.matchAll(re)) {
          const [from, to] = [offset + m.index, offset + m.index + m[0].length];
          if (NEGATED_BEFORE.test(ctx.tail(from, NEGATION_WORDS)) && !ctx.hedgedBefore(from)) continue;
          if (GIVING.test(ctx.tail(from, GIVING_WORDS)) || skip(from, to)) continue;
          hits.push({ from, to });
        }
      }
    }
    offset += sentence.length + 3;
  }
  return hits;
}
