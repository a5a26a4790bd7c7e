// Words that are not part of who someone is. All entries are written as normalised tokens (lower-case
// ASCII, after transliteration), multi-word forms space-separated, so "S.A. de C.V." is "s a de c v".

/** Titles and honorifics, dropped from person names. */
export const HONORIFICS = [
  'mr', 'mrs', 'ms', 'miss', 'mister', 'madam', 'dr', 'doctor', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'sheikh', 'shaikh', 'shaykh', 'sheik', 'shekh', 'cheikh', 'haji', 'hajji', 'hadji', 'hajj', 'haj', 'al haj', 'al hajj',
  'alhaj', 'alhajj', 'al hadj', 'mullah', 'mulla', 'molla', 'maulana', 'mawlana', 'maulvi', 'mawlawi', 'moulvi',
  'mawlavi', 'qari', 'hafiz', 'imam', 'ayatollah', 'hojatoleslam', 'emir', 'general', 'gen', 'colonel', 'col',
  'lieutenant', 'lt', 'major', 'maj', 'captain', 'capt', 'brigadier', 'commander', 'admiral', 'sergeant', 'sgt',
  'his excellency', 'her excellency', 'h e', 'hon', 'honorable', 'honourable', 'rev', 'reverend', 'father', 'fr',
  'senor', 'sr', 'sra', 'don', 'dona', 'herr', 'frau', 'monsieur', 'mme', 'mlle',
  // transliterated Russian, Arabic and Chinese titles: господин, госпожа, السيد, الشيخ, الحاج, 先生, 女士, 博士
  'gospodin', 'gospozha', 'g n', 'al shykh', 'al shikh', 'shikh', 'mla', 'al haj', 'al hj', 'xiansheng', 'nushi', 'boshi',
];

/** Honorifics as Arabic-script words transliterate (ملا, شيخ, الشيخ, الحاج): the only ones applied to them. */
export const ABJAD_HONORIFICS = new Set(['mla', 'mula', 'shikh', 'shykh', 'al', 'haj', 'hj']);

/** Legal-form words, dropped from organisation names when they lead or trail the name. */
export const LEGAL_FORMS = [
  'llc', 'l l c', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'cie', 'cia',
  'gmbh', 'mbh', 'ag', 'kg', 'gmbh co kg', 'gmbh und co kg', 'ohg', 'ug', 'ev', 'e v', 'sa', 's a', 'sas', 's a s', 'sarl',
  's a r l', 'sl', 's l', 'srl', 's r l', 'spa', 's p a', 'sc', 'bv', 'b v', 'nv', 'n v', 'plc', 'pte', 'pty', 'pvt',
  'private', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'a s', 'kft', 'zrt', 'nyrt', 'sp z o o', 'spolka z o o', 'sro',
  's r o', 'doo', 'd o o', 'ad', 'jsc', 'cjsc', 'ojsc', 'pjsc', 'ojc', 'ooo', 'zao', 'oao', 'pao', 'ao', 'tov', 'pp', 'ip',
  'fze', 'fzco', 'fzc', 'fz llc', 'fzllc', 'dmcc', 'llp', 'lp', 'sdn bhd', 'bhd', 'berhad', 'tbk', 'pt', 'cv', 'c v',
  'sa de cv', 's a de c v', 's de rl', 's de r l', 's de rl de cv', 's de r l de c v', 'ltda', 'eireli', 'me',
  's en c', 'y cia', 'and co', 'co ltd', 'company limited', 'holding', 'holdings', 'group', 'trust', 'jv',
  'kabushiki kaisha', 'kk', 'godo kaisha', 'yugen kaisha', 'joint stock company', 'closed joint stock company',
  'open joint stock company', 'public joint stock company', 'limited liability company', 'societe anonyme',
  'sociedad anonima', 'aktiengesellschaft', 'gesellschaft mit beschrankter haftung',
  // Russian forms as written in Latin by OFAC and as our Cyrillic transliteration spells them
  'obshchestvo s ogranichennoy otvetstvennostyu', 'obshchestvo s ogranichennoi otvetstvennostyu',
  'obshchestvo s ogrannichennoi otvetstvennostyu', 'aktsionernoe obshchestvo', 'zakrytoe aktsionernoe obshchestvo',
  'otkrytoe aktsionernoe obshchestvo', 'publichnoe aktsionernoe obshchestvo', 'aktsionernoye obshchestvo',
  'youxian gongsi', 'gongsi', 'youxian zeren gongsi', 'gufen youxian gongsi', 'jituan',
];

/** Connecting words and name particles: kept, but they weigh little. */
export const PARTICLES = new Set([
  'al', 'ur', 'ad', 'ar', 'as', 'at', 'az', 'bin', 'ibn', 'bint', 'ben', 'bint', 'ould', 'de', 'del', 'della', 'di', 'da',
  'das', 'do', 'dos', 'du', 'la', 'le', 'les', 'lo', 'van', 'von', 'der', 'den', 'ter', 'y', 'e', 'i', 'of', 'the', 'and',
  'und', 'et', 'for', 'fur', 'a',
]);

/** Words so common in company names that they say little about which company it is. */
export const GENERIC_ORG_WORDS = new Set([
  'trading', 'trade', 'international', 'intl', 'general', 'global', 'industrial', 'industries', 'industry', 'enterprise',
  'enterprises', 'services', 'service', 'import', 'export', 'commercial', 'investment', 'investments', 'development',
  'management', 'bank', 'national', 'shipping', 'logistics', 'technology', 'technologies', 'engineering', 'construction',
  'center', 'centre', 'foundation', 'organization', 'organisation', 'association', 'agency', 'institute', 'network',
  'maoyi', 'guoji', 'shiye', 'fazhan', 'touzi', 'keji', 'jinchukou', 'yinhang',
]);
