// What an agency's documents print above and beside the text (Decree 30/2020/NĐ-CP): the
// letters of its ký hiệu and the line over its name in the header. Seeded from these rules
// and then kept on the agency, where an admin corrects them; new agencies start from them.

type AgencyLike = {
  code: string;
  name: string;
  shortName: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
};

/**
 * The body's letters in the ký hiệu (`BC-CATP`), from its short name: a People's Committee
 * signs as UBND at every level; an abbreviation stays whole (GD&ĐT → GDĐT); any other word
 * gives its first letter, the joining "và" none.
 */
export function symbolOf(agency: Pick<AgencyLike, 'shortName' | 'name' | 'kind'>): string {
  if (agency.kind === 'people_committee' || agency.kind === 'commune_authority') return 'UBND';
  const words = (agency.shortName || agency.name)
    .normalize('NFC')
    .split(/\s+/)
    .filter((word) => word !== '' && word !== 'và');
  const letters = words.map((word) =>
    /^[\p{Lu}&-]{2,}$/u.test(word) ? word : (word[0] ?? '').toLocaleUpperCase('vi'),
  );
  return letters.join('').replace(/[^\p{L}\p{N}]/gu, '');
}

/** A provincial body's code ends in the province's own letters (`CA_HUE`, `UBND_TTH`). */
const provincial = /^[A-Z]+_(TTH|HUE)$/;

const inBeingOn = (agency: AgencyLike, date: string) =>
  (agency.validFrom ?? '0000-01-01') <= date && date <= (agency.validTo ?? '9999-12-31');

/** "Ủy ban nhân dân tỉnh Thừa Thiên Huế" → "UBND TỈNH THỪA THIÊN HUẾ", as headers print it. */
export function headerWords(name: string): string {
  return name
    .normalize('NFC')
    .replace(/^Ủy ban nhân dân/u, 'UBND')
    .toLocaleUpperCase('vi');
}

/**
 * The line above a body in its header. A People's Committee, a mass organisation and a
 * company are headed by nothing; the provincial police by the Ministry, the provincial
 * border guard by its High Command; a district or commune police by the provincial police
 * of its time; every other provincial body (departments, the press) by the province's
 * People's Committee of its time (the 1/1/2025 change made the province a city).
 */
export function parentLineOf(agency: AgencyLike, all: readonly AgencyLike[]): string {
  // The top body of the agency's last day, or, for an agency still in being, the one in being now.
  const topOf = (kind: string, prefix: string) =>
    all.find(
      (other) =>
        other.kind === kind &&
        other.code.startsWith(prefix) &&
        provincial.test(other.code) &&
        (agency.validTo ? inBeingOn(other, agency.validTo) : other.validTo === null),
    );
  switch (agency.kind) {
    case 'police': {
      if (provincial.test(agency.code)) return 'BỘ CÔNG AN';
      const police = topOf('police', 'CA_');
      return police ? headerWords(police.name) : '';
    }
    case 'border_guard':
      return provincial.test(agency.code) ? 'BỘ TƯ LỆNH BỘ ĐỘI BIÊN PHÒNG' : '';
    case 'department':
    case 'media': {
      const committee = topOf('people_committee', 'UBND_');
      return committee ? headerWords(committee.name) : '';
    }
    default:
      return '';
  }
}

/** Bodies above the province's that no agency record names, as a sentence writes them. */
const nationalBodies: Record<string, string> = {
  'BỘ CÔNG AN': 'Bộ Công an',
  'BỘ TƯ LỆNH BỘ ĐỘI BIÊN PHÒNG': 'Bộ Tư lệnh Bộ đội Biên phòng',
};

/**
 * A header line as a sentence names the body ("UBND THÀNH PHỐ HUẾ" → "Ủy ban nhân dân thành
 * phố Huế"), for nơi nhận: the agency whose header it is, a national body, or the line itself.
 */
export function parentNameOf(
  parentLine: string,
  all: readonly Pick<AgencyLike, 'name' | 'validTo'>[],
): string {
  const line = parentLine.normalize('NFC').trim();
  if (line === '') return '';
  const agency =
    all.find((entry) => entry.validTo === null && headerWords(entry.name) === line) ??
    all.find((entry) => headerWords(entry.name) === line);
  return agency?.name ?? nationalBodies[line] ?? line;
}
