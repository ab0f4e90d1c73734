/** Hand-kept lists that faker's locales lack: UK towns and cities, and large UK/US employers. */
export const UK_PLACES = `London Birmingham Manchester Leeds Liverpool Sheffield Bristol Newcastle Sunderland Nottingham
Leicester Coventry Bradford Hull Stoke Wolverhampton Derby Southampton Portsmouth Plymouth Exeter Brighton Hove Reading
Oxford Cambridge Norwich Ipswich Colchester Chelmsford Luton Bedford Northampton Milton Keynes Swindon Bath Gloucester
Cheltenham Worcester Hereford Shrewsbury Telford Chester Warrington Wigan Bolton Bury Rochdale Oldham Stockport Salford
Preston Blackpool Blackburn Burnley Lancaster Carlisle Kendal Durham Darlington Middlesbrough Stockton Hartlepool Gateshead
York Harrogate Scarborough Wakefield Huddersfield Halifax Doncaster Rotherham Barnsley Lincoln Grimsby Scunthorpe Peterborough
Cambridge Kettering Corby Wellingborough Stevenage Watford Hemel Hempstead St Albans Harlow Basildon Southend Canterbury
Maidstone Dover Folkestone Margate Ramsgate Ashford Tunbridge Wells Crawley Horsham Guildford Woking Epsom Croydon Bromley
Kingston Richmond Hackney Islington Camden Brixton Lewisham Greenwich Peckham Walthamstow Tottenham Ealing Harrow Wembley
Hounslow Slough Windsor Maidenhead Basingstoke Winchester Salisbury Bournemouth Poole Weymouth Dorchester Taunton Yeovil
Truro Falmouth Penzance Newquay Barnstaple Torquay Paignton Cardiff Swansea Newport Wrexham Bangor Aberystwyth Carmarthen
Llanelli Merthyr Tydfil Pontypridd Bridgend Edinburgh Glasgow Aberdeen Dundee Inverness Perth Stirling Paisley Kilmarnock
Ayr Dumfries Falkirk Livingston Motherwell Belfast Derry Londonderry Lisburn Newry Armagh Omagh Enniskillen Coleraine
Ballymena Dublin Cork Galway Limerick Headingley Chapeltown Harehills Moseley Handsworth Didsbury Chorlton Moss Side
Toxteth Anfield Everton Jesmond Byker Hyde Park Holloway Stratford Hampstead Highgate Clapham Balham Tooting Streatham
Wimbledon Fulham Chelsea Kensington Notting Hill Shoreditch Bethnal Green Whitechapel Bermondsey Deptford Dalston Leyton
Ilford Romford Barking Dagenham Enfield Edmonton Barnet Finchley Hendon Acton Chiswick Hammersmith Putney Battersea
Kent Surrey Sussex Essex Yorkshire Lancashire Cornwall Devon Somerset Norfolk Suffolk Cumbria Northumberland Shropshire
Wales Scotland England Ireland Britain Cotswolds Lake District Snowdonia Skegness Whitby Bridlington Morecambe Rhyl`
  .split(/\s+/)
  .filter(Boolean)
  .concat(['Milton Keynes', 'Hemel Hempstead', 'St Albans', 'Tunbridge Wells', 'Merthyr Tydfil', 'Moss Side',
    'Hyde Park', 'Notting Hill', 'Bethnal Green', 'Lake District', 'Stoke-on-Trent', 'Newcastle upon Tyne',
    'Kingston upon Hull', 'Weston-super-Mare', 'Bury St Edmunds', 'Sutton Coldfield', 'West Bromwich']);

export const EMPLOYERS = [
  'Tesco', 'Sainsbury', "Sainsbury's", 'Asda', 'Morrisons', 'Aldi', 'Lidl', 'Waitrose', 'Co-op', 'Marks and Spencer',
  'M&S', 'Boots', 'Greggs', 'Primark', 'Argos', 'Currys', 'B&Q', 'Wickes', 'Screwfix', 'Halfords', 'John Lewis',
  'Next', 'Costa', 'Pret', 'Wetherspoons', 'Deliveroo', 'Uber', 'Amazon', 'Google', 'Microsoft', 'Apple', 'Meta',
  'Facebook', 'Netflix', 'IBM', 'Oracle', 'Accenture', 'Deloitte', 'KPMG', 'PwC', 'EY', 'Barclays', 'HSBC', 'Lloyds',
  'NatWest', 'Santander', 'Nationwide', 'Aviva', 'Prudential', 'Royal Mail', 'BT', 'Vodafone', 'Network Rail', 'BBC',
  'ITV', 'Sky', 'BP', 'Shell', 'Rolls-Royce', 'BAE Systems', 'Jaguar Land Rover', 'Unilever', 'GSK', 'AstraZeneca',
  'Serco', 'Capita', 'G4S', 'Ocado', 'JD Sports', 'Travelodge', 'Premier Inn', 'Whitbread', 'Walmart', 'Target',
  'Costco', 'Starbucks', "McDonald's", 'Burger King', 'KFC', 'Subway', 'Home Depot', "Lowe's", 'Kroger', 'Walgreens',
  'CVS', 'FedEx', 'UPS', 'USPS', 'Verizon', 'AT&T', 'Comcast', 'Disney', 'Boeing', 'Lockheed Martin', 'General Motors',
  'Ford', 'Tesla', 'JPMorgan', 'JP Morgan', 'Goldman Sachs', 'Morgan Stanley', 'Wells Fargo', 'Bank of America',
  'Citibank', 'Kaiser Permanente', 'Mayo Clinic', 'Cleveland Clinic', 'Humana', 'Aetna', 'UnitedHealth', 'Cigna',
  'Anthem', 'Best Buy', 'Chipotle', "Wendy's", "Dunkin'", 'Whole Foods', "Trader Joe's", 'Safeway', 'Publix',
  'Lyft', 'DoorDash', 'Instacart', 'Salesforce', 'Intel', 'Nvidia', 'Cisco', 'Dell', 'HP', 'Pfizer',
  'Johnson & Johnson', 'Procter & Gamble', 'PepsiCo', 'Coca-Cola', 'Nike', 'Adidas', 'Zara', 'H&M', 'IKEA', 'Spotify',
];

/** Common British and American first names that faker's lists miss. */
export const EXTRA_FIRST_NAMES = `Kayleigh Shannon Jordan Reece Rhys Callum Kieran Declan Niamh Siobhan Aoife Ciaran Saoirse
Eilidh Morag Hamish Gethin Bethan Cerys Dylan Ffion Sian Aled Iwan Nia Priya Sunita Rajesh Arjun Aisha Fatima Omar
Yusuf Amara Chidi Ngozi Kwame Kofi Ama Abena Femi Tunde Bukola Wojciech Agnieszka Krzysztof Bartosz Zofia`.split(/\s+/);
