//! Which words name a country, a nationality, a place, an organisation, a title or a first name?
//!
//! Compact word lists written for newsprobe, compiled once into hash maps. Keys are normalised
//! with [`newsprobe_core::lexicon::normalize`] (lower case, ASCII apostrophes and dashes).

use std::sync::LazyLock;

use newsprobe_core::lexicon::normalize;

/// Hash sets and maps with a fast hasher (foldhash), for lookups on every word.
pub type Set<T> = foldhash::HashSet<T>;

/// The entries of a word list under `data/`: one a line, trimmed, blank lines and `#` comments
/// skipped (the shape of every list this crate reads by `include_str!`).
pub(crate) fn list_entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
pub type Map<K, V> = foldhash::HashMap<K, V>;

/// [`normalize`] with a fast path for ASCII words (most of them).
pub fn norm(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        normalize(word)
    }
}

/// Countries: canonical English name | other names | demonyms (adjective and plural nouns).
const COUNTRIES: &[(&str, &str, &str)] = &[
    (
        "United States",
        "u.s.|us|usa|u.s.a.|america|united states of america|the united states",
        "american|americans|u.s.",
    ),
    (
        "United Kingdom",
        "uk|u.k.|britain|great britain|england|scotland|wales",
        "british|briton|britons|english|scottish|welsh",
    ),
    ("Russia", "russian federation", "russian|russians"),
    ("Ukraine", "", "ukrainian|ukrainians"),
    ("Belarus", "", "belarusian|belarusians|belarussian"),
    ("Poland", "", "polish|pole|poles"),
    ("Italy", "", "italian|italians"),
    ("France", "", "french|frenchman"),
    ("Germany", "", "german|germans"),
    ("Spain", "", "spanish|spaniard|spaniards"),
    ("Portugal", "", "portuguese"),
    ("Netherlands", "holland|the netherlands", "dutch"),
    ("Belgium", "", "belgian|belgians"),
    ("Luxembourg", "", "luxembourgish"),
    ("Switzerland", "", "swiss"),
    ("Austria", "", "austrian|austrians"),
    ("Denmark", "", "danish|dane|danes"),
    ("Norway", "", "norwegian|norwegians"),
    ("Sweden", "", "swedish|swede|swedes"),
    ("Finland", "", "finnish|finn|finns"),
    ("Iceland", "", "icelandic"),
    ("Ireland", "", "irish"),
    ("Estonia", "", "estonian|estonians"),
    ("Latvia", "", "latvian|latvians"),
    ("Lithuania", "", "lithuanian|lithuanians"),
    ("Czech Republic", "czechia", "czech|czechs"),
    ("Slovakia", "", "slovak|slovaks"),
    ("Hungary", "", "hungarian|hungarians"),
    ("Romania", "", "romanian|romanians"),
    ("Bulgaria", "", "bulgarian|bulgarians"),
    ("Greece", "", "greek|greeks"),
    ("Turkey", "turkiye|türkiye", "turkish|turk|turks"),
    ("Serbia", "", "serbian|serb|serbs"),
    ("Croatia", "", "croatian|croat|croats"),
    ("Slovenia", "", "slovenian|slovene"),
    ("Bosnia and Herzegovina", "bosnia", "bosnian|bosnians"),
    ("Albania", "", "albanian|albanians"),
    ("North Macedonia", "macedonia", "macedonian"),
    ("Montenegro", "", "montenegrin"),
    ("Moldova", "", "moldovan"),
    ("Georgia", "", "georgian|georgians"),
    ("Armenia", "", "armenian|armenians"),
    ("Azerbaijan", "", "azerbaijani|azeri"),
    ("Kazakhstan", "", "kazakh"),
    ("Uzbekistan", "", "uzbek"),
    ("China", "people's republic of china|prc", "chinese"),
    ("Taiwan", "", "taiwanese"),
    ("Japan", "", "japanese"),
    (
        "South Korea",
        "korea|republic of korea",
        "south korean|korean|koreans",
    ),
    ("North Korea", "dprk", "north korean"),
    ("India", "", "indian|indians"),
    ("Pakistan", "", "pakistani|pakistanis"),
    ("Afghanistan", "", "afghan|afghans"),
    ("Bangladesh", "", "bangladeshi"),
    ("Sri Lanka", "", "sri lankan"),
    ("Nepal", "", "nepalese|nepali"),
    ("Iran", "", "iranian|iranians|persian"),
    ("Iraq", "", "iraqi|iraqis"),
    ("Syria", "", "syrian|syrians"),
    ("Lebanon", "", "lebanese"),
    ("Israel", "", "israeli|israelis"),
    (
        "Palestine",
        "palestinian territories",
        "palestinian|palestinians",
    ),
    ("Jordan", "", "jordanian"),
    ("Saudi Arabia", "", "saudi|saudis"),
    ("Yemen", "", "yemeni"),
    ("Qatar", "", "qatari"),
    ("United Arab Emirates", "uae|u.a.e.", "emirati"),
    ("Kuwait", "", "kuwaiti"),
    ("Oman", "", "omani"),
    ("Egypt", "", "egyptian|egyptians"),
    ("Libya", "", "libyan|libyans"),
    ("Tunisia", "", "tunisian|tunisians"),
    ("Algeria", "", "algerian|algerians"),
    ("Morocco", "", "moroccan|moroccans"),
    ("Sudan", "", "sudanese"),
    ("South Sudan", "", ""),
    ("Ethiopia", "", "ethiopian|ethiopians"),
    ("Somalia", "", "somali|somalis"),
    ("Kenya", "", "kenyan|kenyans"),
    ("Uganda", "", "ugandan"),
    ("Tanzania", "", "tanzanian"),
    ("Nigeria", "", "nigerian|nigerians"),
    ("Ghana", "", "ghanaian"),
    ("Mali", "", "malian"),
    ("Niger", "", "nigerien"),
    ("Senegal", "", "senegalese"),
    ("Cameroon", "", "cameroonian"),
    ("Congo", "democratic republic of the congo|drc", "congolese"),
    ("Rwanda", "", "rwandan"),
    ("Zimbabwe", "", "zimbabwean"),
    ("South Africa", "", "south african|south africans"),
    ("Angola", "", "angolan"),
    ("Mozambique", "", "mozambican"),
    ("Canada", "", "canadian|canadians"),
    ("Mexico", "", "mexican|mexicans"),
    ("Cuba", "", "cuban|cubans"),
    ("Haiti", "", "haitian"),
    ("Jamaica", "", "jamaican"),
    ("Guatemala", "", "guatemalan"),
    ("Honduras", "", "honduran"),
    ("Nicaragua", "", "nicaraguan"),
    ("Panama", "", "panamanian"),
    ("Colombia", "", "colombian|colombians"),
    ("Venezuela", "", "venezuelan|venezuelans"),
    ("Ecuador", "", "ecuadorian"),
    ("Peru", "", "peruvian"),
    ("Bolivia", "", "bolivian"),
    ("Brazil", "", "brazilian|brazilians"),
    ("Argentina", "", "argentine|argentinian|argentinians"),
    ("Chile", "", "chilean|chileans"),
    ("Uruguay", "", "uruguayan"),
    ("Paraguay", "", "paraguayan"),
    ("Australia", "", "australian|australians"),
    ("New Zealand", "", "new zealander|kiwi"),
    ("Indonesia", "", "indonesian|indonesians"),
    ("Malaysia", "", "malaysian|malaysians"),
    ("Singapore", "", "singaporean"),
    (
        "Philippines",
        "the philippines",
        "filipino|filipinos|philippine",
    ),
    ("Thailand", "", "thai"),
    ("Vietnam", "viet nam", "vietnamese"),
    ("Cambodia", "", "cambodian"),
    ("Myanmar", "burma", "burmese"),
    ("Mongolia", "", "mongolian"),
    ("Cyprus", "", "cypriot"),
    ("Malta", "", "maltese"),
    ("Vatican City", "vatican|holy see", ""),
];

/// Place names from GeoNames (`data/places.txt`: cities of 15,000 people or more, countries,
/// US states; 28,000 names): what the tagger and the mention typer know of a name, never an
/// override (many are also surnames, words or organisations: "Troy", "Mobile", "Reading").
pub const PLACE_LIST: &str = include_str!("../data/places.txt");

/// Places other than countries: cities, regions, states, seas.
const PLACES: &str = "
brussels|washington|washington d.c.|new york|new york city|london|paris|berlin|rome|madrid|moscow|kyiv|kiev|warsaw|
minsk|vienna|geneva|zurich|amsterdam|the hague|copenhagen|stockholm|oslo|helsinki|dublin|lisbon|athens|ankara|istanbul|
beijing|shanghai|hong kong|tokyo|seoul|delhi|new delhi|mumbai|kabul|tehran|baghdad|damascus|beirut|jerusalem|tel aviv|gaza|
cairo|riyadh|mecca|medina|dubai|doha|nairobi|lagos|johannesburg|cape town|sydney|melbourne|canberra|auckland|wellington|
toronto|ottawa|montreal|vancouver|calgary|kanata|los angeles|san francisco|chicago|boston|houston|dallas|miami|seattle|
atlanta|philadelphia|detroit|denver|las vegas|phoenix|orlando|clearwater|durham|evansville|portland|austin|baltimore|
mexico city|havana|bogota|caracas|lima|buenos aires|santiago|rio de janeiro|sao paulo|brasilia|naples|milan|venice|
florence|livorno|turin|munich|hamburg|frankfurt|cologne|lyon|marseille|barcelona|krakow|gdansk|prague|budapest|bucharest|
sofia|belgrade|zagreb|sarajevo|tbilisi|yerevan|baku|crimea|donbas|donbass|kharkiv|odesa|odessa|mariupol|sevastopol|
kaliningrad|st. petersburg|saint petersburg|manchester|liverpool|birmingham|glasgow|edinburgh|cardiff|belfast|oxford|
cambridge|southampton|
europe|asia|africa|north america|south america|latin america|antarctica|the arctic|arctic|middle east|the middle east|
eurasia|scandinavia|the balkans|balkans|baltics|the west|west|world|caribbean|siberia|
black sea|baltic sea|north sea|mediterranean|the mediterranean|red sea|south china sea|atlantic|pacific|indian ocean|
atlantic ocean|pacific ocean|persian gulf|english channel|the channel|the solent|solent|thames|danube|nile|
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|illinois|indiana|iowa|
kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|
new hampshire|new jersey|new mexico|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|
south carolina|south dakota|tennessee|texas|utah|vermont|virginia|west virginia|wisconsin|wyoming|
ontario|quebec|british columbia|alberta|manitoba|nova scotia|queensland|new south wales|victoria|tasmania|
silicon valley|wall street|manhattan|brooklyn|hollywood|gotham|bavaria|catalonia|kashmir|tibet|xinjiang|darfur|
";

/// Organisations known by name or acronym.
const ORGANIZATIONS: &str = "
nato|north atlantic treaty organization|eu|european union|european commission|european parliament|un|u.n.|united nations|
security council|un security council|kremlin|pentagon|white house|state department|congress|senate|parliament|
house of commons|house of representatives|bundestag|duma|state duma|knesset|fbi|cia|nsa|kgb|fsb|gru|mi5|mi6|
nasa|esa|who|world health organization|imf|international monetary fund|world bank|wto|opec|osce|g7|g20|brics|
interpol|europol|red cross|amnesty international|human rights watch|greenpeace|unicef|unesco|unhcr|iaea|icc|
hamas|hezbollah|taliban|al-qaeda|al qaeda|isis|isil|islamic state|wagner|
google|microsoft|apple|amazon|facebook|meta|twitter|tesla|spacex|boeing|airbus|ibm|intel|nvidia|samsung|sony|toyota|
gazprom|rosneft|shell|bp|exxon|exxonmobil|chevron|walmart|netflix|youtube|instagram|tiktok|wikipedia|wikinews|
reuters|associated press|ap|afp|bbc|cnn|fox news|nbc|cbs|abc|msnbc|npr|pbs|cbc|al jazeera|tass|ria novosti|xinhua|
new york times|the new york times|washington post|the washington post|wall street journal|financial times|the guardian|
guardian|the times|the economist|politico|bloomberg|der spiegel|le monde|
democratic party|republican party|labour|labour party|conservative party|tories|
scientology|church of scientology|catholic church|vatican|
harvard|yale|stanford|mit|oxford university|cambridge university|smithsonian|
fda|epa|faa|fema|dhs|doj|atf|dea|irs|ftc|fcc|ntsb|noaa|usda|hhs|cdc|nih|nsc|lapd|nypd|chp|sncf|
nfl|nba|mlb|nhl|mls|ncaa|fifa|uefa|ioc|wba|wbc|wbo|ibf|
";

/// Words that end organisation names ("... Council", "... Inc.").
const ORG_HEADS: &str = "
inc|inc.|corp|corp.|corporation|co|co.|company|ltd|ltd.|llc|plc|group|holdings|logistics|bank|fund|
university|college|collegiate|school|academy|institute|institution|laboratory|laboratories|lab|labs|
council|committee|commission|agency|administration|authority|bureau|board|office|ministry|department|
service|services|secretariat|directorate|parliament|assembly|senate|congress|court|tribunal|
party|union|association|federation|alliance|coalition|league|society|foundation|trust|organization|organisation|
church|army|navy|forces|force|corps|guard|police|command|brigade|regiment|
club|team|fc|network|news|times|post|journal|herald|tribune|gazette|press|magazine|radio|television|tv|
airlines|airways|motors|systems|technologies|industries|media|studios|records|entertainment|
foods|networks|financial|advisors|advisers|partners|distributors|solutions|properties|telecom|
communications|pharmaceuticals|securities|investments|ventures|enterprises|insurance|bancorp|creamery|
movement|front|org|democrats|republicans|greens|socialists|conservatives|liberals|government|cabinet|hospital|clinic|municipality|
guild|
daily|weekly|courier|chronicle|observer|telegraph|guardian|mirror|examiner|inquirer|sentinel|bulletin|dispatch|globe|star|sun|
";

/// Words that end place names ("Black Sea", "Jamarat Bridge").
const PLACE_HEADS: &str = "
street|st.|avenue|road|boulevard|square|bridge|river|sea|ocean|lake|bay|gulf|strait|channel|island|islands|
mountain|mountains|mount|hill|hills|valley|desert|forest|park|airport|station|port|harbour|harbor|
city|county|province|state|region|district|village|town|peninsula|coast|canal|hall|palace|tower|cathedral|
museum|stadium|arena|building|headquarters|base|plaza|center|centre|factory|mosque|temple|church|school|
east|west|north|south|northeast|northwest|southeast|southwest|towers|planetarium|hotel|cave|springs|canaveral|view|
";

/// Titles and roles that bind to a following name ("Adm. Dragone", "Secretary-General Mark Rutte"),
/// and head nouns of definite descriptions ("the ambassador").
const TITLES: &str = "
mr|mr.|mrs|mrs.|ms|ms.|miss|dr|dr.|prof|prof.|professor|sir|dame|lord|lady|
president|vice-president|vice president|prime minister|premier|chancellor|minister|foreign minister|
defence minister|defense minister|secretary|secretary-general|secretary general|secretary of state|
ambassador|envoy|consul|diplomat|senator|sen.|congressman|congresswoman|representative|rep.|governor|gov.|
mayor|councillor|councilman|councilwoman|king|queen|prince|princess|emperor|pope|cardinal|bishop|archbishop|
rev.|reverend|father|sheikh|ayatollah|imam|rabbi|
general|gen.|admiral|adm.|vice admiral|rear admiral|colonel|col.|lieutenant|lt.|major|maj.|captain|capt.|
commander|cmdr.|sergeant|sgt.|corporal|marshal|field marshal|brigadier|commodore|chief|
judge|justice|chief justice|attorney general|prosecutor|inspector|detective|officer|sheriff|
chairman|chairwoman|chair|ceo|director|spokesman|spokeswoman|spokesperson|head|leader|founder|
coach|manager|astronaut|commissioner|president-elect|speaker|
";

/// Role nouns that describe a person without binding to a name (appositive and description heads).
const ROLE_NOUNS: &str = "
officer|official|admiral|general|ambassador|diplomat|envoy|minister|president|leader|chairman|chair|spokesman|
spokeswoman|spokesperson|senator|governor|mayor|commander|chief|director|secretary|secretary-general|
head|executive|ceo|founder|analyst|expert|scholar|professor|researcher|scientist|journalist|reporter|editor|
lawyer|attorney|judge|prosecutor|politician|lawmaker|legislator|mp|activist|adviser|advisor|aide|
premier|chancellor|king|queen|prince|princess|monarch|pope|bishop|priest|soldier|pilot|captain|colonel|
lieutenant|sergeant|major|astronaut|engineer|doctor|physician|teacher|student|author|writer|actor|actress|
singer|artist|player|coach|manager|economist|historian|dean|governor-general|man|woman|businessman|
businesswoman|entrepreneur|banker|investor|candidate|nominee|veteran|member|representative|delegate|
";

/// Male and female first names (common in English-language news), and title genders.
const MALE_NAMES: &str = "
aaron|adam|adrian|ahmed|al|alan|albert|alberto|alex|alexander|alexei|alexey|ali|andrew|andy|angelo|anthony|antonio|
arnold|arthur|barack|ben|benjamin|bernard|bernie|bill|bob|boris|brad|brandon|brian|bruce|carl|carlos|charles|charlie|
chris|christian|christopher|colin|craig|dan|daniel|danny|dave|david|dennis|denis|dmitry|dmitri|don|donald|doug|douglas|
duncan|ed|eddie|edward|emmanuel|eric|erik|frank|franz|fred|frederick|gary|george|gerald|gerhard|giorgio|giuseppe|
gordon|greg|gregory|hans|harold|harry|henry|hugh|ian|igor|ivan|jack|jacob|jake|james|jamie|jan|jason|javier|jean|
jeff|jeffrey|jens|jeremy|jerry|jim|jimmy|joe|joel|john|johnny|jon|jonathan|jorge|jose|joseph|juan|justin|karl|keith|
ken|kenneth|kevin|kim|klaus|larry|lars|lee|leon|leonid|luca|luis|luke|marco|mario|mark|martin|matt|matthew|mateusz|
max|michael|michel|miguel|mike|mikhail|mohammed|muhammad|nathan|neil|nicholas|nick|nicolas|nigel|olaf|oleg|oliver|
omar|oscar|pablo|patrick|paul|pedro|peter|phil|philip|pierre|rafael|ralph|ray|raymond|richard|rick|rob|robert|roger|
ron|ronald|roy|rudy|russell|ryan|sam|samuel|scott|sean|sergei|sergey|simon|stan|stanley|stephen|steve|steven|stuart|
ted|terry|thomas|tim|timothy|todd|tom|tony|valery|viktor|victor|vincent|vitas|vladimir|volodymyr|walter|wayne|
william|willie|wolfgang|xi|yuri|andrzej|jaroslaw|lech|radoslaw|rishi|keir|joe|narendra|recep|benjamin|jens|
emmanuel|olaf|friedrich|antony|lloyd|kevin|horace|cres|kwok|leung|
";

const FEMALE_NAMES: &str = "
alice|alicia|amanda|amy|ana|andrea|angela|ann|anna|anne|annie|barbara|beata|betty|bonnie|brenda|carol|caroline|
catherine|cathy|charlotte|christina|christine|claire|claudia|cynthia|deborah|diana|donna|dorothy|elena|elizabeth|
ellen|emily|emma|eva|evelyn|frances|gloria|grace|hannah|heather|helen|hillary|irina|jane|janet|jennifer|jessica|
joan|joanna|julia|julie|karen|kate|katherine|kathleen|kathy|kelly|laura|lauren|linda|lisa|liz|louise|lucy|maria|
marie|marine|margaret|marilyn|martha|mary|melania|melissa|michelle|monica|nancy|natalia|natalie|nicola|nicole|olga|pamela|
patricia|rachel|rebecca|rose|ruth|sally|samantha|sandra|sara|sarah|sharon|sophie|stephanie|susan|suzanne|teresa|
theresa|tina|valentina|victoria|virginia|wendy|yulia|ursula|kaja|giorgia|kamala|nikki|theresa|angela|marine|
agnieszka|katarzyna|malgorzata|magdalena|
";

/// Titles that tell gender.
const MALE_TITLES: &str = "mr|mr.|sir|lord|king|prince|father|sheikh|chairman|spokesman|congressman|councilman|businessman|man";
const FEMALE_TITLES: &str =
    "mrs|mrs.|ms|ms.|miss|dame|lady|queen|princess|chairwoman|spokeswoman|congresswoman|councilwoman|businesswoman|woman|actress";

/// Capitalised words that start sentences or headlines without naming anything.
const NOT_NAMES: &str = "
the|a|an|this|that|these|those|he|she|it|they|we|i|you|his|her|its|their|our|my|your|him|them|us|me|
but|and|or|nor|so|yet|if|when|while|after|before|since|because|although|though|as|at|in|on|of|for|to|from|by|with|
without|about|during|under|over|into|amid|among|between|despite|according|however|meanwhile|moreover|furthermore|
also|still|now|then|there|here|where|what|who|whom|whose|which|why|how|one|two|three|some|many|most|all|any|each|
every|no|not|both|few|several|such|other|another|more|less|only|even|just|again|once|today|yesterday|tomorrow|
monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|
september|october|november|december|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|
exclusive|breaking|update|updated|analysis|opinion|editorial|comment|report|reports|news|watch|video|photos|live|
yes|oh|well|please|thanks|mr|mrs|ms|dr|speaking|adding|asked|said|says|according|unlike|like|whether|until|unless|
let|do|does|did|is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|might|shall|may|not|
first|second|third|last|next|new|old|other|former|late|senior|junior|big|great|little|top|high|low|
questions|question|speaking|adding|amid|yet|though|whereas|instead|later|earlier|recently|finally|overall|
";

/// Products and works, named like organisations but neither ("Internet Explorer").
const PRODUCTS: &str = "
internet explorer|ie|ie6|ie7|ie8|firefox|chrome|safari|windows|windows xp|windows vista|windows 10|linux|android|
ios|iphone|ipad|ipod|macbook|playstation|playstation vr|playstation 4|ps4|ps5|xbox|xbox one|wii|nintendo switch|
kindle|star wars|star trek|harry potter|game of thrones|chatgpt|boeing 737|airbus a380|
";

/// Words that make a text a sports report.
pub const SPORTS_WORDS: &[&str] = &[
    "goal",
    "goals",
    "scored",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "fifa",
    "uefa",
    "tournament",
    "penalty",
    "league",
    "coach",
    "semi-final",
    "quarter-final",
    "football",
    "soccer",
    "knockout",
    "match",
    "matches",
    "playoff",
    "playoffs",
    "innings",
    "touchdown",
];

/// Whether the lower-case words of a text make it a sports report (three distinct cues).
pub fn is_sports_report(lowercase: &Set<&str>) -> bool {
    SPORTS_WORDS
        .iter()
        .filter(|w| lowercase.contains(*w))
        .count()
        >= 3
}

/// Common English words that make up names of things, not of people ("Visual Arts",
/// "Foreign Affairs", "Black Widow"): a capitalised run holding one is not a personal name.
const COMMON_WORDS: &str = "
art|arts|affairs|welfare|social|visual|national|international|global|civic|public|foreign|black|white|red|
blue|green|golden|silver|new|old|great|grand|royal|united|first|central|federal|general|human|rights|health|
science|sciences|space|air|sea|water|fire|power|energy|security|defense|defence|justice|education|culture|
series|day|week|year|festival|awards|award|prize|cup|games|game|operation|project|program|programme|plan|act|
law|bill|party|passion|idea|better|best|super|star|stars|world|life|love|war|peace|freedom|liberty|democracy|
democratic|republic|people|animated|offensive|successful|story|show|music|film|movie|book|books|review|house|
tower|towers|garden|gardens|beach|point|view|spring|springs|falls|upper|lower|middle|high|low|big|little|small|
long|soup|aid|angels|angel|widow|cave|summer|winter|autumn|fall|christmas|easter|holy|saint|sacred|modern|
classic|digital|online|free|open|future|history|heritage|natural|wild|ocean|sun|moon|earth|land|home|family|
children|youth|women|men|child|young|living|dead|rider|easy|hot|cold|dark|light|gold|iron|steel|stone|wood|
tech|technology|data|network|media|press|radio|times|daily|weekly|monthly|post|news|mail|express|guide|
";

/// Adjectives of regions, religions and blocs ("European", "Western"): modifiers, not names.
const REGIONAL_ADJECTIVES: &str = "european|eurasian|western|eastern|northern|southern|asian|african|arab|arabic|
islamic|christian|jewish|catholic|muslim|latin|nordic|slavic|baltic|balkan|soviet|caucasian|hispanic|orthodox|
protestant|sunni|shia|shiite|kurdish|transatlantic|allied|communist|socialist|liberal|conservative";

/// Capitalised words that are never names, wherever they stand.
const NEVER_NAMES: &str = "
i|i'm|i've|i'll|i'd|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|
september|october|november|december|image|photo|file|caption|
";

/// Plural nouns naming groups of people by religion or origin ("Muslims" are person mentions).
const GROUP_NOUNS: &str = "muslims|christians|jews|hindus|buddhists|sikhs|catholics|protestants|mormons|
scientologists|arabs|kurds|sunnis|shias|shiites|rohingya|europeans|asians|africans|latinos|westerners|democrats|republicans";

/// Personal pronouns: (word, gender, plural).
pub const PRONOUNS: &[(&str, Gender, bool)] = &[
    ("he", Gender::Male, false),
    ("him", Gender::Male, false),
    ("his", Gender::Male, false),
    ("himself", Gender::Male, false),
    ("she", Gender::Female, false),
    ("her", Gender::Female, false),
    ("hers", Gender::Female, false),
    ("herself", Gender::Female, false),
];

/// Grammatical gender of a person mention, where words tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// Bits of [`Gazetteer::word_flags`]: bit `X` is set for a word exactly when the set named
/// after it contains the word as it is.
pub mod flag {
    pub const NEVER_NAME: u32 = 1 << 0;
    pub const KNOWN: u32 = 1 << 1;
    pub const NOT_NAME: u32 = 1 << 2;
    pub const ORG_HEAD: u32 = 1 << 3;
    pub const PLACE_HEAD: u32 = 1 << 4;
    pub const TITLE: u32 = 1 << 5;
    pub const ROLE_NOUN: u32 = 1 << 6;
    pub const DEMONYM: u32 = 1 << 7;
    /// A key of `country_of`.
    pub const COUNTRY_OF: u32 = 1 << 8;
    pub const ORGANIZATION: u32 = 1 << 9;
    pub const MALE_NAME: u32 = 1 << 10;
    pub const FEMALE_NAME: u32 = 1 << 11;
    pub const COMMON: u32 = 1 << 12;
    pub const GROUP_NOUN: u32 = 1 << 13;
    pub const REGIONAL_ADJECTIVE: u32 = 1 << 14;
    pub const PLACE: u32 = 1 << 15;
    pub const COUNTRY_NAME: u32 = 1 << 16;
    pub const PRODUCT: u32 = 1 << 17;
    pub const PREFIX: u32 = 1 << 18;
    pub const DOTTED_TITLE: u32 = 1 << 19;
    /// [`crate::mentions`]' role modifiers ("former", "senior").
    pub const ROLE_MODIFIER: u32 = 1 << 20;
    /// [`crate::mentions`]' name connectors ("of", "von").
    pub const CONNECTOR: u32 = 1 << 21;
    /// [`crate::mentions::ORG_REFERENCES`].
    pub const ORG_REFERENCE: u32 = 1 << 22;
    /// A one-word name of [`super::PLACE_LIST`] (a feature of the learned models only).
    pub const PLACE_LIST: u32 = 1 << 23;
    pub const FIRST_NAME: u32 = MALE_NAME | FEMALE_NAME;
}

/// Compiled gazetteers.
pub struct Gazetteer {
    /// Country name, alias or demonym -> canonical country name.
    pub country_of: Map<String, &'static str>,
    /// Words that are demonyms (adjectives or plural nouns), normalised.
    pub demonyms: Set<String>,
    /// Country names and aliases, normalised.
    pub country_names: Set<String>,
    pub places: Set<String>,
    pub organizations: Set<String>,
    pub org_heads: Set<String>,
    pub place_heads: Set<String>,
    pub titles: Set<String>,
    pub role_nouns: Set<String>,
    pub male_names: Set<String>,
    pub female_names: Set<String>,
    pub male_titles: Set<String>,
    pub female_titles: Set<String>,
    pub not_names: Set<String>,
    pub never_names: Set<String>,
    pub group_nouns: Set<String>,
    pub products: Set<String>,
    pub common_words: Set<String>,
    pub regional_adjectives: Set<String>,
    /// Proper prefixes of multi-word entries ("new", "new york" for "new york city").
    pub prefixes: Set<String>,
    /// [`PLACE_LIST`], normalised.
    pub place_list: Set<String>,
    /// Words in the longest name of [`PLACE_LIST`].
    pub max_place_list_words: usize,
    /// Every single word any list above knows (a quick "is this a known name word?").
    pub known_words: Set<String>,
    /// Titles ending in a period, without it ("adm" for "adm."): whether a word and a following
    /// "." make a title, without building the string.
    pub dotted_titles: Set<String>,
    /// Longest entry of `dotted_titles`, in bytes.
    pub max_dotted_title_len: usize,
    /// Every single-word key of the sets above (and of a few word lists of [`crate::mentions`])
    /// -> which of them hold it, as [`flag`] bits: one lookup answers them all.
    pub word_flags: Map<String, u32>,
    /// Longest title, in words.
    pub max_title_words: usize,
    /// Longest gazetteer name, in words.
    pub max_name_words: usize,
}

fn set(list: &str) -> Set<String> {
    list.split(['|', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(normalize)
        .collect()
}

fn words(s: &str) -> usize {
    s.split([' ', '-']).count()
}

impl Gazetteer {
    fn build() -> Self {
        let mut country_of = Map::default();
        let mut demonyms = Set::default();
        let mut country_names = Set::default();
        for &(name, aliases, dems) in COUNTRIES {
            let key = normalize(name);
            country_of.insert(key.clone(), name);
            country_names.insert(key);
            for a in aliases.split('|').filter(|a| !a.is_empty()) {
                country_of.insert(normalize(a), name);
                country_names.insert(normalize(a));
            }
            for d in dems.split('|').filter(|d| !d.is_empty()) {
                country_of.entry(normalize(d)).or_insert(name);
                demonyms.insert(normalize(d));
            }
        }
        let places = set(PLACES);
        let male_names = set(MALE_NAMES);
        let female_names = set(FEMALE_NAMES);
        let organizations = set(ORGANIZATIONS);
        let titles = set(TITLES);
        let max_title_words = titles.iter().map(|t| words(t)).max().unwrap_or(1);
        let max_name_words = places
            .iter()
            .chain(set(PRODUCTS).iter())
            .chain(organizations.iter())
            .chain(country_names.iter())
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut known_words: Set<String> = Set::default();
        for w in country_of
            .keys()
            .chain(places.iter())
            .chain(organizations.iter())
            .chain(titles.iter())
            .chain(male_names.iter())
            .chain(female_names.iter())
        {
            known_words.insert(w.clone());
        }
        let products = set(PRODUCTS);
        let mut prefixes: Set<String> = Set::default();
        for entry in country_names
            .iter()
            .chain(products.iter())
            .chain(places.iter())
            .chain(organizations.iter())
            .chain(titles.iter())
        {
            let mut end = 0;
            while let Some(i) = entry[end..].find(' ') {
                end += i;
                prefixes.insert(entry[..end].to_string());
                end += 1;
            }
        }
        let place_list: Set<String> = list_entries(PLACE_LIST)
            // The list is in lower case already: ASCII lines need no more (as [`norm`] reads
            // them), which keeps the one-off build of 28,000 names cheap.
            .map(norm)
            .collect();
        let max_place_list_words = place_list.iter().map(|t| words(t)).max().unwrap_or(1);
        for entry in &place_list {
            let mut end = 0;
            while let Some(i) = entry[end..].find(' ') {
                end += i;
                prefixes.insert(entry[..end].to_string());
                end += 1;
            }
        }
        let dotted_titles: Set<String> = titles
            .iter()
            .filter_map(|t| t.strip_suffix('.'))
            .map(str::to_string)
            .collect();
        let max_dotted_title_len = dotted_titles.iter().map(String::len).max().unwrap_or(0);
        let mut g = Gazetteer {
            max_dotted_title_len,
            dotted_titles,
            common_words: set(COMMON_WORDS),
            regional_adjectives: set(REGIONAL_ADJECTIVES),
            products,
            prefixes,
            place_list,
            max_place_list_words,
            known_words,
            country_of,
            demonyms,
            country_names,
            places,
            organizations,
            org_heads: set(ORG_HEADS),
            place_heads: set(PLACE_HEADS),
            titles,
            role_nouns: set(ROLE_NOUNS),
            male_names,
            female_names,
            male_titles: set(MALE_TITLES),
            female_titles: set(FEMALE_TITLES),
            not_names: set(NOT_NAMES),
            never_names: set(NEVER_NAMES),
            group_nouns: set(GROUP_NOUNS),
            word_flags: Map::default(),
            max_title_words,
            max_name_words,
        };
        g.word_flags = g.build_flags();
        g
    }

    fn build_flags(&self) -> Map<String, u32> {
        let mut m: Map<String, u32> =
            Map::with_capacity_and_hasher(self.known_words.len() * 2, Default::default());
        let mut add = |keys: &mut dyn Iterator<Item = &str>, bit: u32| {
            for k in keys {
                *m.entry(k.to_string()).or_insert(0) |= bit;
            }
        };
        let sets: [(&Set<String>, u32); 19] = [
            (&self.never_names, flag::NEVER_NAME),
            (&self.known_words, flag::KNOWN),
            (&self.not_names, flag::NOT_NAME),
            (&self.org_heads, flag::ORG_HEAD),
            (&self.place_heads, flag::PLACE_HEAD),
            (&self.titles, flag::TITLE),
            (&self.role_nouns, flag::ROLE_NOUN),
            (&self.demonyms, flag::DEMONYM),
            (&self.organizations, flag::ORGANIZATION),
            (&self.male_names, flag::MALE_NAME),
            (&self.female_names, flag::FEMALE_NAME),
            (&self.common_words, flag::COMMON),
            (&self.group_nouns, flag::GROUP_NOUN),
            (&self.regional_adjectives, flag::REGIONAL_ADJECTIVE),
            (&self.places, flag::PLACE),
            (&self.country_names, flag::COUNTRY_NAME),
            (&self.products, flag::PRODUCT),
            (&self.prefixes, flag::PREFIX),
            (&self.dotted_titles, flag::DOTTED_TITLE),
        ];
        for (set, bit) in sets {
            add(&mut set.iter().map(String::as_str), bit);
        }
        add(
            &mut self.country_of.keys().map(String::as_str),
            flag::COUNTRY_OF,
        );
        add(
            &mut self
                .place_list
                .iter()
                .map(String::as_str)
                .filter(|p| !p.contains(' ')),
            flag::PLACE_LIST,
        );
        add(
            &mut crate::mentions::ROLE_MODIFIERS.iter().copied(),
            flag::ROLE_MODIFIER,
        );
        add(
            &mut crate::mentions::CONNECTORS.iter().copied(),
            flag::CONNECTOR,
        );
        add(
            &mut crate::mentions::ORG_REFERENCES.iter().copied(),
            flag::ORG_REFERENCE,
        );
        m
    }

    /// Which word lists hold `word` exactly ([`flag`] bits).
    #[inline]
    pub fn flags(&self, word: &str) -> u32 {
        self.word_flags.get(word).copied().unwrap_or(0)
    }

    /// The canonical country a country name, alias or demonym refers to ("Italian" -> "Italy").
    pub fn country(&self, word: &str) -> Option<&'static str> {
        let n = norm(word.trim());
        let n = n.strip_prefix("the ").unwrap_or(&n);
        self.country_of.get(n).copied()
    }

    /// Gender a first name or title tells.
    pub fn gender_of_word(&self, word: &str) -> Gender {
        let n = norm(word);
        if self.male_names.contains(&n) || self.male_titles.contains(&n) {
            Gender::Male
        } else if self.female_names.contains(&n) || self.female_titles.contains(&n) {
            Gender::Female
        } else {
            Gender::Unknown
        }
    }
}

/// The gazetteers, compiled once.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_and_country_names_meet() {
        let g = &*GAZETTEER;
        assert_eq!(g.country("Italian"), Some("Italy"));
        assert_eq!(g.country("Italy"), Some("Italy"));
        assert_eq!(g.country("U.S."), Some("United States"));
        assert_eq!(g.country("American"), Some("United States"));
        assert_eq!(g.country("the United States"), Some("United States"));
        assert_eq!(g.country("Polish"), Some("Poland"));
        assert!(g.demonyms.contains("russian"));
        assert_eq!(g.country("Brussels"), None);
    }

    #[test]
    fn titles_and_genders() {
        let g = &*GAZETTEER;
        assert!(g.titles.contains("adm."));
        assert!(g.titles.contains("prime minister"));
        assert_eq!(g.gender_of_word("Mark"), Gender::Male);
        assert_eq!(g.gender_of_word("Ursula"), Gender::Female);
        assert_eq!(g.gender_of_word("Dragone"), Gender::Unknown);
        assert!(g.max_title_words >= 2);
    }
}
