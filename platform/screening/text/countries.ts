// Country names → ISO 3166 alpha-2, so "Iran (Islamic Republic of)", "Iran", "IR", "Иран" and "Iranian"
// compare equal. The bulk of the table comes from ICU (Intl.DisplayNames in several languages); the
// aliases below are the issuers' own spellings and demonyms ICU does not know.

const LOCALES = ['en', 'ru', 'zh', 'th', 'vi', 'fr', 'es', 'de', 'ar'];
// Withdrawn or reserved codes ICU still names ("DD" is "Germany"); they would shadow the current ones.
const NOT_COUNTRIES = new Set(['AN', 'BU', 'CS', 'DD', 'EU', 'EZ', 'FX', 'NT', 'QO', 'SU', 'TP', 'UN', 'YU', 'ZR', 'ZZ']);

const ALIASES: Record<string, string> = {
  'korea north': 'KP',
  'north korea': 'KP',
  'democratic peoples republic of korea': 'KP',
  dprk: 'KP',
  'korea south': 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  'russian federation': 'RU',
  russia: 'RU',
  'syrian arab republic': 'SY',
  'iran islamic republic of': 'IR',
  'congo democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  drc: 'CD',
  'republic of the congo': 'CG',
  'united republic of tanzania': 'TZ',
  'united kingdom of great britain and northern ireland': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  'united states of america': 'US',
  usa: 'US',
  'united states': 'US',
  'state of palestine': 'PS',
  palestinian: 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  'gaza strip': 'PS',
  'region gaza': 'PS',
  burma: 'MM',
  turkiye: 'TR',
  turkey: 'TR',
  'the gambia': 'GM',
  'cabo verde': 'CV',
  'cape verde': 'CV',
  'macedonia the former yugoslav republic of': 'MK',
  'north macedonia': 'MK',
  'lao peoples democratic republic': 'LA',
  'viet nam': 'VN',
  'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE',
  'cote divoire': 'CI',
  'ivory coast': 'CI',
  czechia: 'CZ',
  'czech republic': 'CZ',
  eswatini: 'SZ',
  swaziland: 'SZ',
  'timor leste': 'TL',
  'east timor': 'TL',
  'holy see': 'VA',
  'republic of moldova': 'MD',
  moldova: 'MD',
  'brunei darussalam': 'BN',
  'micronesia federated states of': 'FM',
  'sao tome and principe': 'ST',
  // demonyms clients type into "nationality"
  afghan: 'AF',
  albanian: 'AL',
  algerian: 'DZ',
  american: 'US',
  argentine: 'AR',
  argentinian: 'AR',
  armenian: 'AM',
  australian: 'AU',
  austrian: 'AT',
  azerbaijani: 'AZ',
  bahraini: 'BH',
  bangladeshi: 'BD',
  belarusian: 'BY',
  belgian: 'BE',
  bosnian: 'BA',
  brazilian: 'BR',
  british: 'GB',
  bulgarian: 'BG',
  burmese: 'MM',
  cambodian: 'KH',
  canadian: 'CA',
  chinese: 'CN',
  colombian: 'CO',
  cuban: 'CU',
  cypriot: 'CY',
  czech: 'CZ',
  danish: 'DK',
  dutch: 'NL',
  egyptian: 'EG',
  emirati: 'AE',
  eritrean: 'ER',
  ethiopian: 'ET',
  filipino: 'PH',
  finnish: 'FI',
  french: 'FR',
  georgian: 'GE',
  german: 'DE',
  greek: 'GR',
  guatemalan: 'GT',
  haitian: 'HT',
  honduran: 'HN',
  hungarian: 'HU',
  indian: 'IN',
  indonesian: 'ID',
  iranian: 'IR',
  iraqi: 'IQ',
  irish: 'IE',
  israeli: 'IL',
  italian: 'IT',
  japanese: 'JP',
  jordanian: 'JO',
  kazakh: 'KZ',
  kenyan: 'KE',
  kuwaiti: 'KW',
  kyrgyz: 'KG',
  lebanese: 'LB',
  libyan: 'LY',
  malaysian: 'MY',
  malian: 'ML',
  mauritanian: 'MR',
  mexican: 'MX',
  moroccan: 'MA',
  nicaraguan: 'NI',
  nigerian: 'NG',
  norwegian: 'NO',
  omani: 'OM',
  pakistani: 'PK',
  panamanian: 'PA',
  paraguayan: 'PY',
  peruvian: 'PE',
  polish: 'PL',
  portuguese: 'PT',
  qatari: 'QA',
  romanian: 'RO',
  russian: 'RU',
  rwandan: 'RW',
  saudi: 'SA',
  serbian: 'RS',
  singaporean: 'SG',
  somali: 'SO',
  spanish: 'ES',
  sudanese: 'SD',
  swedish: 'SE',
  swiss: 'CH',
  syrian: 'SY',
  taiwanese: 'TW',
  tajik: 'TJ',
  thai: 'TH',
  tunisian: 'TN',
  turkish: 'TR',
  ugandan: 'UG',
  ukrainian: 'UA',
  uzbek: 'UZ',
  venezuelan: 'VE',
  vietnamese: 'VN',
  yemeni: 'YE',
  zimbabwean: 'ZW',
};

/** Lower-case, unaccented, parentheses and punctuation dropped: "Iran (Islamic Republic of)" → "iran islamic republic of". */
function key(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const namers = LOCALES.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code)) continue;
      for (const dn of namers) {
        let name: string | undefined;
        try {
          name = dn.of(code);
        } catch {
          name = undefined;
        }
        if (name && name !== code) {
          const k = key(name);
          if (!map.has(k)) map.set(k, code);
        }
      }
    }
  }
  for (const [k, v] of Object.entries(ALIASES)) map.set(key(k), v);
  return map;
}

/** ISO alpha-2 code for a country name, code or demonym; undefined when unknown. */
export function countryCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^[A-Z]{2}$/.test(trimmed)) return trimmed;
  table ??= build();
  const k = key(trimmed.replace(/^(possibly|probably|reportedly)\s+/i, ''));
  return table.get(k) ?? table.get(key(k.replace(/\s*\bthe\b\s*/g, ' '))) ?? table.get(key(trimmed.replace(/\(.*\)/, '')));
}
