// The refusal catalogue is complete in both languages: every key has its Vietnamese and its
// English words, with the same parameters, and the English is not Vietnamese left untranslated.
import { describe, expect, it } from 'vitest';
import { type RefusalKey, refusals, refusalText } from '../../server/domain/refusals';

const keys = Object.keys(refusals) as RefusalKey[];
const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
/** Each parameter filled with its own name, so that the words show where each one goes. */
const named = (key: RefusalKey, language: 'vi' | 'en') => {
  const params = new Proxy({}, { get: (_, name) => `<${String(name)}>` });
  return refusalText(key, params, language);
};

describe('the refusal catalogue', () => {
  it.each(keys)('%s has words in both languages with the same parameters', (key) => {
    const vi = named(key, 'vi');
    const en = named(key, 'en');
    expect(vi.trim().length).toBeGreaterThan(0);
    expect(en.trim().length).toBeGreaterThan(0);
    expect(placeholders(vi.replace(/<(\w+)>/g, '{$1}')).sort()).toEqual(
      expect.arrayContaining(
        placeholders(en.replace(/<(\w+)>/g, '{$1}')).filter((name) => !name?.endsWith('En')),
      ),
    );
    expect(en, 'English words, not Vietnamese').not.toMatch(
      /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
    );
  });

  it('words numbers and record names in the reader language', () => {
    const params = { value: 3000, planned: 300 };
    expect(refusalText('figure.abovePlan', params, 'vi')).toBe(
      '3.000 cao hơn nhiều so với kế hoạch (300): vui lòng kiểm tra lại',
    );
    expect(refusalText('figure.abovePlan', params, 'en')).toBe(
      '3,000 is far above the plan (300): please check it',
    );
    expect(refusalText('record.notFound', { what: 'hoạt động', id: 12 }, 'en')).toBe(
      'Not found: activity 12',
    );
  });
});
