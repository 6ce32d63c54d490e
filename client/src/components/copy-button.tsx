import { useState } from 'react';
import { useT } from '../i18n/i18n.tsx';

/** Copies `text` to the clipboard and says whether it worked (the clipboard needs a secure context or localhost). */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button button-small" onClick={copy}>
        {label ?? t('tokens.copy')}
      </button>
      <span className="small" role="status">
        {state === 'copied' ? `✓ ${t('tokens.copied')}` : state === 'failed' ? t('tokens.copyFailed') : ''}
      </span>
    </>
  );
}
