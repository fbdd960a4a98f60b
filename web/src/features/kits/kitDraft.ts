// A kit as its form holds it: numbers as typed, the lead as one select's value, figures as
// text. Turned into the contract's input on save; what cannot be read is named per field.
import type { Kit, KitInput, KitItem } from '../../api/kits';

/** `each_agency`, `each_unit_committee`, or an agency's id as text. */
export type LeadValue = string;

export type ItemDraft = {
  key: number;
  title: string;
  typeCode: string;
  offsetDays: string;
  durationDays: string;
  channelCodes: string[];
  targetGroupCodes: string[];
  lead: LeadValue;
  expected: Record<string, string>;
};

export type KitDraft = {
  code: string;
  name: string;
  anchorKind: 'observance' | 'fixed';
  observanceCode: string;
  day: string;
  month: string;
  items: ItemDraft[];
};

let serial = 0;
const nextKey = () => {
  serial += 1;
  return serial;
};

export function leadValue(lead: KitItem['lead']): LeadValue {
  return typeof lead === 'string' ? lead : String(lead.agencyId);
}

function itemDraft(item: KitItem): ItemDraft {
  return {
    key: nextKey(),
    title: item.title,
    typeCode: item.typeCode,
    offsetDays: String(item.offsetDays),
    durationDays: String(item.durationDays),
    channelCodes: item.channelCodes,
    targetGroupCodes: item.targetGroupCodes,
    lead: leadValue(item.lead),
    expected: Object.fromEntries(Object.entries(item.expected).map(([code, value]) => [code, String(value)])),
  };
}

export function emptyItem(): ItemDraft {
  return {
    key: nextKey(),
    title: '',
    typeCode: '',
    offsetDays: '0',
    durationDays: '1',
    channelCodes: [],
    targetGroupCodes: [],
    lead: 'each_agency',
    expected: {},
  };
}

export function draftOf(kit: Kit | null): KitDraft {
  if (!kit) {
    return {
      code: '',
      name: '',
      anchorKind: 'fixed',
      observanceCode: '',
      day: '',
      month: '',
      items: [emptyItem()],
    };
  }
  const fixed = 'month' in kit.anchor ? kit.anchor : null;
  return {
    code: kit.code,
    name: kit.name,
    anchorKind: fixed ? 'fixed' : 'observance',
    observanceCode: 'observanceCode' in kit.anchor ? kit.anchor.observanceCode : '',
    day: fixed ? String(fixed.day) : '',
    month: fixed ? String(fixed.month) : '',
    items: kit.items.map(itemDraft),
  };
}

/** A whole number as typed (a leading minus or the typographic one), else null. */
export function wholeNumber(text: string): number | null {
  const cleaned = text.trim().replace(/^[−–]/, '-');
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : null;
}

/** The figures typed, those left empty dropped. */
function figuresOf(expected: Record<string, string>): { figures: Record<string, number>; bad: string[] } {
  const figures: Record<string, number> = {};
  const bad: string[] = [];
  for (const [code, text] of Object.entries(expected)) {
    if (!text.trim()) continue;
    const value = wholeNumber(text);
    if (value === null || value < 0) bad.push(code);
    else figures[code] = value;
  }
  return { figures, bad };
}

function leadOf(value: LeadValue): KitItem['lead'] {
  if (value === 'each_agency' || value === 'each_unit_committee') return value;
  return { agencyId: Number(value) };
}

/** Why the page could not read a field: a number that is none, a choice not made. */
export type Unread = { path: string; reason: 'number' | 'type' | 'observance' };

/**
 * The contract's input, or the fields (by the paths the server would name) that could not be
 * read. The server checks the rest (codes, ranges) and names what it refuses by the same paths.
 */
export function inputOf(draft: KitDraft): { input: KitInput } | { unread: Unread[] } {
  const unread: Unread[] = [];
  const number = (path: string) => unread.push({ path, reason: 'number' });
  const items = draft.items.map((item, index): KitItem => {
    const offsetDays = wholeNumber(item.offsetDays);
    const durationDays = wholeNumber(item.durationDays);
    const { figures, bad } = figuresOf(item.expected);
    if (!item.typeCode) unread.push({ path: `items.${index}.typeCode`, reason: 'type' });
    if (offsetDays === null) number(`items.${index}.offsetDays`);
    if (durationDays === null) number(`items.${index}.durationDays`);
    if (bad.length > 0) number(`items.${index}.expected`);
    return {
      title: item.title.trim(),
      typeCode: item.typeCode,
      offsetDays: offsetDays ?? 0,
      durationDays: durationDays ?? 1,
      channelCodes: item.channelCodes,
      targetGroupCodes: item.targetGroupCodes,
      lead: leadOf(item.lead),
      expected: figures,
    };
  });
  const day = wholeNumber(draft.day);
  const month = wholeNumber(draft.month);
  if (draft.anchorKind === 'fixed') {
    if (day === null) number('anchor.day');
    if (month === null) number('anchor.month');
  } else if (!draft.observanceCode) {
    unread.push({ path: 'anchor.observanceCode', reason: 'observance' });
  }
  if (unread.length > 0) return { unread };
  const anchor: KitInput['anchor'] =
    draft.anchorKind === 'fixed'
      ? { month: month ?? 1, day: day ?? 1 }
      : { observanceCode: draft.observanceCode };
  return { input: { code: draft.code.trim(), name: draft.name.trim(), anchor, items } };
}
