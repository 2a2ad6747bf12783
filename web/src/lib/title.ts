import { useEffect } from 'react';

let portalName = '';
let pageTitle = '';

function apply() {
  document.title = [pageTitle, portalName].filter(Boolean).join(' – ');
}

/** Called by the layout once the operator profile is known. */
export function setPortalName(name: string) {
  portalName = name;
  apply();
}

/** Sets the document title to "page – portal", so that screen-reader users know where they are. */
export function usePageTitle(title: string) {
  useEffect(() => {
    pageTitle = title;
    apply();
  }, [title]);
}
