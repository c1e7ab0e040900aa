/**
 * The password just registered with, for the confirm step to send with the code: a code received for someone
 * else's registration then confirms nothing. Kept in this module's memory only, never in any storage, so it is
 * gone with the page; the confirm page asks for it when it is not here (opened directly, or reloaded).
 */
let registered: { readonly login: string; readonly password: string } | undefined;

const sameLogin = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function rememberRegistration(login: string, password: string): void {
  registered = { login, password };
}

/** The password registered with this login since the page loaded, if any. */
export function registeredPassword(login: string): string | undefined {
  return registered && sameLogin(registered.login, login) ? registered.password : undefined;
}

export function forgetRegistration(): void {
  registered = undefined;
}
