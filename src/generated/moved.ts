/* eslint-disable */
// Generated from schemas/ by `npm run generate`. Do not edit: edit the schema and regenerate.

/**
 * Renames of table maps in git. Each entry says that the map dwctl tracked as `from` is now named `to`: the same map on the platform (the same finance and operations entity and Dataverse table), kept running, with no stop, save, delete or initial sync. Keep the entries: an entry whose `from` a pair's last-applied record no longer names does nothing.
 */
export interface Moved {
  /**
   * Document kind. Always Moved for this file type.
   */
  kind: "Moved";
  /**
   * The renames, oldest first. A chain (a to b, then b to c) is followed to its end; a cycle is an error.
   *
   * @minItems 1
   * @maxItems 5000
   */
  moved: [Move, ...Move[]];
}
/**
 * One rename: the map once named `from` is the map named `to` now.
 */
export interface Move {
  /**
   * The old name of the map, as a pair's last-applied record may still name it. No map in git may have this name.
   */
  from: string;
  /**
   * The new name: the name of a map in tablemaps/ (its file is <to>.yaml), or the `from` of a later entry.
   */
  to: string;
}
