// The page checks a form with the contract's own schema before it sends it (web/src/lib):
// what it says must be what the server would say, in the reader's language.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgencyInput } from '../../server/contracts/agencies';
import { chosenId, intoContract, typedDay, typedText } from '../../web/src/lib/form-values';
import { refusalWords, zodIssueWords } from '../../web/src/lib/refusals';

const AgencyForm = intoContract(
  z.object({
    code: typedText,
    name: typedText,
    kind: z.enum(['department', 'other']),
    unitId: chosenId,
    validFrom: typedDay,
    validTo: typedDay,
  }),
  AgencyInput,
);

const typed = {
  code: ' SO_TT ',
  name: 'Sở Thông tin',
  kind: 'department',
  unitId: '',
  validFrom: '',
  validTo: '',
};

describe("a form checked by its contract's schema", () => {
  it('turns what was typed into what the API takes', () => {
    const parsed = AgencyForm.parse({ ...typed, unitId: '12', validFrom: '1/7/2025' });
    expect(parsed).toEqual({
      code: 'SO_TT',
      name: 'Sở Thông tin',
      kind: 'department',
      unitId: 12,
      validFrom: '2025-07-01',
      validTo: null,
    });
  });

  it('refuses a date that does not exist with the words of the catalogue', () => {
    const result = AgencyForm.safeParse({ ...typed, validTo: '31/2/2025' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['validTo', 'Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 30/7/2025.'],
    ]);
  });

  it("applies the contract's own rules: validity in order", () => {
    const result = AgencyForm.safeParse({ ...typed, validFrom: '1/1/2025', validTo: '31/12/2024' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['validTo']);
  });
});

describe('the words of a refused field', () => {
  it('words an issue the page raised from the whole issue, in either language', () => {
    const issue = z.number().int().safeParse(1.5).error?.issues[0];
    if (!issue) throw new Error('expected an issue');
    const raw = { ...issue, input: 1.5 } as Parameters<typeof zodIssueWords>[0];
    expect(zodIssueWords(raw, 'en')).toMatch(/int/i);
    expect(zodIssueWords(raw, 'vi')).not.toBe(zodIssueWords(raw, 'en'));
  });

  it("words a contract's own rule from the catalogue: an agency's ký hiệu", () => {
    const result = AgencyInput.safeParse({
      code: 'SO_TT',
      name: 'Sở',
      kind: 'other',
      documentSymbol: 'S TT',
    });
    const [issue] = result.error?.issues ?? [];
    expect(issue?.path).toEqual(['documentSymbol']);
    const refused = { key: 'agency.documentSymbol', params: {}, message: issue?.message ?? '' };
    expect(refusalWords(refused, 'vi')).toBe('Chỉ gồm chữ và số, không dấu cách');
    expect(refusalWords(refused, 'en')).toBe('Letters and digits only, no spaces');
  });

  it("keeps the server's Vietnamese when zod's English needs what the server does not send", () => {
    // An enum's allowed values do not travel in the refusal's parameters.
    const refused = { key: 'zod.invalid_value', params: {}, message: 'Giá trị không hợp lệ' };
    expect(refusalWords(refused, 'en')).toBe('Giá trị không hợp lệ');
  });
});
