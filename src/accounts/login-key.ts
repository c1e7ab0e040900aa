/** The injection token of the key naming login reservations (and digesting audited logins and addresses). */
export const LOGIN_KEY = Symbol('LoginKey');
