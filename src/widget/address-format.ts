import { countryHints, type Address } from '../contract/index.ts';

type Part = string | null | undefined;

const join = (...parts: Part[]) =>
  parts
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ');

const joinTight = (...parts: Part[]) => parts.map((part) => part?.trim() ?? '').join('');

/** Countries whose addresses carry the state as a postal abbreviation (`WA`, `ON`, `NSW`). */
const ABBREVIATED_STATES = new Set(['US', 'CA', 'AU']);

/**
 * The state as an address line of its country writes it: `Tokyo` → `東京都`, `Beijing` → `北京市`;
 * US, Canadian and Australian abbreviations stay as they are (`Redmond, WA 98052`).
 */
export function localStateName(country: string, state: Part): string {
  const value = state?.trim() ?? '';
  if (ABBREVIATED_STATES.has(country.toUpperCase())) return value;
  return countryHints(country).stateNames?.[value] ?? value;
}

/**
 * How a state is named in a list to choose from: abbreviations spelled out (`Washington`), in
 * English where only romanized entries mean something to the reader (`Tokyo`), otherwise as the
 * country writes it (`東京都`).
 */
export function stateChoiceLabel(country: string, state: string, lang: string): string {
  const names = countryHints(country).stateNames;
  if (ABBREVIATED_STATES.has(country.toUpperCase())) return names?.[state] ?? state;
  return lang === 'en' ? state : localStateName(country, state);
}

/**
 * The lines of an address in the order its country writes them, without the country name:
 * JP `〒100-0001` / `東京都千代田区…`; TW `110 台北市信義區…`; CN largest to smallest with the
 * postal code first; US, CA `City, ST 98052`; AU `City ST 2000`; GB town, then postcode; most of
 * Europe `10115 Berlin`.
 */
export function formatAddress(address: Address): string[] {
  const country = address.country.toUpperCase();
  const line1 = address.addressLine1 ?? '';
  const line2 = address.addressLine2 ?? '';
  const city = address.city ?? '';
  const postalCode = address.postalCode ?? '';
  const state = localStateName(country, address.state);
  let lines: string[];
  switch (country) {
    case 'JP':
      lines = [
        postalCode ? `〒${postalCode.trim()}` : '',
        joinTight(state, city, line1),
        line2 ?? '',
      ];
      break;
    case 'TW':
      lines = [join(postalCode, joinTight(state, city, line1)), line2 ?? ''];
      break;
    case 'CN':
    case 'KR':
      lines = [
        join(postalCode),
        country === 'CN' ? joinTight(state, city, line1) : join(state, city, line1),
        line2 ?? '',
      ];
      break;
    case 'US':
    case 'CA':
      lines = [line1, line2 ?? '', join(city ? `${city.trim()},` : '', state, postalCode)];
      break;
    case 'AU':
      lines = [line1, line2 ?? '', join(city, state, postalCode)];
      break;
    case 'GB':
      lines = [line1, line2 ?? '', city, join(postalCode)];
      break;
    case 'IN':
      lines = [line1, line2 ?? '', join(city, postalCode), join(state)];
      break;
    case 'BR':
      lines = [line1, line2 ?? '', [city, state].filter(Boolean).join(' - '), join(postalCode)];
      break;
    default:
      lines = [line1, line2 ?? '', join(postalCode, city), join(state)];
  }
  return lines.map((line) => line.trim()).filter(Boolean);
}
