import type { WorkKind } from './plan-specs.ts';

/**
 * How the demo's progress updates are worded, per kind of work and phase of
 * the item's life. A phrasing returns null when it does not fit the item
 * (no partner to name, not a study-group-wide task); the narrator then tries
 * the next one.
 */
export type Phase = 'note' | 'start' | 'progress' | 'cycle' | 'complete' | 'hold' | 'supersede';

export interface Words {
  /** Who does the work: "SG17", "TSB and BDT", "the study groups". */
  unit: string;
  /** Where the work is discussed: the leading study group, else TSAG or SCV. */
  forum: string;
  /** The leading study group, or the first responsible unit. */
  sg: string;
  /** True when the item is addressed to every study group. */
  allGroups: boolean;
  partner: string | null;
  /** The units and the first partner, as a list: "TSB, SG5 and WHO". */
  parties: string;
  about: string;
  About: string;
  rec: string;
  to: string;
  /** A recent month (a meeting just held) and a coming one (a meeting being prepared). */
  month: string;
  nextMonth: string;
  city: string;
  n: number;
  m: number;
  /** Label of the document this update cites ("TSAG-TD 412", "C26/45"). */
  doc: string;
  circular: number;
  /** The item's progress after this update, so late-stage phrasings wait for late stages. */
  progress: number;
}

export type Phrase = (w: Words) => string | null;

const withPartner = (w: Words) => (w.partner ? ` with ${w.partner}` : '');

export const PHRASES: Record<WorkKind, Partial<Record<Phase, Phrase[]>>> = {
  rec: {
    note: [(w) => `Contributions invited on ${w.about}; ${w.sg} expects to open draft ${w.rec} at its next meeting.`],
    start: [
      (w) => `${w.sg} opened a work item on draft Recommendation ITU-T ${w.rec} (${w.about}) at its ${w.month} meeting and appointed two editors.`,
      (w) => `${w.sg} agreed the scope and a baseline text for draft Recommendation ITU-T ${w.rec} at its ${w.month} meeting.`,
    ],
    progress: [
      (w) => `Rapporteur group meeting in ${w.city} progressed draft ${w.rec}: ${w.n} contributions considered and a revised draft issued.`,
      (w) => (w.progress >= 40 ? `Draft ${w.rec} reached a stable text at the ${w.month} interim meeting; consent is targeted for the next ${w.sg} meeting.` : null),
      (w) => (w.partner ? `Liaison statement on draft ${w.rec} sent to ${w.partner}; its reply was received and reflected in the text.` : null),
      (w) => `Editors resolved ${w.n} comments on draft ${w.rec} by e-meeting; updated text circulated to the Question.`,
      (w) => (w.progress >= 60 ? `${w.sg} consented draft Recommendation ITU-T ${w.rec} at its ${w.month} meeting; AAP Last Call under way.` : null),
    ],
    complete: [
      (w) => `Recommendation ITU-T ${w.rec} approved under the alternative approval process and published.`,
      (w) => `${w.sg} approved Recommendation ITU-T ${w.rec} at its ${w.month} meeting; the pre-published version is online.`,
    ],
    hold: [
      (w) => `Work on draft ${w.rec} suspended: no contributions at the last two meetings; ${w.sg} will reconsider it at mid-period.`,
      (w) => (w.partner ? `Draft ${w.rec} put on hold pending related work in ${w.partner}.` : null),
    ],
  },
  report: {
    note: [(w) => `First report on ${w.about} scheduled for ${w.to}; outline to be agreed with the secretariat.`],
    start: [
      (w) => `Data collection for the report on ${w.about} launched; focal points asked to reply within six weeks.`,
      (w) => `Outline of the report on ${w.about} agreed with ${w.unit} management.`,
    ],
    progress: [
      (w) => `Progress report on ${w.about} submitted to ${w.to} as ${w.doc}; comments from members incorporated.`,
      (w) => `${w.n} replies received to the questionnaire on ${w.about}; analysis under way for the next report.`,
    ],
    cycle: [
      (w) => `Report on ${w.about} presented to ${w.to} (${w.doc}); ${w.to} took note and asked for an update at its next session.`,
      (w) => `Figures on ${w.about} for the period compiled and presented to ${w.to} (${w.doc}).`,
      (w) => `${w.to} discussed the report on ${w.about} (${w.doc}) and welcomed the new indicators.`,
    ],
    complete: [(w) => `Final report on ${w.about} presented to ${w.to} (${w.doc}); item closed.`],
    hold: [(w) => `Report on ${w.about} deferred: inputs from the regional offices still outstanding.`],
  },
  event: {
    note: [(w) => `Host countries being approached for events on ${w.about}; no date fixed yet.`],
    start: [
      (w) => `Programme of events on ${w.about} agreed${withPartner(w)}; first host identified in ${w.city}.`,
      (w) => `Call for hosts for events on ${w.about} issued by TSB Circular ${w.circular}.`,
    ],
    progress: [
      (w) => `Workshop on ${w.about} held in ${w.city}${withPartner(w)}: ${w.n + 30} participants from ${w.m} countries.`,
      (w) => `Online training on ${w.about} delivered to ${w.n + 60} participants; recordings and slides posted.`,
      (w) => `Regional session on ${w.about} in ${w.city} confirmed for ${w.nextMonth}; invitation letters sent.`,
    ],
    cycle: [
      (w) => `${w.month} edition held in ${w.city} with ${w.n + 80} participants; outcome report published.`,
      (w) => `Planning of the next edition started; host city ${w.city} confirmed for ${w.nextMonth}.`,
    ],
    complete: [(w) => `Last planned event on ${w.about} held in ${w.city}; summary report and lessons learned published.`],
    hold: [(w) => `Event on ${w.about} in ${w.city} postponed after the host withdrew; a new host is being sought.`],
  },
  liaison: {
    note: [(w) => `Contact points for ${w.about} being identified${w.partner ? ` in ${w.partner}` : ''}.`],
    start: [(w) => `Focal points for ${w.about} named in ${w.parties}; first coordination call held.`],
    progress: [
      (w) => `Liaison statement on ${w.about} sent to ${w.partner ?? 'the groups concerned'} (${w.doc}); reply received in ${w.month}.`,
      (w) => (w.partner ? `Joint session with ${w.partner} on ${w.about} held alongside the ${w.forum} meeting in ${w.city}.` : null),
      (w) => `Coordination meeting on ${w.about} agreed a shared work plan and a gap analysis.`,
    ],
    cycle: [
      (w) => `Yearly coordination meeting on ${w.about} held in ${w.city}; updated list of joint work items published.`,
      (w) => `Exchange of liaison statements on ${w.about} continued (${w.doc}); no new overlaps found.`,
    ],
    complete: [(w) => `Working arrangement on ${w.about} agreed${withPartner(w)}; follow-up is now regular business.`],
    hold: [(w) => `Coordination on ${w.about} paused while ${w.partner ?? 'the partner'} restructures its working groups.`],
  },
  study: {
    note: [(w) => `Terms of reference for the work on ${w.about} drafted; awaiting first contributions.`],
    start: [
      (w) => `Terms of reference for the work on ${w.about} agreed; call for contributions issued by TSB Circular ${w.circular}.`,
      (w) => `${w.forum === w.unit ? `${w.unit} appointed a rapporteur` : `${w.unit} named a project lead`} for ${w.about} and agreed a work plan.`,
    ],
    progress: [
      (w) => `Questionnaire on ${w.about} circulated; ${w.n + 20} replies received from Member States and Sector Members.`,
      (w) => `First draft on ${w.about} discussed at the ${w.month} meeting of ${w.forum}; ${w.n} contributions received.`,
      (w) => (w.progress >= 30 ? `Revised draft on ${w.about} circulated for comment (${w.doc}); comments due before the next meeting.` : null),
    ],
    cycle: [(w) => `Inputs on ${w.about} for this cycle collected; draft chapter shared with partners.`],
    complete: [(w) => `Output on ${w.about} agreed by ${w.forum} and published on the ITU-T website.`],
    hold: [(w) => `Work on ${w.about} on hold for lack of contributions; ${w.forum} will review it at mid-period.`],
  },
  tool: {
    note: [(w) => `Requirements for ${w.about} being collected from users.`],
    start: [(w) => `Requirements for ${w.about} gathered from ${w.n} users; work on the content started.`],
    progress: [
      (w) => `Beta version of ${w.about} released for testing; feedback from ${w.n + 10} users recorded.`,
      (w) => `${w.About} updated: ${w.n + 5} new entries since the last report.`,
    ],
    cycle: [
      (w) => `${w.About} refreshed for the period; ${w.n + 12} records updated and broken links fixed.`,
      (w) => `Use of ${w.about} reviewed: ${w.n * 40 + 300} visits last quarter; minor fixes released.`,
    ],
    complete: [(w) => `${w.About} published on the ITU-T website and announced by TSB Circular ${w.circular}.`],
    hold: [(w) => `Work on ${w.about} paused until funding is confirmed in the next biennial budget.`],
  },
  support: {
    note: [(w) => `No request received yet for ${w.about}; the offer will be announced to Member States.`],
    start: [(w) => `Call for requests for ${w.about} issued to Member States (TSB Circular ${w.circular}).`],
    progress: [
      (w) => `${w.n + 3} requests received for ${w.about}; ${Math.min(w.m, w.n + 3)} handled so far.`,
      (w) => `Advisory mission on ${w.about} carried out in ${w.city}${withPartner(w)}; mission report filed.`,
    ],
    cycle: [(w) => `Assistance on ${w.about} delivered to ${w.n + 8} beneficiaries this period.`],
    complete: [(w) => `Assistance on ${w.about} delivered to all requesting countries; final report published.`],
    hold: [(w) => `${w.About} on hold: no extra-budgetary funds received this year.`],
  },
  service: {
    note: [(w) => `Arrangements for ${w.about} being costed with the General Secretariat.`],
    start: [(w) => `${w.About} in place and announced to members by TSB Circular ${w.circular}.`],
    progress: [(w) => `${w.About} provided at ${w.m} meetings since the last report; feedback from delegates positive.`],
    cycle: [
      (w) => `${w.About} delivered for all ${w.month} meetings; ${w.n + 20} requests handled.`,
      (w) => `Use and cost of ${w.about} reported to ${w.to} (${w.doc}).`,
    ],
    complete: [(w) => `${w.About} now part of the standard meeting services; item closed.`],
    hold: [(w) => `${w.About} suspended: no budget line in the current biennium.`],
  },
  outreach: {
    note: [(w) => `Circular on ${w.about} drafted; to be issued after the next TSAG meeting.`],
    start: [(w) => `TSB Circular ${w.circular} issued inviting members to contribute on ${w.about}.`],
    progress: [
      (w) => `${w.n + 10} replies received on ${w.about}; a reminder was sent to administrations that have not replied.`,
      (w) => `Replies on ${w.about} summarised for ${w.forum} (${w.doc}).`,
    ],
    cycle: [(w) => `Yearly reminder on ${w.about} issued (TSB Circular ${w.circular}); ${w.n + 10} replies received.`],
    complete: [(w) => `Replies on ${w.about} compiled and published on the ITU-T website; item closed.`],
    hold: [(w) => `Circular on ${w.about} held back pending guidance from TSAG.`],
  },
  funding: {
    note: [(w) => `Funding needs for ${w.about} being costed before an appeal is made.`],
    start: [(w) => `Appeal for voluntary contributions to ${w.about} sent to members (TSB Circular ${w.circular}).`],
    progress: [
      (w) => `Pledges from ${w.m} members received for ${w.about}; CHF ${w.n * 25} 000 available so far.`,
      (w) => `Donor briefing on ${w.about} held alongside the ${w.month} TSAG meeting; two new pledges announced.`,
    ],
    cycle: [(w) => `Contributions to ${w.about} reported to TSAG (${w.doc}): ${w.m} donors this year.`],
    complete: [(w) => `Funding target for ${w.about} reached; donors acknowledged in the report to TSAG.`],
    hold: [(w) => `Appeal for ${w.about} on hold: no new contributions received this year.`],
  },
  procedure: {
    note: [(w) => `Approach to ${w.about} to be discussed at the next study group chairs' meeting.`],
    start: [
      (w) => (w.allGroups ? `TSB briefed study group chairs and vice-chairs on ${w.about} at the ${w.month} chairs' meeting.` : null),
      (w) => (w.allGroups ? null : `${w.unit} prepared a draft of ${w.about}${w.forum === w.unit ? '' : ` and shared it with ${w.forum}`}.`),
    ],
    progress: [
      (w) => (w.allGroups ? `Check of ${w.about} across study groups: ${Math.min(w.m, 9)} of 10 apply it fully.` : null),
      (w) => `TSAG discussed a contribution on ${w.about} at its ${w.month} meeting and asked for clearer guidance (${w.doc}).`,
      (w) => (w.allGroups ? null : `${w.forum} reviewed ${w.about} at its ${w.month} meeting; ${w.n} comments taken into account.`),
    ],
    cycle: [(w) => `Application of ${w.about} checked at the ${w.month} meetings; no issues raised.`],
    complete: [(w) => `TSAG endorsed ${w.about} (${w.doc}); now applied by all groups concerned.`],
    hold: [(w) => `Work on ${w.about} on hold until TSAG concludes its review of working methods.`],
  },
};
