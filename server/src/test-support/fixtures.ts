/** A small resolution in the ITU layout, written for the tests. */
export const ITU_FIXTURE = `RESOLUTION 901 (Rev. Testville, 2026)

Keeping test fixtures honest

(Testville, 2022; Testville, 2026)

The World Telecommunication Standardization Assembly (Testville, 2026),

considering

a) that tests should use text their authors wrote;

b) that a fixture is only useful when it looks like the real thing,

noting

that the action plan depends on correctly split clauses,

resolves

1 to keep fixtures short;

2 that fixtures shall be reviewed at every assembly,

instructs the Director of the Telecommunication Standardization Bureau

1 to publish the fixtures on the website;

2 to report annually to TSAG on their use,

invites Member States

to contribute further fixtures.
`;

/** An older revision of the same resolution, to exercise lineage. */
export const ITU_FIXTURE_OLD = ITU_FIXTURE.replace('RESOLUTION 901 (Rev. Testville, 2026)', 'RESOLUTION 901 (Testville, 2022)')
  .replace('(Testville, 2022; Testville, 2026)\n\n', '')
  .replace('(Testville, 2026),', '(Testville, 2022),');
