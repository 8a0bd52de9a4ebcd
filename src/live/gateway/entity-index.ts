/**
 * Items of one list grouped by F&O entity (case-insensitive), so that a lookup per action reads
 * the few items of its entity instead of the whole list: scanning every map row or every service
 * map per action made an apply quadratic in the maps. Each group keeps the list's order.
 */
export class EntityIndex<T> {
  readonly #groups = new Map<string, T[]>();

  constructor(
    items: Iterable<T>,
    private readonly entityOf: (item: T) => string | undefined,
  ) {
    for (const item of items) this.add(item);
  }

  /** Appends an item, as the list appends it. */
  add(item: T): void {
    const key = this.keyOf(item);
    if (key === undefined) return;
    const group = this.#groups.get(key);
    if (group === undefined) this.#groups.set(key, [item]);
    else group.push(item);
  }

  remove(item: T): void {
    const key = this.keyOf(item);
    const group = key === undefined ? undefined : this.#groups.get(key);
    const at = group?.indexOf(item) ?? -1;
    if (group !== undefined && at >= 0) group.splice(at, 1);
  }

  get(entity: string): readonly T[] {
    return this.#groups.get(entity.toLowerCase()) ?? [];
  }

  keyOf(item: T): string | undefined {
    return this.entityOf(item)?.toLowerCase();
  }
}

/**
 * The index of a list, built on first use and kept per list object. A list read again is a new
 * object with a new index; whoever changes a list in place keeps its index in step.
 */
export class IndexCache<T> {
  readonly #indexes = new WeakMap<readonly T[], EntityIndex<T>>();

  constructor(private readonly entityOf: (item: T) => string | undefined) {}

  of(list: readonly T[]): EntityIndex<T> {
    let index = this.#indexes.get(list);
    if (index === undefined) {
      index = new EntityIndex(list, this.entityOf);
      this.#indexes.set(list, index);
    }
    return index;
  }

  /** The index of the list if one was built (a change to a list nobody looked up needs no update). */
  built(list: readonly T[]): EntityIndex<T> | undefined {
    return this.#indexes.get(list);
  }

  /** Drops the index of a list; the next lookup builds it again. */
  drop(list: readonly T[]): void {
    this.#indexes.delete(list);
  }
}
