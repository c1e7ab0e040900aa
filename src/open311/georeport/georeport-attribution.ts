import { Injectable } from '@nestjs/common';
import { AccountRecords } from '../../accounts/account-records';
import { emailLogin, Login, phoneLogin } from '../../accounts/domain/login';
import { Actor } from '../../platform/domain/decider';
import { applicationActor } from '../clients/application-actor';
import { badRequest } from './georeport-error';

function loginOf(kind: 'email' | 'phone', entered: string): Login {
  try {
    return kind === 'email' ? emailLogin(entered) : phoneLogin(entered);
  } catch {
    throw badRequest(
      kind === 'email' ? 'email is not a valid e-mail address' : 'phone is not a valid phone number',
    );
  }
}

/**
 * Who a request filed with a client's key is from: the registered citizen its e-mail (or else its phone) names,
 * found through the login's reservation stream like sign-in finds them; otherwise the application itself. Staff
 * accounts are never named this way: an official or facilitator does not become the submitter of a citizen's
 * report. The e-mail and phone themselves are kept nowhere.
 */
@Injectable()
export class GeoReportAttribution {
  constructor(private readonly accounts: AccountRecords) {}

  async actorFor(clientId: string, contact: { email?: string; phone?: string }): Promise<Actor> {
    const logins = [
      contact.email === undefined ? undefined : loginOf('email', contact.email),
      contact.phone === undefined ? undefined : loginOf('phone', contact.phone),
    ].filter((login): login is Login => login !== undefined);
    for (const login of logins) {
      const found = await this.accounts.holderOf(login);
      if (found?.state.status === 'active' && found.state.role === 'citizen')
        return { id: found.accountId, role: 'citizen' };
    }
    return applicationActor(clientId);
  }
}
