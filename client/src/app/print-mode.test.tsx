// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePrinting } from './print-mode.ts';

function Probe() {
  return <p data-testid="probe">{usePrinting() ? 'paper' : 'screen'}</p>;
}

afterEach(() => cleanup());

describe(usePrinting.name, () => {
  it('should switch to print mode at beforeprint and back at afterprint, rendered before the event returns', () => {
    const { getByTestId } = render(<Probe />);
    expect(getByTestId('probe').textContent).toBe('screen');
    // No act() and no await: the browser lays the page out for paper as soon as the beforeprint listeners return.
    window.dispatchEvent(new Event('beforeprint'));
    expect(getByTestId('probe').textContent).toBe('paper');
    window.dispatchEvent(new Event('afterprint'));
    expect(getByTestId('probe').textContent).toBe('screen');
  });

  it('should stop listening to the window once nothing uses it', () => {
    const first = render(<Probe />);
    first.unmount();
    window.dispatchEvent(new Event('beforeprint'));
    const second = render(<Probe />);
    expect(second.getByTestId('probe').textContent).toBe('screen');
    window.dispatchEvent(new Event('beforeprint'));
    expect(second.getByTestId('probe').textContent).toBe('paper');
    window.dispatchEvent(new Event('afterprint'));
    expect(second.getByTestId('probe').textContent).toBe('screen');
  });
});
