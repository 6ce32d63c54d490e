import { useLocation } from 'react-router';
import { schoolPath, useOpenSchool } from '../hooks/use-open-school.ts';

/**
 * A school name that opens its profile (and remembers the school in this view's URL). A plain anchor rather than a
 * router `<Link>`: tables hold hundreds of these, and resolving each `to` against the route tree cost ≈ 0.4 ms a row
 * (about 100 ms for a 257-school ranking). The app has no basename, so the path is the href; a modified click still
 * opens it in a new tab.
 */
export function SchoolLink({ code, name }: { code: string; name: string }) {
  const location = useLocation();
  const openSchool = useOpenSchool();
  const { pathname, search } = schoolPath(code, location.search);
  return (
    <a
      href={`${pathname}${search}`}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        void openSchool(code);
      }}
    >
      {name}
    </a>
  );
}
