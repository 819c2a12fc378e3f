//! Word lists the generator draws names from: towns, streets and sites,
//! provider staff, insurers and pupils.

/// First halves of made-up town names.
pub(super) const TOWN_PREFIXES: [&str; 24] = [
    "Ash", "Birch", "Brook", "Cold", "Elm", "Fern", "Glen", "Hazel", "Holm", "Kings", "Lark",
    "Marsh", "Mill", "Moor", "Oak", "Pen", "Queens", "Rook", "Salt", "Stone", "Thorn", "Whit",
    "Wood", "Yar",
];

/// Second halves of made-up town names.
pub(super) const TOWN_SUFFIXES: [&str; 12] = [
    "bridge", "bury", "combe", "field", "ford", "ham", "hill", "ley", "mouth", "stead", "ton",
    "wick",
];

/// How many towns the halves make.
pub(super) const TOWNS: usize = TOWN_PREFIXES.len() * TOWN_SUFFIXES.len();

/// Added to a provider name once every kind and town is used.
pub(super) const VARIANTS: [&str; 5] = ["", " North", " South", " East", " West"];

/// Street names for site addresses.
#[rustfmt::skip]
pub(super) const STREETS: [&str; 14] = [
    "Station Road", "Church Lane", "Mill Lane", "High Street", "Victoria Road", "Park Road",
    "Green Lane", "Chapel Street", "Brook Street", "Manor Road", "Queens Road",
    "Albert Street", "Canal Side", "Orchard Way",
];

/// Names of a provider's second site.
#[rustfmt::skip]
pub(super) const SATELLITES: [&str; 5] = [
    "Leisure centre (hired hall)", "Community centre", "Allotment", "Satellite classroom",
    "Housing site (work placement)",
];

/// Letters that may end a postcode.
pub(super) const POSTCODE_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";

/// Given names of providers' staff.
pub(super) const STAFF_GIVEN: [&str; 20] = [
    "Sarah", "James", "Michelle", "Paul", "Karen", "Andrew", "Joanne", "Mark", "Rachel", "Gary",
    "Nicola", "Dean", "Lisa", "Tom", "Amanda", "Wayne", "Priya", "Imran", "Grace", "Kwame",
];

/// Family names of providers' staff and of foster carers.
pub(super) const STAFF_FAMILY: [&str; 16] = [
    "Morris", "Fletcher", "Barker", "Holt", "Chapman", "Naylor", "Sutton", "Kaur", "Rahman",
    "Boateng", "Lloyd", "Pearce", "Dixon", "Hartley", "Rowe", "Gill",
];

/// Made-up insurers on insurance certificates.
#[rustfmt::skip]
pub(super) const INSURERS: [&str; 4] = [
    "Marlow Mutual", "Severn Insurance", "Castlegate Underwriting", "Northgate Assurance",
];

/// Pupils' given names, from many languages.
pub(super) const GIVEN_NAMES: [&str; 48] = [
    "Oliver", "Amelia", "Jayden", "Chloé", "Mohammed", "Aisha", "Kacper", "Zofia", "Renée",
    "Oisín", "Seán", "Bethany", "Tyler", "Leah", "Kai", "Maja", "Dawid", "Amira", "Yusuf",
    "Precious", "Tomás", "Niamh", "Rhys", "Efa", "Jamal", "Maryam", "Harvey", "Lily-Mae", "Alfie",
    "Ruby", "Noah", "Isla", "Ellis", "Darcey", "Kofi", "Adaeze", "Bartosz", "Ioana", "Mihai",
    "Zainab", "Jakub", "Callum", "Freya", "Thiago", "Inés", "Gráinne", "Ayşe", "Emre",
];

/// Pupils' family names, from many languages.
#[rustfmt::skip]
pub(super) const FAMILY_NAMES: [&str; 40] = [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Khan", "Hussain", "Begum", "Ali", "Kowalski", "Wójcik", "O'Brien", "Murphy", "Okafor",
    "Mensah", "Evans", "Roberts", "Walker", "Wright", "Robinson", "Hughes", "Lewis", "Popescu",
    "Yılmaz", "Öztürk", "García", "Nowak", "Kamiński", "Adeyemi", "Mahmood", "Uddin", "Price",
    "Doherty", "Doyle", "Quinn", "Ó Briain",
];
