import type { DemoOrganisation } from './plan.ts';

/**
 * Every unit and partner the demo plan names. Action items refer to them by
 * acronym in `plan-specs.ts`; the plan itself carries the full `name`, which
 * is what the action service matches organisations on.
 */
const UNITS: [acronym: string, name: string][] = [
  ['TSB', 'Telecommunication Standardization Bureau'],
  ['TSAG', 'Telecommunication Standardization Advisory Group'],
  ['SG2', 'ITU-T Study Group 2'],
  ['SG3', 'ITU-T Study Group 3'],
  ['SG5', 'ITU-T Study Group 5'],
  ['SG11', 'ITU-T Study Group 11'],
  ['SG12', 'ITU-T Study Group 12'],
  ['SG13', 'ITU-T Study Group 13'],
  ['SG15', 'ITU-T Study Group 15'],
  ['SG17', 'ITU-T Study Group 17'],
  ['SG20', 'ITU-T Study Group 20'],
  ['SG21', 'ITU-T Study Group 21'],
  ['SCV', 'Standardization Committee for Vocabulary'],
  ['IRG-AVA', 'Intersector Rapporteur Group on Audiovisual Media Accessibility'],
  ['BDT', 'Telecommunication Development Bureau'],
  ['BR', 'Radiocommunication Bureau'],
  ['GS', 'General Secretariat'],
  ['RO-AFR', 'ITU Regional Office for Africa'],
  ['RO-AMS', 'ITU Regional Office for the Americas'],
  ['RO-ARB', 'ITU Regional Office for the Arab States'],
  ['RO-ASP', 'ITU Regional Office for Asia and the Pacific'],
  ['RO-CIS', 'ITU Regional Office for the CIS region'],
  ['RO-EUR', 'ITU Regional Office for Europe'],
];

const PARTNERS: [acronym: string, name: string][] = [
  ['IETF', 'Internet Engineering Task Force'],
  ['ISO', 'International Organization for Standardization'],
  ['IEC', 'International Electrotechnical Commission'],
  ['ISO/IEC JTC 1', 'ISO/IEC Joint Technical Committee 1'],
  ['ICANN', 'Internet Corporation for Assigned Names and Numbers'],
  ['UNEP', 'United Nations Environment Programme'],
  ['UNITAR', 'United Nations Institute for Training and Research'],
  ['BRS', 'Secretariat of the Basel, Rotterdam and Stockholm Conventions'],
  ['UNFCCC', 'United Nations Framework Convention on Climate Change secretariat'],
  ['WHO', 'World Health Organization'],
  ['WMO', 'World Meteorological Organization'],
  ['UNESCO', 'United Nations Educational, Scientific and Cultural Organization'],
  ['UNDP', 'United Nations Development Programme'],
  ['UNECE', 'United Nations Economic Commission for Europe'],
  ['UN-Habitat', 'United Nations Human Settlements Programme'],
  ['UN DESA', 'United Nations Department of Economic and Social Affairs'],
  ['World Bank', 'World Bank Group'],
  ['WCO', 'World Customs Organization'],
  ['WIPO', 'World Intellectual Property Organization'],
  ['ITU-D SG1', 'ITU-D Study Group 1'],
  ['ITU-D SG2', 'ITU-D Study Group 2'],
  ['APT', 'Asia-Pacific Telecommunity'],
  ['ASMG', 'Arab Spectrum Management Group'],
  ['ATU', 'African Telecommunications Union'],
  ['CEPT', 'European Conference of Postal and Telecommunications Administrations'],
  ['CITEL', 'Inter-American Telecommunication Commission'],
  ['RCC', 'Regional Commonwealth in the Field of Communications'],
  ['GSMA', 'GSM Association'],
  ['IEEE', 'Institute of Electrical and Electronics Engineers'],
  ['ETSI', 'European Telecommunications Standards Institute'],
  ['3GPP', '3rd Generation Partnership Project'],
  ['W3C', 'World Wide Web Consortium'],
  ['oneM2M', 'oneM2M Partnership Project'],
  ['ICNIRP', 'International Commission on Non-Ionizing Radiation Protection'],
  ['ILAC', 'International Laboratory Accreditation Cooperation'],
  ['NRO', 'Number Resource Organization'],
  ['AFRINIC', 'African Network Information Centre'],
  ['APNIC', 'Asia Pacific Network Information Centre'],
  ['LACNIC', 'Latin America and Caribbean Network Information Centre'],
  ['ISOC', 'Internet Society'],
  ['FIRST', 'Forum of Incident Response and Security Teams'],
  ['M3AAWG', 'Messaging, Malware and Mobile Anti-Abuse Working Group'],
];

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  ...UNITS.map(([acronym, name]) => ({ name, acronym, type: 'unit' as const })),
  ...PARTNERS.map(([acronym, name]) => ({ name, acronym, type: 'partner' as const })),
];

const BY_ACRONYM = new Map(DEMO_ORGANISATIONS.map((o) => [o.acronym, o]));

/** The organisation an acronym in the specs stands for; a typo is a programming error. */
export function organisation(acronym: string): DemoOrganisation {
  const org = BY_ACRONYM.get(acronym);
  if (!org) throw new Error(`demo plan: unknown organisation acronym "${acronym}"`);
  return org;
}

/** The study groups of the 2025-2028 period, for clauses addressed to all of them. */
export const ALL_STUDY_GROUPS = ['SG2', 'SG3', 'SG5', 'SG11', 'SG12', 'SG13', 'SG15', 'SG17', 'SG20', 'SG21'];
