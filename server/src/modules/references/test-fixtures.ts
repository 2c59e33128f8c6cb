/**
 * A newer revision of PP Resolution 71, written for the tests: PP-18 texts cite
 * "Resolution 71 (Rev. Dubai, 2018)", which this makes outdated once imported.
 */
export const PP71_BUCHAREST = `RESOLUTION 71 (Rev. Bucharest, 2022)

Strategic plan for the Union, as revised for a test

(Minneapolis, 1998; Dubai, 2018; Bucharest, 2022)

The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),

considering

a) that a fixture needs a newer revision of a text the library already cites;

b) Resolution 64 (Rev. Dubai, 2018) of this conference and Resolution 2 (Rev. Dubai, 2018),

resolves

1 to keep this fixture short;

2 to cite Recommendation ITU-T A.1, which the library does not keep.
`;
