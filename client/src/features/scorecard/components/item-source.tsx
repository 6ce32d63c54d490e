import type { ScorecardItem } from '@junheng/shared';
import { Link, useLocation } from 'react-router';
import { useT } from '../../../i18n/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { SCORECARD_VIEW_MESSAGES, scorecardItemLink } from '../../../reports/scorecard-display.ts';

/**
 * Where an item's value comes from: computed (from school data or rotations) with a link to the view that explains it,
 * or entered in 县级填报 by whom and when, with a link to its row in the form.
 */
export function ItemSource({ item }: { item: ScorecardItem }) {
  const t = useT();
  const location = useLocation();
  const link = scorecardItemLink(item, location.search);
  if (item.source === 'entered') {
    const entered = item.enteredAt !== null;
    return (
      <span className="scorecard-source">
        <span>
          {!entered
            ? t('scorecard.notEnteredYet')
            : item.enteredBy
              ? t('scorecard.entered', { name: item.enteredBy, time: formatDateTime(item.enteredAt) })
              : t('scorecard.enteredNoAuthor', { time: formatDateTime(item.enteredAt) })}
        </span>{' '}
        <Link to={link}>{entered ? t('scorecard.seeEntry') : t('scorecard.goEnter')}</Link>
      </span>
    );
  }
  const listedHere = item.view === 'scorecard';
  return (
    <span className="scorecard-source">
      <span>{item.view === 'rotation' ? t('scorecard.computedRotation') : t('scorecard.computed')}</span>
      {listedHere && item.schools.length === 0 ? null : (
        <>
          {' '}
          <Link to={link}>{t('scorecard.seeView', { view: t(SCORECARD_VIEW_MESSAGES[item.view]) })}</Link>
        </>
      )}
    </span>
  );
}
