import type { KnownIdentifier, Span } from './deid.types.js';
import { compileKnown, findKnown } from './known.js';
import { mergeSpans } from './merge.js';
import { addressBlocks } from './recognisers/address-blocks.js';
import { findAddresses } from './recognisers/addresses.js';
import { findAges } from './recognisers/ages.js';
import { findEmails, findUrls } from './recognisers/contact.js';
import { findDates } from './recognisers/dates.js';
import { findGazetteerMatches } from './recognisers/gazetteer-match.js';
import { findIds } from './recognisers/ids.js';
import { findIps } from './recognisers/ip.js';
import { findNamesInContext } from './recognisers/names.js';
import { findOrganisations } from './recognisers/organisations.js';
import { findPhones } from './recognisers/phones.js';
import { findPlacesAfterPrepositions } from './recognisers/place-preposition.js';
import { findPlacesInContext } from './recognisers/places.js';
import { findPostcodes } from './recognisers/postcodes.js';
import { findUnknownWords } from './recognisers/safety-net.js';
import { propagate } from './propagate.js';
import { tokenize } from './tokens.js';

/**
 * The layers, from most to least certain: the client's own recorded identifiers; checksummed and
 * structured identifiers; dates, ages and addresses; names, places and organisations by context;
 * gazetteers; and a safety net for any word that is not ordinary English.
 */
export function recognise(text: string, known: KnownIdentifier[] = []): Span[] {
  const tokens = tokenize(text);
  // Concatenated, not pushed as spread arguments: a long text can yield more spans than a call
  // can take arguments.
  let spans: Span[] = [...findKnown(text, compileKnown(known)), ...findIds(text), ...findEmails(text), ...findUrls(text), ...findIps(text)];
  const dates = findDates(text);
  spans = spans.concat(
    findPhones(text, spans.concat(dates)),
    findPostcodes(text),
    dates,
    findAges(text),
    findAddresses(text),
    findNamesInContext(text),
    findOrganisations(text),
    findPlacesInContext(text),
    findGazetteerMatches(text, tokens),
    findPlacesAfterPrepositions(text, tokens),
    findUnknownWords(text, tokens),
  );
  spans = spans.concat(addressBlocks(text, spans));
  spans = spans.concat(propagate(text, tokens, spans));
  return mergeSpans(text, spans);
}
