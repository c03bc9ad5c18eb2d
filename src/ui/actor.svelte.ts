/** A reactive view of an actor's snapshot for components: they read it and send events, nothing more. */
interface Subscribable<T> {
  getSnapshot(): T;
  subscribe(fn: (snapshot: T) => void): { unsubscribe(): void };
}

export function useSnapshot<T>(actor: () => Subscribable<T>): { readonly current: T } {
  let snapshot = $state.raw(actor().getSnapshot());
  $effect(() => {
    const a = actor();
    snapshot = a.getSnapshot();
    const sub = a.subscribe((next) => (snapshot = next));
    return () => sub.unsubscribe();
  });
  return {
    get current() {
      return snapshot;
    },
  };
}
