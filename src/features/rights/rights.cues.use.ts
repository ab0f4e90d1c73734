/** Portability, restriction and objection cues: moving records, pausing their use, or refusing a use. */
import { type Cue, cue, TO_PROVIDER } from './rights.fragments.js';

export const USE_CUES: Cue[] = [
  // Portability.
  cue('portability', 3.5, 'portability|article 20|machine readable|commonly used format|structured format|portable(?: [a-z]+)? (?:copy|format)|to another controller'),
  cue('portability', 3, `(?:transfer|transferred|send|forward|pass|move|transmit)(?: [a-z]+){0,3} (?:my |the )?(?:[a-z]+ )?(?:records|notes|file|data|information)${TO_PROVIDER}`),
  cue('portability', 3, `(?:records|notes|file|data) (?:be |to be |being )?(?:transferred|sent|moved|forwarded|passed)${TO_PROVIDER}`),
  cue('portability', 2.5, '(?:export|download)(?: [a-z]+){0,2} (?:data|records|notes|information)|(?:csv|json|xml|fhir)'),
  cue('portability', 3.5, '(?:in|as) an? (?:[a-z]+ )?(?:format|file)(?: [a-z]+){0,6} (?:another|elsewhere|other|new provider|new therapist)|downloadable|import (?:it )?elsewhere'),
  cue('portability', 1.5, '(?:take|upload|import) it to (?:another|my new|a new)'),

  // Restriction.
  cue('restriction', 3, 'restrict(?:ion of)?(?: the)? (?:processing|use|access)|article 18|restrict processing'),
  cue('restriction', 2.5, '(?:do not|not) want (?:my |the )?(?:[a-z]+ )?(?:file|records?|notes|data) (?:deleted|destroyed|erased)|locked away'),
  cue('restriction', 2.5, '(?:until|while|whilst|pending)(?: [a-z]+){0,12} (?:do not|not|stop|never) (?:use|using|share|sharing|process|processing|look|looking)'),
  cue('restriction', 2.5, `(?:stop|pause|paused|suspend|freeze|hold off|put a hold on|halt|do not use|not use|do not share)(?: [a-z]+){0,3}? (?:my )?(?:data|information|records|notes|file|details|them)(?: [a-z]+){0,6} (?:while|until|whilst|till|pending|for now)`),
  cue('restriction', 2.5, `(?:processing|use)(?: [a-z]+){0,4} (?:paused|suspended|frozen|stopped) (?:until|while|pending)`),
  cue('restriction', 2.5, '(?:do not|not) delete(?: [a-z]+){0,12} (?:but|either)|keep my (?:notes|records|data|file)(?: [a-z]+)? but|only (?:store|keep|hold) my'),
  cue('restriction', 2.5, 'limit (?:who|how|the use|use)(?: [a-z]+){0,4} (?:my|your)|(?:freeze|lock) (?:my )?(?:information|file|records|notes|data)|(?:information|file|records|notes|data)(?: [a-z]+)? (?:locked|frozen)'),

  // Objection (including withdrawing consent to a use, and direct marketing).
  cue('objection', 3, 'i object|object to|objection|article 21|opt out|unsubscribe|legitimate interests?|mailing list'),
  cue('objection', 2.5, 'withdraw(?:ing)?(?: my)? consent|no longer consent|(?:stop|no longer|not) (?:sending|send)(?: [a-z]+){0,2} (?:newsletters?|marketing|offers|promotions)'),
  cue('objection', 2.5, '(?:do not|not|no longer|were not|was not|rather)(?: [a-z]+){0,6} (?:used|use|using|discussed|shared|sharing|share)(?: [a-z]+){0,4} (?:for|in|with) (?:the |your |any )?(?:[a-z]+ )?(?:research|training|marketing|supervision|statistics|audit|analytics|outcomes?|case studies|case study|book|publication|teaching|evaluation|eap)'),
  cue('objection', 2.5, '(?:do not|no longer|not|no more|stop)(?: [a-z]+){0,4} (?:marketing|newsletters?|promotional|promotions)'),
  cue('objection', 2, 'stop (?:emailing|mailing|sending|contacting) me (?:about|your|with)|stop (?:using|processing|sharing) my (?:data|information|details|records|notes)|(?:do not|not) use my (?:data|information|details|records|notes) for'),

  cue('objection', 2.5, '(?:take|remove|delete) me (?:off|from) (?:your |the |all )?(?:[a-z]+ )?(?:newsletter|mailing|marketing|email|contact) lists?'),
];
