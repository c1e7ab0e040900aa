import { PlainText } from '../../platform/text/plain-text';

export class RegisterOpen311ClientDto {
  /** What the application is, for the admins and auditors who read the log (e.g. "FixMyStreet Katingan"). */
  @PlainText({ maxLength: 100, visible: true }) name!: string;
}
