/** Captures Chromium's install prompt so Today can offer "Install Groundwork as an app" at a calm moment. */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let deferred = $state<InstallPromptEvent | undefined>(undefined);

window.addEventListener('beforeinstallprompt', (e) => {
  e.preventDefault();
  deferred = e as InstallPromptEvent;
});
window.addEventListener('appinstalled', () => (deferred = undefined));

export const install = {
  get available(): boolean {
    return deferred !== undefined;
  },
  async prompt(): Promise<void> {
    const e = deferred;
    if (!e) return;
    deferred = undefined;
    await e.prompt();
  },
};
