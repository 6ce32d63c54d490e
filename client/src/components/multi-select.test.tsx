// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n.tsx';
import { MultiSelect } from './multi-select.tsx';

function Harness() {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <I18nProvider initialLang="zh">
      <MultiSelect
        label="乡镇（街道）"
        allLabel="全县"
        options={[
          { value: '330999101', label: '青石镇' },
          { value: '330999102', label: '白水镇' },
        ]}
        selected={selected}
        onChange={setSelected}
        searchable
      />
    </I18nProvider>
  );
}

afterEach(() => cleanup());

describe('MultiSelect', () => {
  it('should give the focus back to its button after 确定, not drop it on the page body', () => {
    render(<Harness />);
    const button = screen.getByRole('button', { name: /乡镇/ });
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('checkbox', { name: '青石镇' }));
    const apply = screen.getByRole('button', { name: '确定' });
    apply.focus();
    fireEvent.click(apply);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button.textContent).toContain('青石镇');
    expect(document.activeElement).toBe(button);
  });

  it('should give the focus back after 取消 and Escape too', () => {
    render(<Harness />);
    const button = screen.getByRole('button', { name: /乡镇/ });
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
