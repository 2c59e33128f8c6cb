/**
 * Resolutions written for the overlap tests (ITU layout): two texts that
 * repeat most of each other (a merge), one that stands whole inside another
 * (a suppression), and one, of another conference, that shares nothing.
 */

const SHARED_GAP = [
  'a) that many developing countries still lack the engineers and the laboratories needed to take part in drafting international standards on an equal footing with other members;',
  'b) that regional workshops held jointly by the bureaux have helped delegates from developing countries prepare contributions and follow the work of the study groups between meetings;',
  'c) that remote participation lowers the cost of attending meetings but does not replace the experience gained by drafting and negotiating texts in person with other experts;',
];

const SHARED_GAP_OPERATIVE = [
  '1 to continue the fellowship programme that enables experts from developing countries to attend study group meetings, giving priority to first-time participants and to women engineers;',
  '2 to report every year to the advisory group on the number of experts trained, the contributions they submitted and the obstacles they met in taking part in the work;',
];

const SHARED_CONTAINED = [
  'a) that numbering resources are a limited public good whose misuse for fraudulent calls harms consumers, operators and the trust placed in international telecommunication services;',
  'b) that administrations which exchange information on misused numbers quickly and through a single contact point have reduced fraud on their networks within a few months;',
];

const SHARED_CONTAINED_OPERATIVE = [
  '1 to maintain a registry of national contact points for reporting misused numbering resources, and to make it available to administrations and operating agencies on request;',
  '2 to collect, with the help of the study group concerned, examples of good practice in tracing and blocking fraudulent calls, and to publish them in a form easy to consult;',
];

const WTSA = 'The World Telecommunication Standardization Assembly (Testville, 2026),';
const PP = 'The Plenipotentiary Conference of the International Telecommunication Union (Testville, 2026),';

function resolution(number: number, title: string, considering: string[], heading: string, operative: string[], formula = WTSA): string {
  return [
    `RESOLUTION ${number} (Rev. Testville, 2026)`,
    title,
    '(Testville, 2022; Testville, 2026)',
    formula,
    'considering',
    ...considering,
    heading,
    ...operative,
    '',
  ].join('\n\n');
}

export const GAP_A = resolution(
  911,
  'Bridging the standardization gap between developing and developed countries',
  SHARED_GAP,
  'instructs the Director of the Telecommunication Standardization Bureau',
  [
    ...SHARED_GAP_OPERATIVE,
    '3 to organize a yearly training course on the approval procedures for recommendations, held in a different region each year and open to delegates of every member;',
    '4 to publish the course material under an open licence, so that national standards bodies can translate it and run the course themselves without further cost;',
  ],
);

export const GAP_B = resolution(
  912,
  'Assistance to developing countries in bridging the standardization gap',
  [
    ...SHARED_GAP,
    'd) that the budget of the Union for fellowships has not grown with the number of requests it receives, so that many qualified applicants are turned away every year;',
    'e) that mentoring by experienced delegates shortens the time a newcomer needs before submitting a first contribution;',
  ],
  'instructs the Director of the Telecommunication Standardization Bureau',
  [
    ...SHARED_GAP_OPERATIVE,
    '3 to seek voluntary contributions for the fellowship programme from members and partners, and to account for their use in the annual financial report of the bureau;',
    '4 to pair each new delegate with an experienced rapporteur who can explain the working methods of the group during the first two meetings the delegate attends;',
  ],
);

export const FRAUD_SMALL = resolution(913, 'Misuse of numbering resources', SHARED_CONTAINED, 'instructs the Director of the Telecommunication Standardization Bureau', SHARED_CONTAINED_OPERATIVE);

export const FRAUD_LARGE = resolution(
  914,
  'Countering misuse and misappropriation of numbering resources',
  [...SHARED_CONTAINED, 'c) that calling line identification is often altered to hide where a fraudulent call comes from;'],
  'instructs the Director of the Telecommunication Standardization Bureau',
  [...SHARED_CONTAINED_OPERATIVE, '3 to study ways of verifying calling line identification across borders, in collaboration with the other bureaux.'],
);

export const UNRELATED = resolution(
  915,
  'Accessibility of meeting documents',
  ['a) that persons with disabilities should be able to read every document of the assembly with the tools they already use;'],
  'resolves',
  ['1 that documents shall be published in formats that screen readers can read.'],
  PP,
);

export const OVERLAP_FIXTURES = [
  { name: 'res911.txt', content: GAP_A },
  { name: 'res912.txt', content: GAP_B },
  { name: 'res913.txt', content: FRAUD_SMALL },
  { name: 'res914.txt', content: FRAUD_LARGE },
  { name: 'res915.txt', content: UNRELATED },
];
