/** Anchors one screen links into on another screen. */

/** The element id of an item's row in the 县级填报 form on the Data view. */
export const countyInputId = (key: string) => `county-input-${key}`;
