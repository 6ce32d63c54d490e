import { printView } from '../app/print-mode.ts';
import { useT } from '../i18n/i18n.tsx';

/** 打印 / Print: the browser's print dialog for the view on screen (the print stylesheet decides what goes on paper). */
export function PrintButton() {
  const t = useT();
  return (
    <button
      type="button"
      className="button button-secondary button-small print-button"
      title={t('print.buttonTitle')}
      onClick={printView}
    >
      {t('print.button')}
    </button>
  );
}
