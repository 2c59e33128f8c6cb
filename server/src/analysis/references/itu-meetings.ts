/**
 * Where and when ITU's treaty and sector conferences met: a revision such as
 * "(Rev. Buenos Aires, 2017)" names one meeting, hence one body (WTDC-17),
 * whatever body the surrounding text suggests. PP texts cite WTSA and WTDC
 * resolutions without saying whose they are ("Resolutions 47 and 48 (Rev.
 * Dubai, 2012) and 49 … of the World Telecommunication Standardization
 * Assembly": the list's body is printed once, far away), so without this a
 * WTSA-12 text would be read as a 2012 revision of a PP resolution and called
 * outdated. The library's own documents add to this list at resolution time.
 *
 * Years are those printed in the revision (WTSA-20 met in Geneva in 2022).
 */
export const ITU_MEETINGS: readonly (readonly [body: string, place: string, year: number])[] = [
  ['PP', 'Nice', 1989], ['PP', 'Geneva', 1992], ['PP', 'Kyoto', 1994], ['PP', 'Minneapolis', 1998],
  ['PP', 'Marrakesh', 2002], ['PP', 'Antalya', 2006], ['PP', 'Guadalajara', 2010], ['PP', 'Busan', 2014],
  ['PP', 'Dubai', 2018], ['PP', 'Bucharest', 2022],
  ['WTSA', 'Helsinki', 1993], ['WTSA', 'Geneva', 1996], ['WTSA', 'Montreal', 2000], ['WTSA', 'Florianópolis', 2004],
  ['WTSA', 'Johannesburg', 2008], ['WTSA', 'Dubai', 2012], ['WTSA', 'Hammamet', 2016], ['WTSA', 'Geneva', 2022],
  ['WTSA', 'New Delhi', 2024],
  ['WTDC', 'Buenos Aires', 1994], ['WTDC', 'Valletta', 1998], ['WTDC', 'Istanbul', 2002], ['WTDC', 'Doha', 2006],
  ['WTDC', 'Hyderabad', 2010], ['WTDC', 'Dubai', 2014], ['WTDC', 'Buenos Aires', 2017], ['WTDC', 'Kigali', 2022],
  ['WCIT', 'Dubai', 2012],
  ['RA', 'Geneva', 1995], ['RA', 'Geneva', 1997], ['RA', 'Istanbul', 2000], ['RA', 'Geneva', 2003], ['RA', 'Geneva', 2007],
  ['RA', 'Geneva', 2012], ['RA', 'Geneva', 2015], ['RA', 'Sharm el-Sheikh', 2019], ['RA', 'Dubai', 2023],
  ['WRC', 'Geneva', 1995], ['WRC', 'Geneva', 1997], ['WRC', 'Istanbul', 2000], ['WRC', 'Geneva', 2003], ['WRC', 'Geneva', 2007],
  ['WRC', 'Geneva', 2012], ['WRC', 'Geneva', 2015], ['WRC', 'Sharm el-Sheikh', 2019], ['WRC', 'Dubai', 2023],
];
