import type { SanctionEntry } from '../../platform/screening/types';

// Synthetic client book: perturbed list names (should be hit) mixed with ordinary names from many
// cultures (should not). Seeded, so every run screens the same clients.

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const GIVEN = `James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica
Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Sandra Paul Ashley Steven Emily Andrew Donna Joshua
Michelle Kevin Carol Brian Amanda George Melissa Edward Deborah Olivia Emma Noah Liam Sophia Lucas Mia Ethan Chloe Hannah
Juan Carmen Jose Lucia Luis Sofia Carlos Valentina Miguel Isabella Pedro Camila Jorge Daniela Diego Gabriela Alejandro Paula
Ivan Olga Sergei Tatiana Dmitri Natalia Alexei Elena Nikolai Svetlana Andrei Irina Pavel Anastasia Mikhail Yulia Oleg Ekaterina
Wei Fang Jing Min Li Lei Yan Jun Hui Xin Ming Ling Hao Yu Tao Qiang Chen Ying Feng Xiu Somchai Somsak Malee Nok Anong Kittisak
Pranee Sunan Wichai Niran Nguyen Anh Minh Thu Lan Hung Tuan Huong Linh Duc Hanh Quang Mai Trang Hans Petra Klaus Ursula Jurgen
Monika Stefan Sabine Pierre Camille Francois Amelie Antoine Chloe Rahul Priya Amit Sunita Vikram Anjali Arjun Deepa Sanjay
Kavita Kenji Yuki Hiroshi Aiko Takeshi Sakura Omar Layla Karim Yasmin Tariq Nadia Samir Leila Youssef Amira`.split(/\s+/);

const FAMILY = `Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White
Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner
Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly
Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders Myers Long Ross Foster Powell Jenkins
Perry Russell Sullivan Fisher Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Wallace Woods Cole West Owens
Garcia Martinez Rodriguez Lopez Gonzalez Perez Sanchez Ramirez Flores Rivera Gomez Diaz Cruz Morales Ortiz Gutierrez Chavez
Ramos Ruiz Alvarez Mendoza Castillo Jimenez Moreno Romero Herrera Medina Aguilar Vargas Ivanov Smirnov Kuznetsov Popov
Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev
Wang Zhang Liu Chen Yang Huang Zhao Zhou Wu Xu Sun Zhu Ma Hu Guo Lin He Gao Luo Zheng Liang Xie Tang Han Cao Deng Feng
Saetang Srisuk Chaiyaporn Wongsawat Rattanakorn Boonmee Thongchai Kaewkla Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo
Duong Ly Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Neumann Dubois
Durand Leroy Moreau Simon Laurent Lefebvre Michel Fontaine Chevalier Sharma Verma Gupta Patel Singh Kumar Reddy Iyer Nair Rao
Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Haddad Khoury Nasser Saleh Mansour Aziz Farouk`.split(/\s+/);

const COMPANY_WORDS = `Blue River Summit Apex Northern Harbor Golden Pine Silver Oak Crescent Meridian Horizon Vertex Falcon Cedar
Atlas Nova Prime Pacific Coastal Urban Green Bright Stone Maple Eagle Lotus Orchid Jade Phoenix Dragon Tiger Lion Bridge Star
Sun Moon Sky Ocean Valley Ridge Crest Peak Field Harvest Alpine Boreal Delta Sigma Orion Vega Lyra Zenith Aurora`.split(/\s+/);
const COMPANY_KINDS = `Capital Partners Consulting Logistics Foods Textiles Software Analytics Labs Studio Media Motors Energy Realty
Advisors Securities Brokerage Holdings Ventures Systems Trading Retail Pharma Clinic Design Travel Farms Dairy Apparel`.split(/\s+/);
const LEGAL = ['LLC', 'Ltd', 'GmbH', 'Inc.', 'S.A.', 'Co., Ltd.', 'OOO', 'Pte. Ltd.', 'B.V.', ''];

export interface Client {
  id: string;
  name: string;
  schema: 'Person' | 'Organization' | 'Vessel' | 'Airplane';
  /** For positives, the entry the client was made from. */
  source?: { list: string; entryId: string; how: string };
}

export function randomPerson(r: () => number): string {
  const given = r() < 0.3 ? `${pick(r, GIVEN)} ${pick(r, GIVEN)}` : pick(r, GIVEN);
  return r() < 0.5 ? `${given} ${pick(r, FAMILY)}` : `${pick(r, FAMILY)}, ${given}`;
}

export function randomCompany(r: () => number): string {
  return `${pick(r, COMPANY_WORDS)} ${r() < 0.5 ? `${pick(r, COMPANY_WORDS)} ` : ''}${pick(r, COMPANY_KINDS)} ${pick(r, LEGAL)}`.trim();
}

export function typo(name: string, r: () => number): string {
  const letters = [...name].map((c, i) => (/[A-Za-z]/.test(c) && /[A-Za-z]/.test(name[i + 1] ?? '') ? i : -1)).filter((i) => i > 0);
  if (letters.length < 6) return name;
  const at = pick(r, letters);
  const op = r();
  if (op < 0.4) return name.slice(0, at) + String.fromCharCode(97 + Math.floor(r() * 26)) + name.slice(at + 1);
  if (op < 0.7) return name.slice(0, at) + name.slice(at + 1);
  return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
}

/** A person's name the other way round: "LAST, First Middle" → "First Middle LAST". */
export function reorder(name: string): string {
  const [last, given] = name.split(',', 2);
  if (given) return `${given.trim()} ${last.trim()}`;
  const w = name.split(/\s+/).filter(Boolean);
  return w.slice(1).concat(w[0]).join(' ');
}

/** `count` clients, `positiveShare` of them disguised list names. */
export function generateClients(entries: SanctionEntry[], count: number, positiveShare = 0.1, seed = 42): Client[] {
  const r = rng(seed);
  const out: Client[] = [];
  for (let i = 0; i < count; i++) {
    const id = `C${String(i).padStart(7, '0')}`;
    if (r() < positiveShare) {
      const e = pick(r, entries);
      const names = [e.name, ...e.aliases.filter((a) => a.kind === 'aka').map((a) => a.name)];
      const base = pick(r, names);
      // word order is a people's-names thing: company names keep theirs
      const how =
        e.schema === 'Person' ? pick(r, ['exact', 'typo', 'reorder', 'typo+reorder'] as const) : pick(r, ['exact', 'typo'] as const);
      const name = how === 'exact' ? base : how === 'typo' ? typo(base, r) : how === 'reorder' ? reorder(base) : reorder(typo(base, r));
      out.push({ id, name, schema: e.schema, source: { list: e.source, entryId: e.entryId, how } });
    } else {
      const person = r() < 0.75;
      out.push({ id, name: person ? randomPerson(r) : randomCompany(r), schema: person ? 'Person' : 'Organization' });
    }
  }
  return out;
}
