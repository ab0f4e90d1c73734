/**
 * Slot values for the generated evaluation notes. Kept apart from the engine's gazetteers on
 * purpose: many of these names and places are not in src/features/deid/data (the generator
 * prints the overlap), and several are ordinary English words, the hardest case.
 */
export const FIRST = `Aoibheann Tadhg Oluwaseun Chiamaka Bronwen Eirlys Morwenna Jago Hamza Zainab Anjali Devika Kieron Tyrese
Shanice Jolene Lowri Rhian Gwilym Iolo Farida Yasmin Mehmet Elif Dariusz Magdalena Oksana Bogdan Thandiwe Sipho Precious
Blessing Hope Grace Rose Will Amber Faith Dawn Frank Mark Jack Bill Robin Holly Ruby Summer Sky Brooke Ivy Jude Reuben
Saffron Tamsin Caoimhe Oisin Ffion Cadi Mairead Rory Kezia Lemar Marcus Delroy Winston Neveah Jaylen Kayden Brayden
Maddison Harlow Paisley Kinsley Everly Declan Bodhi Ezra Micah Zuri Amaris Xochitl Itzel Santiago Mateo`.split(/\s+/);

export const LAST = `Oyelaran Nwachukwu Ferreira-Lopes Przybylski Wojcik Abernathy Pengelly Trevithick Penhaligon Cadwaladr Llewellyn
Ahmadi Siddiqui Chaudhry Mahmood Okonjo Mensah-Bonsu Hakimi Kowalczyk Vasquez-Ortiz MacLeod McGillivray Fitzpatrick Breathnach
Stone Bell Hill Wood Baker Fisher Marsh Brook Young White Green Rivers Hale Frost Lamb Nightingale Sparrow Winter
Kaminski Duarte Achterberg Villanueva Delacroix Thistlewood Gallagher Ogunleye Adebayo Rasmussen Lindqvist Novak`.split(/\s+/);

export const UK_TOWNS = `Holmfirth Otley Todmorden Keighley Ilkley Wetherby Knaresborough Hebden Bridge Clitheroe Settle Malton Pickering
Bideford Launceston Bodmin Tavistock Stroud Nailsworth Frome Glastonbury Ludlow Leominster Llandudno Machynlleth Brecon
Peebles Galashiels Forfar Arbroath Portrush Larne Leeds Manchester Bristol Sheffield Norwich Cardiff`.split(/\s+/)
  .map((s) => (s === 'Hebden' ? 'Hebden Bridge' : s)).filter((s) => s !== 'Bridge');

export const US_TOWNS = `Bozeman Missoula Asheville Duluth Bend Flagstaff Ithaca Burlington Eugene Boulder Savannah Chattanooga
Provo Billings Fargo Sioux Falls Tacoma Spokane Oakland Pasadena Dayton Toledo Akron Tulsa`.split(/\s+/)
  .map((s) => (s === 'Sioux' ? 'Sioux Falls' : s)).filter((s) => s !== 'Falls');

export const US_STATES = ['Montana', 'Oregon', 'Vermont', 'Minnesota', 'Ohio', 'Texas', 'California', 'Georgia'];
export const US_STATE_ABBR = ['MT', 'OR', 'VT', 'MN', 'OH', 'TX', 'CA', 'GA'];
export const STREET_NAMES = ['Wren', 'Tanner', 'Pennine', 'Quarry', 'Cobden', 'Albion', 'Mulberry', 'Kestrel', 'Juniper', 'Foundry', 'Sycamore', 'Larch'];
export const STREET_SUFFIX = ['Close', 'Road', 'Street', 'Lane', 'Avenue', 'Drive', 'Terrace', 'Crescent', 'Way', 'Gardens'];
export const SCHOOL_STEMS = ['Brackenhurst', 'Calder Vale', 'Moorside', 'Whinmoor', 'Greystones', 'Fernlea', 'Oakwood', 'Kirkstall Valley', 'Lowfield', 'Thornhill'];
export const EMPLOYERS = ['Pennine Logistics', 'Harrowgate Foods', 'Yorkshire Water', 'Calder Print', 'Tesco', 'Asda', 'Amazon', 'Greggs', 'Kwik Fit', 'Northern Rail', 'Stagecoach', 'Halifax Building Society'];
export const US_EMPLOYERS = ['Walmart', 'Costco', 'Intermountain Health', 'Bridger Steel', 'Cascade Outfitters', 'Target', 'Starbucks', 'Boeing'];
export const SURGERY_STEMS = ['Beechwood', 'Riverside', 'Chapel Lane', 'Priory', 'Westgate', 'Manor Park', 'Haworth Road'];
export const HOSPITAL_STEMS = ['St James’s', 'Airedale', 'Calderdale Royal', 'Pinderfields', 'Mercy', 'St Vincent'];
export const UK_POSTCODES = ['HD9 2QT', 'LS21 3AB', 'OL14 5LE', 'BD21 4QR', 'LS29 8EU', 'HG5 0JU', 'BB7 2DQ', 'TR4 9NP', 'GL5 1HF', 'SY8 1EX'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
