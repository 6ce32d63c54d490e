import { describe, expect, it } from 'vitest';
import { selfEvaluationUrl } from './components/self-evaluation-link.tsx';

describe(selfEvaluationUrl.name, () => {
  it('should ask for the county-year report, in English only when the UI is English', () => {
    expect(selfEvaluationUrl({ code: '330999', year: 2025 }, 'zh')).toBe(
      '/api/v1/districts/330999/self-evaluation?year=2025',
    );
    expect(selfEvaluationUrl({ code: '330999', year: 2025 }, 'en')).toBe(
      '/api/v1/districts/330999/self-evaluation?year=2025&lang=en',
    );
  });
});
