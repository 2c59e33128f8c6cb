import type { DemoAction } from './plan.ts';
import { ALL_STUDY_GROUPS } from './plan-organisations.ts';

/** What kind of work an item is: chooses the wording of its progress updates and evidence. */
export type WorkKind = 'rec' | 'report' | 'event' | 'liaison' | 'study' | 'tool' | 'support' | 'service' | 'outreach' | 'funding' | 'procedure';
export type Recurrence = 'annually' | 'every TSAG meeting' | 'every 4 years';

/**
 * One hand-written action item of the demo plan. Sources are given as
 * "<resolution number>: <phrase of the operative clause>" (or
 * "<number>@<revision>: <phrase>" for an older revision) and resolved against
 * the parsed documents, so the plan never depends on a parser's path slugs.
 */
export interface ActionSpec {
  from: string[];
  title: string;
  /** Short noun phrase used in progress updates ("Workshop on {about} held in Nairobi"). */
  about: string;
  lead: string[];
  with?: string[];
  tags: string[];
  work: WorkKind;
  status: DemoAction['status'];
  every?: Recurrence;
  to?: 'TSAG' | 'Council' | 'WTSA' | 'PP';
  /** The Recommendation worked on, for `rec` items ("X.1500.2", or a draft name). */
  rec?: string;
  /** Why a superseded item was closed. */
  note?: string;
}

const SGS = ALL_STUDY_GROUPS;
const ROS = ['RO-AFR', 'RO-AMS', 'RO-ARB', 'RO-ASP', 'RO-CIS', 'RO-EUR'];
const RTOS = ['APT', 'ASMG', 'ATU', 'CEPT', 'CITEL', 'RCC'];

export const DEMO_ACTION_SPECS: readonly ActionSpec[] = [
  // Resolution 1 — rules of procedure
  { from: ['1: working methods guide'], title: 'Publish the updated ITU-T working methods guide', about: 'the updated working methods guide', lead: ['TSB'], tags: ['working-methods'], work: 'study', status: 'completed' },
  { from: ['1: use of the alternative approval process'], title: 'Report to each TSAG meeting on the use of the alternative approval process', about: 'the application of the alternative approval process', lead: ['TSB'], tags: ['working-methods'], work: 'report', status: 'ongoing', every: 'every TSAG meeting' },
  { from: ['1: offer remote participation'], title: 'Provide remote participation in all ITU-T meetings and report annually on its quality and cost', about: 'remote participation services', lead: ['TSB'], with: ['GS'], tags: ['working-methods'], work: 'service', status: 'ongoing', every: 'annually' },
  { from: ['1: creating, extending and closing focus groups'], title: 'Review focus group procedures and propose amendments to Recommendation ITU-T A.7', about: 'the focus group procedures', lead: ['TSAG'], with: ['TSB'], tags: ['working-methods'], work: 'rec', rec: 'A.7', status: 'in_progress' },
  { from: ['1: consolidated text of the rules of procedure'], title: 'Prepare a consolidated text of the ITU-T rules of procedure for WTSA-28', about: 'the consolidated rules of procedure', lead: ['TSAG'], with: ['TSB'], tags: ['working-methods'], work: 'study', status: 'not_started', to: 'WTSA' },
  { from: ['1: at least four weeks before the meeting'], title: 'Monitor compliance with the four-week deadline for meeting documents', about: 'the four-week document deadline', lead: ['TSB'], with: SGS, tags: ['working-methods'], work: 'procedure', status: 'in_progress' },

  // Resolution 2 — study group mandates
  { from: ['2: agree on a coordinated approach'], title: 'Agree a coordinated approach among study groups on AI and quantum work', about: 'coordination of AI and quantum work', lead: ['SG13', 'SG17'], with: ['SG20', 'TSB'], tags: ['AI', 'working-methods'], work: 'liaison', status: 'completed' },
  { from: ['2: maintain and publish a roadmap'], title: 'Publish a standardization roadmap for every lead study group topic', about: 'the lead study group roadmaps', lead: ['SG13', 'SG15', 'SG17', 'SG20'], with: ['TSB'], tags: ['working-methods'], work: 'tool', status: 'in_progress' },
  { from: ['2: monitor how work is distributed'], title: 'Monitor the distribution of work among study groups and recommend mandate adjustments', about: 'the distribution of work among study groups', lead: ['TSAG'], tags: ['working-methods'], work: 'report', status: 'not_started', every: 'every 4 years' },
  { from: ['2: effectiveness of the joint coordination activities'], title: 'Decide on the continuation of the joint coordination activities', about: 'the review of joint coordination activities', lead: ['TSAG'], with: ['TSB'], tags: ['working-methods'], work: 'study', status: 'completed' },
  { from: ['2: integration of the work programmes'], title: 'Merge the work programmes of former Study Groups 9 and 16 into SG21', about: 'the merged SG21 work programme', lead: ['SG21'], with: ['TSB'], tags: ['working-methods'], work: 'procedure', status: 'completed' },
  { from: ['2: new work items that may overlap'], title: 'Report new work items that may overlap with other groups to each TSAG meeting', about: 'potential overlaps of new work items', lead: SGS, with: ['ISO/IEC JTC 1', 'IETF'], tags: ['working-methods'], work: 'report', status: 'ongoing', every: 'every TSAG meeting' },
  { from: ['2: review their Questions by the middle'], title: 'Review all Questions at mid-period and propose deleting inactive ones', about: 'the mid-period review of Questions', lead: SGS, with: ['TSAG'], tags: ['working-methods'], work: 'procedure', status: 'not_started' },

  // Resolution 20 — numbering resources
  { from: ['20: needs of machine-type communications'], title: 'Review the E.164 and E.212 assignment criteria for machine-type communications', about: 'numbering for machine-type communications', lead: ['SG2'], with: ['GSMA', '3GPP'], tags: ['numbering', 'IoT'], work: 'rec', rec: 'E.212', status: 'in_progress' },
  { from: ['20: develop guidance that helps administrations'], title: 'Develop guidance for administrations on detecting and stopping numbering misuse', about: 'guidance on numbering misuse', lead: ['SG2'], with: ['SG3'], tags: ['numbering'], work: 'rec', rec: 'E.156', status: 'in_progress' },
  { from: ['20: mobile country code 901'], title: 'Review the criteria for the shared mobile country code 901 and report to WTSA-28', about: 'the assignment criteria for MCC 901', lead: ['SG2'], with: ['GSMA'], tags: ['numbering'], work: 'study', status: 'not_started', to: 'WTSA' },
  { from: ['20: public database of assigned international resources'], title: 'Keep the public database of assigned international numbering resources current', about: 'the database of assigned numbering resources', lead: ['TSB'], tags: ['numbering'], work: 'tool', status: 'ongoing', every: 'annually' },
  { from: ['20: report annually to Study Group 2'], title: 'Report annually to SG2 on numbering resources assigned, reserved and reclaimed', about: 'assigned, reserved and reclaimed resources', lead: ['TSB'], with: ['SG2'], tags: ['numbering'], work: 'report', status: 'ongoing', every: 'annually' },
  { from: ['20: consult the chair of Study Group 2'], title: 'Formalise consultation of SG2 and administrations before assigning or reclaiming resources', about: 'the consultation procedure for numbering assignments', lead: ['TSB'], with: ['SG2'], tags: ['numbering'], work: 'procedure', status: 'completed' },
  { from: ['20: every change to their national numbering plans'], title: 'Remind administrations to notify changes to their national numbering plans', about: 'national numbering plan notifications', lead: ['TSB'], tags: ['numbering'], work: 'outreach', status: 'completed' },

  // Resolution 29 — alternative calling procedures
  { from: ['29: misappropriation of calling line identification'], title: 'Develop Recommendations against the misappropriation of calling line identification', about: 'calling line identification misappropriation', lead: ['SG2'], with: ['GSMA'], tags: ['numbering'], work: 'rec', rec: 'E.157', status: 'in_progress' },
  { from: ['29: register of national positions'], title: 'Maintain the register of national positions on alternative calling procedures', about: 'the register of national positions', lead: ['SG2'], with: ['TSB'], tags: ['numbering'], work: 'tool', status: 'superseded', note: 'SG2 agreed to publish national positions in the same online register as the numbering misuse guidance (Resolution 20), and the item was merged into that one' },
  { from: ['29: economic impact on developing countries'], title: 'Study the economic impact of call-origin spoofing on developing countries', about: 'the economic impact of call-origin spoofing', lead: ['SG3'], with: ['ITU-D SG1'], tags: ['numbering', 'bridging-the-gap'], work: 'study', status: 'in_progress' },
  { from: ['29: detect and counter fraudulent calling practices'], title: 'Build capacity in developing countries to detect fraudulent calling practices', about: 'detecting fraudulent calling practices', lead: ['TSB', 'BDT'], with: ['RO-AFR', 'RO-ASP'], tags: ['numbering', 'capacity-building'], work: 'event', status: 'in_progress' },
  { from: ['29: describe their national experience'], title: 'Collect national experience of acting against prohibited calling procedures', about: 'national experience with prohibited calling procedures', lead: ['TSB'], with: ['SG2', 'SG3'], tags: ['numbering'], work: 'outreach', status: 'not_started' },

  // Resolution 34 — voluntary contributions
  { from: ['34: publish that list on the ITU-T website'], title: 'Publish the list of activities most in need of voluntary funding', about: 'the list of activities needing voluntary funding', lead: ['TSB'], tags: ['fund-raising'], work: 'tool', status: 'completed' },
  { from: ['34: voluntary contributions received'], title: 'Report to each TSAG meeting on voluntary contributions received and their use', about: 'voluntary contributions and their use', lead: ['TSB'], tags: ['fund-raising'], work: 'report', status: 'ongoing', every: 'every TSAG meeting' },
  { from: ['34: fellowship programme', '44: provide fellowships'], title: 'Raise voluntary funding for fellowships for delegates from least developed countries', about: 'the fellowship programme', lead: ['TSB'], with: ['GS'], tags: ['fund-raising', 'bridging-the-gap'], work: 'funding', status: 'in_progress' },
  { from: ['34: make voluntary contributions to the work'], title: 'Run a resource mobilisation campaign among members for Sector activities', about: 'the resource mobilisation campaign', lead: ['TSB'], with: ['GS'], tags: ['fund-raising'], work: 'funding', status: 'not_started' },

  // Resolution 40 — regulatory aspects
  { from: ['40: when a new work item is created'], title: 'Record a policy and regulatory assessment for every new work item', about: 'policy and regulatory assessments of work items', lead: SGS, with: ['TSB'], tags: ['working-methods'], work: 'procedure', status: 'in_progress' },
  { from: ['40: list of work items identified'], title: 'Publish per-study-group lists of work items with policy or regulatory implications', about: 'the lists of work items with regulatory implications', lead: ['TSB'], tags: ['working-methods'], work: 'tool', status: 'completed' },
  { from: ['40: written guidance'], title: 'Issue guidance to study group chairs on identifying regulatory implications', about: 'the guidance on regulatory implications', lead: ['TSB'], tags: ['working-methods'], work: 'procedure', status: 'completed' },
  { from: ['40: review how study groups apply'], title: 'Review how study groups apply Resolution 40 and report to WTSA-28', about: 'the application of Resolution 40', lead: ['TSAG'], tags: ['working-methods'], work: 'report', status: 'not_started', to: 'WTSA' },

  // Resolution 44 — bridging the standardization gap
  { from: ['44: capacity-building workshops per region'], title: 'Hold two capacity-building workshops per region on implementing ITU-T Recommendations', about: 'implementing ITU-T Recommendations', lead: ['TSB'], with: ['BDT', ...ROS], tags: ['bridging-the-gap', 'capacity-building'], work: 'event', status: 'in_progress' },
  { from: ['44: set up national standardization secretariats'], title: 'Assist developing countries in setting up national standardization secretariats', about: 'national standardization secretariats', lead: ['TSB'], with: ['BDT', 'ATU', 'CITEL'], tags: ['bridging-the-gap'], work: 'support', status: 'in_progress' },
  { from: ['44: indicators of the participation', '44: measure the progress of the programme'], title: 'Report participation indicators of developing countries to each TSAG meeting', about: 'participation indicators for developing countries', lead: ['TSB'], tags: ['bridging-the-gap'], work: 'report', status: 'ongoing', every: 'every TSAG meeting' },
  { from: ['44: mentoring scheme'], title: 'Run the mentoring scheme for newcomers from developing countries', about: 'the mentoring scheme', lead: ['TSB'], tags: ['bridging-the-gap', 'capacity-building'], work: 'service', status: 'ongoing', every: 'annually' },
  { from: ['44: ITU Academy'], title: 'Add standardization courses to the ITU Academy and the WTDC regional initiatives', about: 'standardization courses on the ITU Academy', lead: ['BDT'], with: ['TSB'], tags: ['bridging-the-gap', 'capacity-building'], work: 'event', status: 'completed' },
  { from: ['44: contribute to the fund'], title: 'Appeal to members for contributions to the bridging-the-gap fund', about: 'the bridging-the-gap fund', lead: ['TSB'], tags: ['bridging-the-gap', 'fund-raising'], work: 'funding', status: 'on_hold' },
  { from: ['44: four pillars'], title: 'Update the bridging-the-standardization-gap programme plan for 2025-2028', about: 'the 2025-2028 programme plan', lead: ['TSB'], with: ['BDT'], tags: ['bridging-the-gap'], work: 'study', status: 'completed' },

  // Resolution 48 — internationalized domain names
  { from: ['48: security and usability aspects'], title: 'Study the security and usability of internationalized domain names and email addresses', about: 'security and usability of IDNs', lead: ['SG17'], with: ['ICANN', 'IETF'], tags: ['internet', 'cybersecurity'], work: 'study', status: 'in_progress' },
  { from: ['48: making Member States aware'], title: 'Raise awareness among Member States of universal acceptance of IDNs', about: 'universal acceptance of IDNs', lead: ['TSB'], with: ['BDT', 'ICANN'], tags: ['internet', 'capacity-building'], work: 'event', status: 'in_progress' },
  { from: ['48: collect good practices'], title: 'Publish good practices on universal acceptance of IDNs', about: 'good practices on universal acceptance', lead: ['TSB'], tags: ['internet'], work: 'study', status: 'superseded', note: 'TSAG agreed to publish the good practices as part of the awareness toolkit prepared with BDT, so the item was merged into the awareness item' },
  { from: ['48: report to TSAG on the cooperation with ICANN'], title: 'Report to TSAG on cooperation with ICANN on internationalized domain names', about: 'cooperation with ICANN on IDNs', lead: ['TSB'], with: ['ICANN'], tags: ['internet'], work: 'report', status: 'not_started', every: 'annually' },

  // Resolution 50 — cybersecurity
  { from: ['50: assess the security implications'], title: 'Include a security considerations section in all new ITU-T Recommendations', about: 'security considerations in Recommendations', lead: SGS, with: ['TSB'], tags: ['cybersecurity', 'working-methods'], work: 'procedure', status: 'in_progress' },
  { from: ['50: security of artificial intelligence systems'], title: 'Develop Recommendations on the security of AI systems', about: 'security of AI systems', lead: ['SG17'], with: ['SG13', 'ISO/IEC JTC 1'], tags: ['AI', 'cybersecurity'], work: 'rec', rec: 'X.sec-AI', status: 'in_progress' },
  { from: ['50: migration of networks and services to quantum-safe'], title: 'Develop Recommendations on migrating networks to quantum-safe cryptography', about: 'migration to quantum-safe cryptography', lead: ['SG17'], with: ['ETSI', 'IETF'], tags: ['cybersecurity'], work: 'rec', rec: 'X.qsc-mig', status: 'in_progress' },
  { from: ['50: security compendium'], title: 'Keep the ITU-T security compendium and security manual up to date', about: 'the security compendium and manual', lead: ['SG17'], with: ['TSB'], tags: ['cybersecurity'], work: 'tool', status: 'ongoing', every: 'annually' },
  { from: ['50: software bills of materials'], title: 'Develop Recommendations on software supply chain security and software bills of materials', about: 'software supply chain security', lead: ['SG17'], with: ['ISO/IEC JTC 1'], tags: ['cybersecurity'], work: 'rec', rec: 'X.sbom', status: 'not_started' },
  { from: ['50: strengthen its cooperation on security topics'], title: 'Strengthen security coordination with ISO/IEC JTC 1 and the IETF', about: 'security standards coordination', lead: ['SG17'], with: ['ISO/IEC JTC 1', 'IETF', 'ETSI'], tags: ['cybersecurity'], work: 'liaison', status: 'ongoing', every: 'annually' },
  { from: ['50: regional cybersecurity workshops'], title: 'Organize regional cybersecurity workshops for developing countries', about: 'cybersecurity for developing countries', lead: ['TSB'], with: ['BDT', ...ROS], tags: ['cybersecurity', 'capacity-building'], work: 'event', status: 'in_progress' },
  { from: ['50: report annually to the Council'], title: 'Report annually to Council on the implementation of Resolution 50', about: 'the implementation of Resolution 50', lead: ['TSB'], tags: ['cybersecurity'], work: 'report', status: 'ongoing', every: 'annually', to: 'Council' },
  { from: ['50: national cybersecurity strategies'], title: 'Collect national cybersecurity strategy experience as input to SG17', about: 'national cybersecurity strategies', lead: ['TSB'], with: ['SG17'], tags: ['cybersecurity'], work: 'outreach', status: 'not_started' },

  // Resolution 52 — spam
  { from: ['52: email and messaging spam'], title: 'Update the anti-spam Recommendations to cover messaging channels', about: 'countering messaging spam', lead: ['SG17'], with: ['M3AAWG'], tags: ['cybersecurity'], work: 'rec', rec: 'X.1231', status: 'in_progress' },
  { from: ['52: robocalls', '52: spoofed numbers'], title: 'Develop joint SG17 and SG2 measures against robocalls and spoofed numbers', about: 'robocalls and spoofed numbers', lead: ['SG17', 'SG2'], with: ['GSMA'], tags: ['cybersecurity', 'numbering'], work: 'study', status: 'in_progress' },
  { from: ['52: national anti-spam frameworks'], title: 'Publish and maintain a compilation of national anti-spam frameworks', about: 'the compilation of anti-spam frameworks', lead: ['TSB'], tags: ['cybersecurity'], work: 'tool', status: 'completed' },
  { from: ['52: Internet Society'], title: 'Run spam awareness activities with ISOC and M3AAWG', about: 'spam awareness', lead: ['TSB'], with: ['ISOC', 'M3AAWG'], tags: ['cybersecurity', 'capacity-building'], work: 'event', status: 'completed' },
  { from: ['52: protecting their networks and users from spam'], title: 'Provide anti-spam technical assistance to developing countries on request', about: 'anti-spam assistance', lead: ['TSB'], with: ['BDT'], tags: ['cybersecurity', 'bridging-the-gap'], work: 'support', status: 'not_started' },

  // Resolution 54 — regional groups
  { from: ['54: encourage the creation of regional groups'], title: 'Support the creation of new regional groups where members request them', about: 'new regional groups', lead: ['TSB'], with: ['ATU', 'CITEL'], tags: ['regional-cooperation'], work: 'support', status: 'in_progress' },
  { from: ['54: terms of reference consistent'], title: 'Check regional group terms of reference against parent mandates and Recommendation ITU-T A.1', about: 'regional group terms of reference', lead: ['TSB'], with: ['TSAG'], tags: ['regional-cooperation', 'working-methods'], work: 'procedure', status: 'completed' },
  { from: ['54: secretariat assistance'], title: 'Provide secretariat and remote participation support to regional groups', about: 'support to regional groups', lead: ['TSB'], tags: ['regional-cooperation'], work: 'service', status: 'ongoing', every: 'annually' },
  { from: ['54: back to back'], title: 'Hold regional group meetings back to back with regional events', about: 'back-to-back regional group meetings', lead: ['TSB', 'BDT'], with: ROS, tags: ['regional-cooperation'], work: 'event', status: 'completed' },
  { from: ['54: activities and results of the regional groups'], title: 'Report to TSAG on regional group activities and results', about: 'regional group activities', lead: ['TSB'], tags: ['regional-cooperation'], work: 'report', status: 'ongoing', every: 'every TSAG meeting' },
  { from: ['54: give them feedback'], title: 'Give regional groups feedback on the outcome of their contributions', about: 'feedback to regional groups', lead: SGS, tags: ['regional-cooperation'], work: 'procedure', status: 'superseded', note: 'folded into the TSAG report on regional group activities, which now records the feedback of each parent study group' },
  { from: ['54: hosting and supporting meetings'], title: 'Agree hosting arrangements for regional group meetings with the regional organizations', about: 'hosting of regional group meetings', lead: ['TSB'], with: RTOS, tags: ['regional-cooperation'], work: 'liaison', status: 'in_progress' },

  // Resolution 58 — national CIRTs
  { from: ['58: readiness assessments and regional cyber drills'], title: 'Support national CIRTs through readiness assessments and regional cyber drills', about: 'CIRT readiness and cyber drills', lead: ['TSB', 'BDT'], with: ['FIRST', ...ROS], tags: ['cybersecurity', 'capacity-building'], work: 'event', status: 'in_progress' },
  { from: ['58: Forum of Incident Response'], title: 'Exchange good practice with FIRST and regional CIRT associations', about: 'CIRT good practice', lead: ['TSB'], with: ['FIRST'], tags: ['cybersecurity'], work: 'liaison', status: 'in_progress' },
  { from: ['58: information exchange among CIRTs'], title: 'Develop guidance on information exchange among CIRTs based on Recommendation ITU-T X.1500', about: 'CIRT information exchange', lead: ['SG17'], with: ['FIRST'], tags: ['cybersecurity'], work: 'rec', rec: 'X.1500.2', status: 'in_progress' },
  { from: ['58: made widely known to CIRTs'], title: 'Promote ITU-T incident-handling Recommendations among national CIRTs', about: 'incident-handling Recommendations', lead: ['TSB'], with: ['SG17'], tags: ['cybersecurity'], work: 'event', status: 'not_started' },
  { from: ['58: create a national CIRT where none exists'], title: 'Track the creation of national CIRTs in developing countries', about: 'the establishment of national CIRTs', lead: ['BDT'], with: ['TSB'], tags: ['cybersecurity', 'bridging-the-gap'], work: 'report', status: 'in_progress', to: 'Council' },

  // Resolution 64 — IPv6. Two items still cite the Geneva text: the plan is not yet carried over to
  // the New Delhi revision, which the carry-over page (old → new) proposes.
  { from: ['64@Rev. Geneva, 2022: allocation of IP addresses and its consequences'], title: 'Study IP address allocation and its consequences for developing countries', about: 'IP address allocation', lead: ['SG2'], with: ['NRO', 'ICANN'], tags: ['internet', 'bridging-the-gap'], work: 'study', status: 'on_hold' },
  { from: ['64: annual report to TSAG on IPv6', '64: monitoring the progress of IPv6 deployment'], title: 'Publish an annual report to TSAG on IPv6 deployment in developing countries', about: 'IPv6 deployment in developing countries', lead: ['TSB'], with: ['NRO', 'AFRINIC', 'APNIC', 'LACNIC'], tags: ['internet', 'bridging-the-gap'], work: 'report', status: 'ongoing', every: 'annually' },
  { from: ['64@Rev. Geneva, 2022: IPv6 training and hands-on workshops'], title: 'Organize IPv6 training and hands-on workshops in each region', about: 'IPv6 deployment', lead: ['TSB', 'BDT'], with: ['AFRINIC', 'APNIC', 'LACNIC', 'ISOC'], tags: ['internet', 'capacity-building'], work: 'event', status: 'in_progress' },
  { from: ['64: Number Resource Organization, the regional'], title: 'Coordinate IPv6 activities with the NRO, the regional Internet registries and ISOC', about: 'IPv6 cooperation', lead: ['TSB'], with: ['NRO', 'ISOC'], tags: ['internet'], work: 'liaison', status: 'in_progress' },
  { from: ['64: IPv6 in the Internet of things'], title: 'Develop Recommendations on IPv6 for IoT and future networks', about: 'IPv6 for IoT', lead: ['SG13'], with: ['SG20', 'IETF'], tags: ['internet', 'IoT'], work: 'rec', rec: 'Y.IPv6-IoT', status: 'in_progress' },
  { from: ['64: exchange of experience among network operators'], title: 'Set up an exchange of IPv6 experience among network operators', about: 'operator IPv6 experience exchange', lead: ['TSB'], with: ['ISOC', 'APNIC'], tags: ['internet'], work: 'event', status: 'completed' },
  { from: ['64: require it in public procurement'], title: 'Compile guidance on requiring IPv6 in public procurement', about: 'IPv6 in public procurement', lead: ['TSB'], with: ['BDT'], tags: ['internet'], work: 'study', status: 'not_started' },
  { from: ['64: share their experience of IPv6 deployment'], title: 'Collect IPv6 deployment case studies from members', about: 'IPv6 case studies', lead: ['TSB'], tags: ['internet'], work: 'outreach', status: 'completed' },
  { from: ['64@Rev. Geneva, 2022: report periodically to the Council'], title: 'Report periodically to Council on IPv6 deployment in developing countries', about: 'IPv6 deployment reporting to Council', lead: ['TSB'], tags: ['internet'], work: 'report', status: 'superseded', to: 'Council', note: 'the 2024 revision replaced reporting to the Council by an annual report to TSAG, which continues as a separate item' },
  { from: ['64@Rev. Geneva, 2022: IPv6 test laboratories'], title: 'Help developing countries establish IPv6 test laboratories', about: 'IPv6 test laboratories', lead: ['TSB'], with: ['BDT', 'AFRINIC'], tags: ['internet', 'bridging-the-gap'], work: 'support', status: 'superseded', note: 'the 2024 revision deleted the clause; pending requests are handled through the regional IPv6 workshops' },

  // Resolution 67 — languages and terminology
  { from: ['67: Coordination Committee for Terminology'], title: 'Coordinate ITU-T terminology with the ITU-R Coordination Committee for Terminology', about: 'terminology coordination with ITU-R', lead: ['SCV'], with: ['BR'], tags: ['languages'], work: 'liaison', status: 'ongoing', every: 'annually' },
  { from: ['67: submit to SCV, at an early stage'], title: 'Submit new terms from draft Recommendations to SCV at an early stage', about: 'early submission of new terms', lead: SGS, with: ['SCV'], tags: ['languages', 'working-methods'], work: 'procedure', status: 'in_progress' },
  { from: ['67: continue translating into all official languages'], title: 'Translate TAP-approved Recommendations into all six official languages', about: 'translation of Recommendations', lead: ['TSB'], with: ['GS'], tags: ['languages'], work: 'service', status: 'ongoing', every: 'annually' },
  { from: ['67: machine translation with human review'], title: 'Evaluate machine translation with human review for ITU-T Recommendations', about: 'machine translation of Recommendations', lead: ['TSB'], with: ['GS'], tags: ['languages', 'AI'], work: 'study', status: 'on_hold' },
  { from: ['67: Terms and Definitions database up to date'], title: 'Keep the ITU Terms and Definitions database up to date', about: 'the Terms and Definitions database', lead: ['TSB'], with: ['SCV'], tags: ['languages'], work: 'tool', status: 'ongoing', every: 'annually' },
  { from: ['67: procedure for reviewing new terms'], title: 'Agree a procedure for SCV review of new terms before consent or determination', about: 'the SCV review procedure', lead: ['SCV'], with: SGS, tags: ['languages', 'working-methods'], work: 'procedure', status: 'completed' },

  // Resolution 69 — non-discriminatory access
  { from: ['69: collect and analyse', '69: annual report to TSAG'], title: 'Collect and analyse reported incidents of discriminatory access to Internet resources', about: 'reported incidents of discriminatory access', lead: ['TSB'], tags: ['internet'], work: 'report', status: 'ongoing', every: 'annually' },
  { from: ['69: report to the Council on the implementation'], title: 'Report to Council on the implementation of Resolution 69', about: 'the implementation of Resolution 69', lead: ['TSB'], tags: ['internet'], work: 'report', status: 'not_started', every: 'annually', to: 'Council' },
  { from: ['69: any incident of discriminatory access'], title: 'Invite Member States by circular to report incidents of discriminatory access', about: 'incidents of discriminatory access', lead: ['TSB'], tags: ['internet'], work: 'outreach', status: 'completed' },

  // Resolution 70 — accessibility
  { from: ['70: telecommunication accessibility checklist'], title: 'Apply the telecommunication accessibility checklist in all study groups', about: 'the accessibility checklist', lead: SGS, with: ['SG21'], tags: ['accessibility', 'working-methods'], work: 'procedure', status: 'in_progress' },
  { from: ['70: captioning and accessible documents', '70: provide captioning at TSAG'], title: 'Provide captioning and accessible documents at TSAG and study group plenaries', about: 'captioning and accessible documents', lead: ['TSB'], with: ['GS'], tags: ['accessibility'], work: 'service', status: 'ongoing', every: 'every TSAG meeting' },
  { from: ['70: real-time text and captioning'], title: 'Develop Recommendations on real-time text and captioning services', about: 'real-time text and captioning', lead: ['SG21'], with: ['W3C'], tags: ['accessibility'], work: 'rec', rec: 'F.rtt-acc', status: 'in_progress' },
  { from: ['70: Intersector Rapporteur Group'], title: 'Coordinate audiovisual media accessibility work through IRG-AVA', about: 'audiovisual media accessibility', lead: ['SG21'], with: ['IRG-AVA', 'BR', 'BDT'], tags: ['accessibility'], work: 'liaison', status: 'ongoing', every: 'annually' },
  { from: ['70: students with disabilities'], title: 'Offer internships in TSB to students with disabilities', about: 'the internship scheme', lead: ['TSB'], with: ['GS'], tags: ['accessibility'], work: 'support', status: 'on_hold' },
  { from: ['70: accessible procurement'], title: 'Hold workshops on accessible ICT procurement with BDT', about: 'accessible ICT procurement', lead: ['TSB', 'BDT'], with: ['UN DESA'], tags: ['accessibility', 'capacity-building'], work: 'event', status: 'not_started' },

  // Resolution 72 — electromagnetic fields
  { from: ['72: massive MIMO'], title: 'Update base-station compliance Recommendations for massive MIMO and beamforming', about: 'EMF compliance of massive MIMO sites', lead: ['SG5'], with: ['IEC', 'IEEE'], tags: ['EMF'], work: 'rec', rec: 'K.100', status: 'in_progress' },
  { from: ['72: EMF estimator'], title: 'Maintain the EMF guide and EMF estimator application in all official languages', about: 'the EMF guide and estimator', lead: ['SG5'], with: ['TSB'], tags: ['EMF', 'languages'], work: 'tool', status: 'on_hold' },
  { from: ['72: communicating with the public'], title: 'Hold workshops on EMF measurement and communication with the public', about: 'EMF measurement and public communication', lead: ['TSB'], with: ['BDT', 'WHO'], tags: ['EMF', 'capacity-building'], work: 'event', status: 'in_progress' },
  { from: ['72: WHO, ICNIRP, IEC and IEEE'], title: 'Coordinate EMF work with WHO, ICNIRP, IEC and IEEE', about: 'EMF coordination', lead: ['TSB', 'SG5'], with: ['WHO', 'ICNIRP', 'IEC', 'IEEE'], tags: ['EMF'], work: 'liaison', status: 'ongoing', every: 'annually' },
  { from: ['72: widely available'], title: 'Make the EMF Recommendations and guides freely available to developing countries', about: 'free access to EMF publications', lead: ['TSB'], tags: ['EMF', 'bridging-the-gap'], work: 'tool', status: 'completed' },
  { from: ['72: national EMF exposure limits'], title: 'Survey national EMF exposure limits and measurement campaigns', about: 'national EMF exposure limits', lead: ['TSB'], with: ['SG5'], tags: ['EMF'], work: 'study', status: 'not_started' },

  // Resolution 73 — environment, climate change, circular economy
  // (two items still cite the Geneva text, one reworded in 2024, one renumbered: see Resolution 64)
  { from: ['73: footprint of artificial intelligence systems', '73: including artificial intelligence systems'], title: 'Develop Recommendations on the energy efficiency and footprint of AI systems and data centres', about: 'the environmental footprint of AI', lead: ['SG5'], tags: ['climate', 'AI'], work: 'rec', rec: 'L.AI-env', status: 'in_progress' },
  { from: ['73@Rev. Geneva, 2022: circular design, repair and recycling'], title: 'Develop Recommendations on circular design, repair and recycling of ICT equipment and batteries', about: 'circular design of ICT equipment', lead: ['SG5'], with: ['UNEP'], tags: ['climate', 'e-waste'], work: 'rec', rec: 'L.1023', status: 'in_progress' },
  { from: ['73: World Meteorological Organization'], title: 'Study ICTs for climate adaptation and early warning with WMO', about: 'ICTs for early warning', lead: ['SG5'], with: ['WMO'], tags: ['climate'], work: 'study', status: 'not_started' },
  { from: ['73: Global E-waste Monitor'], title: 'Contribute to the next Global E-waste Monitor with UNEP and UNITAR', about: 'the Global E-waste Monitor', lead: ['TSB'], with: ['BDT', 'UNEP', 'UNITAR', 'BRS'], tags: ['e-waste'], work: 'study', status: 'in_progress', every: 'every 4 years' },
  { from: ['73: Green Standards Week'], title: 'Organize the annual Green Standards Week and regional environment events', about: 'Green Standards Week', lead: ['TSB'], with: ['UNEP', 'UNFCCC'], tags: ['climate'], work: 'event', status: 'ongoing', every: 'annually' },
  { from: ['73: report annually to the Council'], title: 'Report annually to Council on the implementation of Resolution 73', about: 'the implementation of Resolution 73', lead: ['TSB'], tags: ['climate'], work: 'report', status: 'ongoing', every: 'annually', to: 'Council' },
  { from: ['73: L.1470'], title: 'Apply the L.1470 trajectory when advising on ICT sector emission targets', about: 'ICT sector emission targets', lead: ['SG5'], with: ['UNFCCC'], tags: ['climate'], work: 'study', status: 'completed' },
  { from: ['73@Rev. Geneva, 2022: take-back schemes'], title: 'Support national e-waste policies and take-back schemes', about: 'national e-waste policies', lead: ['TSB'], with: ['BDT', 'UNEP'], tags: ['e-waste', 'capacity-building'], work: 'support', status: 'in_progress' },
  { from: ['73: case studies on the use of ICTs'], title: 'Collect case studies on ICTs for climate change mitigation and adaptation', about: 'climate case studies', lead: ['SG5'], with: ['TSB'], tags: ['climate'], work: 'study', status: 'completed' },
  { from: ['73@Rev. Geneva, 2022: symposium'], title: 'Organize a biennial symposium on ICTs, the environment and climate change', about: 'the biennial environment symposium', lead: ['TSB'], tags: ['climate'], work: 'event', status: 'superseded', note: 'the 2024 revision replaced the biennial symposium by the annual Green Standards Week, followed as a separate item' },

  // Resolution 76 — conformance and interoperability
  { from: ['76: shall identify, in their work programmes'], title: 'Identify conformance testing candidates in every study group work programme', about: 'C&I candidate Recommendations', lead: SGS, with: ['SG11'], tags: ['conformance'], work: 'procedure', status: 'in_progress' },
  { from: ['76: develop test specifications'], title: 'Develop test specifications for IMT-2020 and IoT Recommendations', about: 'IMT-2020 and IoT test specifications', lead: ['SG11'], with: ['3GPP', 'ETSI'], tags: ['conformance', 'IoT'], work: 'rec', rec: 'Q.4068', status: 'in_progress' },
  { from: ['76: recognizing testing laboratories'], title: 'Define procedures for recognizing testing laboratories with ILAC and IEC', about: 'recognition of testing laboratories', lead: ['SG11'], with: ['ILAC', 'IEC'], tags: ['conformance'], work: 'study', status: 'on_hold' },
  { from: ['76: interoperability events together'], title: 'Organize interoperability events with industry forums', about: 'interoperability testing', lead: ['SG11'], with: ['TSB', 'ETSI'], tags: ['conformance'], work: 'event', status: 'completed' },
  { from: ['76: regional conformance and interoperability test centres'], title: 'Assist developing countries in establishing regional C&I test centres', about: 'regional C&I test centres', lead: ['TSB'], with: ['BDT'], tags: ['conformance', 'bridging-the-gap'], work: 'support', status: 'in_progress' },
  { from: ['76: maintain the ITU Conformity Database'], title: 'Maintain and promote the ITU Conformity Database', about: 'the ITU Conformity Database', lead: ['TSB'], tags: ['conformance'], work: 'tool', status: 'ongoing', every: 'annually' },
  { from: ['76: progress of the ITU C&I programme'], title: 'Report to Council on the progress of the ITU C&I programme', about: 'the ITU C&I programme', lead: ['TSB'], tags: ['conformance'], work: 'report', status: 'ongoing', every: 'annually', to: 'Council' },
  { from: ['76: ITU Mark programme'], title: 'Assess whether the conditions for an ITU Mark programme are met and report to WTSA-28', about: 'a possible ITU Mark programme', lead: ['TSAG'], with: ['TSB'], tags: ['conformance'], work: 'study', status: 'on_hold', to: 'WTSA' },

  // Resolution 78 — e-health
  { from: ['78: H.810'], title: 'Develop Recommendations on interoperability of personal connected health devices', about: 'connected health device interoperability', lead: ['SG21'], with: ['IEEE'], tags: ['e-health', 'IoT'], work: 'rec', rec: 'H.812.5', status: 'in_progress' },
  { from: ['78: health applications based on artificial intelligence'], title: 'Develop with WHO a framework for evaluating AI-based health applications', about: 'evaluation of AI for health', lead: ['SG21'], with: ['WHO'], tags: ['e-health', 'AI'], work: 'study', status: 'in_progress' },
  { from: ['78: exchange of health data'], title: 'Develop security and privacy guidance for the exchange of health data', about: 'health data security', lead: ['SG17'], with: ['WHO'], tags: ['e-health', 'cybersecurity'], work: 'rec', rec: 'X.1080.3', status: 'not_started' },
  { from: ['78: national digital health strategies'], title: 'Support national digital health strategies with WHO and BDT', about: 'national digital health strategies', lead: ['TSB'], with: ['BDT', 'WHO'], tags: ['e-health'], work: 'support', status: 'in_progress' },
  { from: ['78: Global Initiative on AI for Health'], title: 'Convene the annual meeting of the Global Initiative on AI for Health', about: 'the Global Initiative on AI for Health', lead: ['TSB'], with: ['WHO', 'WIPO'], tags: ['e-health', 'AI'], work: 'event', status: 'ongoing', every: 'annually' },
  { from: ['78: ministries of health'], title: 'Engage ministries of health in ITU-T e-health work', about: 'outreach to ministries of health', lead: ['TSB'], with: ['WHO'], tags: ['e-health'], work: 'liaison', status: 'not_started' },

  // Resolution 84 — protection of users
  { from: ['84: international mobile roaming'], title: 'Develop guidelines on transparent tariff information for roaming and digital services', about: 'transparent roaming tariffs', lead: ['SG3'], tags: ['consumer-protection'], work: 'rec', rec: 'D.98', status: 'in_progress' },
  { from: ['84: digital financial services'], title: 'Study consumer protection aspects of digital financial services', about: 'digital financial services', lead: ['SG3'], with: ['BDT', 'World Bank'], tags: ['consumer-protection'], work: 'study', status: 'completed' },
  { from: ['84: measure and compare the quality'], title: 'Develop methods for users to measure and compare QoS and QoE', about: 'user-side QoS measurement', lead: ['SG12'], tags: ['consumer-protection'], work: 'rec', rec: 'E.812.1', status: 'completed' },
  { from: ['84: workshop on consumer protection'], title: 'Hold a consumer protection workshop in each region', about: 'consumer protection', lead: ['TSB'], with: ['BDT', ...ROS], tags: ['consumer-protection', 'capacity-building'], work: 'event', status: 'in_progress' },
  { from: ['84: Study Groups 3 and 12 shall cooperate'], title: 'Coordinate SG3 and SG12 work on tariffs and quality of service', about: 'SG3 and SG12 coordination', lead: ['SG3', 'SG12'], tags: ['consumer-protection'], work: 'liaison', status: 'completed' },

  // Resolution 96 — counterfeit devices
  { from: ['96: verification of device identifiers'], title: 'Develop Recommendations on device identifier verification and counterfeit-detection architectures', about: 'device identifier verification', lead: ['SG11'], with: ['GSMA'], tags: ['counterfeiting'], work: 'rec', rec: 'Q.5055', status: 'in_progress' },
  { from: ['96: equipment identity registers'], title: 'Prepare a technical report on national equipment identity registers', about: 'national equipment identity registers', lead: ['SG11'], with: ['GSMA'], tags: ['counterfeiting'], work: 'study', status: 'completed' },
  { from: ['96: designing national solutions'], title: 'Assist Member States in designing national counterfeit-detection solutions', about: 'national counterfeit-detection solutions', lead: ['TSB'], with: ['BDT'], tags: ['counterfeiting'], work: 'support', status: 'not_started' },
  { from: ['96: customs officers'], title: 'Train regulators and customs officers on combating counterfeit devices', about: 'combating counterfeit devices', lead: ['TSB'], with: ['BDT', 'WCO'], tags: ['counterfeiting', 'capacity-building'], work: 'event', status: 'in_progress' },
  { from: ['96: World Customs Organization'], title: 'Cooperate with WCO, WIPO and industry associations on counterfeiting', about: 'anti-counterfeiting cooperation', lead: ['TSB', 'SG11'], with: ['WCO', 'WIPO', 'GSMA'], tags: ['counterfeiting'], work: 'liaison', status: 'ongoing', every: 'annually' },

  // Resolution 97 — mobile device theft
  { from: ['97: common interface'], title: 'Develop a Recommendation on a common interface for exchanging stolen device lists', about: 'cross-border stolen device lists', lead: ['SG11'], with: ['GSMA'], tags: ['counterfeiting'], work: 'rec', rec: 'Q.5052', status: 'in_progress' },
  { from: ['97: how device identifiers are tampered with'], title: 'Study identifier tampering and the countermeasures available', about: 'identifier tampering', lead: ['SG11'], tags: ['counterfeiting'], work: 'study', status: 'superseded', note: 'merged with the Resolution 96 item on device identifier verification, which now covers tampering' },
  { from: ['97: GSM Association'], title: 'Promote cross-border exchange of stolen device information with GSMA', about: 'stolen device information exchange', lead: ['TSB'], with: ['GSMA', 'APT', 'CITEL'], tags: ['counterfeiting', 'regional-cooperation'], work: 'liaison', status: 'completed' },

  // Resolution 98 — IoT and smart sustainable cities
  { from: ['98: digital twin platforms'], title: 'Develop Recommendations on city digital twin platforms and city data interoperability', about: 'city digital twins', lead: ['SG20'], with: ['ISO/IEC JTC 1'], tags: ['smart-cities', 'IoT'], work: 'rec', rec: 'Y.4605', status: 'in_progress' },
  { from: ['98: trustworthy IoT services'], title: 'Develop Recommendations on trustworthy AI-enabled IoT services', about: 'trustworthy AI-enabled IoT', lead: ['SG20'], with: ['SG13', 'SG17'], tags: ['IoT', 'AI'], work: 'rec', rec: 'Y.AI-IoT', status: 'not_started' },
  { from: ['98: joint work with oneM2M'], title: 'Continue joint IoT interoperability work with oneM2M', about: 'oneM2M cooperation', lead: ['SG20'], with: ['oneM2M'], tags: ['IoT'], work: 'liaison', status: 'ongoing', every: 'annually' },
  { from: ['98: support the U4SSC initiative'], title: 'Support U4SSC and the evaluation of cities against its key performance indicators', about: 'U4SSC city evaluations', lead: ['TSB'], with: ['UNECE', 'UN-Habitat'], tags: ['smart-cities'], work: 'support', status: 'in_progress' },
  { from: ['98: capacity-building events on IoT'], title: 'Hold IoT and smart city capacity-building events for developing countries', about: 'IoT and smart cities', lead: ['TSB'], with: ['BDT', 'UNDP'], tags: ['smart-cities', 'capacity-building'], work: 'event', status: 'completed' },
  { from: ['98: progress of IoT and smart city standardization'], title: 'Report to TSAG on progress in IoT and smart city standardization', about: 'IoT and smart city standardization', lead: ['TSB'], with: ['SG20'], tags: ['IoT', 'smart-cities'], work: 'report', status: 'ongoing', every: 'every TSAG meeting' },
  { from: ['98: open and interoperable basis'], title: 'Promote the U4SSC indicators and open sharing of city data', about: 'open city data', lead: ['SG20'], with: ['TSB', 'UNECE'], tags: ['smart-cities'], work: 'study', status: 'not_started' },
];
