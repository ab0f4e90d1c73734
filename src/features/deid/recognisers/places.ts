import { alternation } from '../alternation.js';
import { P, span, type Span } from '../deid.types.js';

const PLACE = "[\\p{Lu}][\\p{L}\\p{M}'’.-]*(?:(?:\\s+|-)(?:upon|on|under|le|in|de|nad|sur|[\\p{Lu}][\\p{L}\\p{M}'’.-]*)){0,3}";
const NOT_PLACES = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|I|The|Mum|Dad|Year|Reception|School|Work|Home|Hospital|Church)$/;

const VERBS = (
  'lives|live|lived|living|moved|moving|move|grew up|growing up|born|raised|based|relocated|relocating|settled|emigrated|immigrated|' +
  'holiday|holidayed|holidaying|holidays|vacation|vacationed|vacationing|visit|visits|visited|visiting|comes|came|originally|flew|drove|' +
  'travel|travelled|traveled|travelling|commutes|commute|commuting'
).split('|');
const VERB_RE = new RegExp(
  `\\b(?:${alternation(VERBS)}|stay(?:s|ed|ing)? with \\w+)\\s+(?:\\w+\\s+)?(?:in|to|at|near|from|up in|out to|back to|down to|over to|around)\\s+(?:the\\s+)?(${PLACE})`,
  'gu',
);
const AREA_RE = new RegExp(`\\b(?:town|city|village|county|state|borough|suburb|estate|area|district|region|island|province) of\\s+(${PLACE})`, 'gu');

function trim(s: string): string {
  return s.replace(/(?:\s+(?:upon|on|under|le|in|de|nad|sur))+$/, '').replace(/['’]s$/, '').replace(/[.,-]+$/, '');
}

/** Places found through the words around them: "moved to Leamington", "the village of Aldbury". */
export function findPlacesInContext(t: string): Span[] {
  const out: Span[] = [];
  for (const re of [VERB_RE, AREA_RE]) {
    for (const m of t.matchAll(re)) {
      const name = trim(m[1]);
      if (!name || NOT_PLACES.test(name.split(/\s+/)[0])) continue;
      const at = m.index! + m[0].length - m[1].length;
      out.push(span(at, at + name.length, 'LOCATION', P.context, 'place-context'));
    }
  }
  return out;
}
