/**
 * Hand-written, hand-annotated notes: every identifier is marked inline as [[TYPE|text]] by the
 * author; the generator strips the marks and records exact spans. Written fresh for Sanctum.
 */
export const HAND_NOTES: string[] = [
  `Wed [[DATE|14th Feb]]. [[PERSON|Bea]] came straight from her shift at the [[ORGANISATION|Co-op]] on [[LOCATION|Kirkgate]]. Talked about [[PERSON|Mikey]] again — the on/off boyfriend. She says he "isn't like that any more" but she's still checking his location on her phone every night. Her nan ([[PERSON|Pat]]) told her to leave him. Bea's [[AGE|93]]-year-old great-grandmother lives with them, which means no privacy at home. Next wk same time.`,

  `Session 11. [[PERSON|Tomasz]] spoke mostly in Polish phrases when upset today. He has been in [[LOCATION|Bradford]] since [[DATE|2016]] and works for an agency at the [[ORGANISATION|Morrisons]] depot. He misses his daughter [[PERSON|Zosia]], who stayed in [[LOCATION|Gdańsk]] with her mother. He video-calls her on Sundays. Last Tuesday he was told his contract may end. Low mood, no risk. He asked whether I would speak to his friend [[PERSON|Marek Zielinski]]; I explained confidentiality.`,

  `Supervision — [[DATE|3 June 2024]] with [[PERSON|Hilary]]. Brought the client I call "R." in my notes. R. is a retired headteacher of [[ORGANISATION|Scarcroft Primary]] and lives in [[LOCATION|Boston Spa]]. We discussed my irritation when he corrects my grammar. Hilary wondered whether I felt like a pupil. I did. Agreed to notice it rather than act on it.`,

  `Telephone session (client at her sister's in [[LOCATION|Whitby]]). [[PERSON|Harriet Quayle]] said the anniversary of [[PERSON|Joe]]'s death is on the [[DATE|22nd of August]] and she always goes to the bench at [[LOCATION|Sandsend]] where they scattered his ashes. She has booked a room at the [[ORGANISATION|Raithwaite Hotel]]. Her son [[PERSON|Will]] is driving her. We talked about how she will look after herself that day.`,

  `Child session, age 9. [[PERSON|Kai]] built a wall of sand between two families in the tray. He said the Lego man was "Dad in [[LOCATION|Dubai]]". His mum, [[PERSON|Leanne]], reports that contact with his father stopped in [[DATE|March 2023]]. His teacher at [[ORGANISATION|Ravenscliffe Academy]], Miss [[PERSON|Fairbairn]], has noticed him hiding under tables during fire drills. Review with Leanne on [[DATE|Thurs 9th]].`,

  `Client: [[PERSON|Dolores Achebe]], [[AGE|101]]. Seen at [[ORGANISATION|Meadowbank Care Home]], room 12. She remembered arriving at [[LOCATION|Tilbury]] on the Windrush in [[DATE|1948]] and her first job at [[ORGANISATION|Lyons]] tea shop. Her son [[PERSON|Clement]] (78) visits weekly from [[LOCATION|Croydon]]. She asked me to write to her pastor, Reverend [[PERSON|Osei-Tutu]], at [[ORGANISATION|New Testament Church of God]].`,

  `Intake 4/2. [[PERSON|Jaxon Reyes-Whitfield]], 19, sophomore at [[ORGANISATION|Boise State University]]. Lives off campus at [[ADDRESS|1412 W Franklin St]], [[LOCATION|Boise]], [[LOCATION|ID]] [[POSTCODE|83702]]. Came in after his RA, [[PERSON|Destiny]], found him in the stairwell. Reports his roommate [[PERSON|Colton]] has been posting about him on Snapchat. Cell [[PHONE|208-555-0143]]. Safety plan completed; crisis line given.`,

  `[[PERSON|Frank]] and [[PERSON|Joy Ellery]] (couple). Married [[DATE|1979]] at [[ORGANISATION|St Oswald's]] in [[LOCATION|Grasmere]]. [[PERSON|Joy]] says Frank has "gone quiet" since he retired from [[ORGANISATION|Sellafield]] in the spring. Frank said the retirement do was the worst night of his life. Their daughter [[PERSON|Hope]] emigrated to [[LOCATION|Perth]] last year and rarely calls. Joy cried when she described [[PERSON|Hope]]'s last visit. Agreed focus: loss, not communication skills.`,

  `GP liaison. Spoke to Dr [[PERSON|Rashida Begum]] at [[ORGANISATION|Bramley Village Health Centre]] on [[PHONE|0113 496 0721]] about [[PERSON|Connor]] (NHS [[ID|401 023 2137]]). She will review his sertraline. He is on the waiting list at [[ORGANISATION|Leeds and York Partnership NHS Foundation Trust]] for an ADHD assessment. Email follow-up sent to [[EMAIL|r.begum@nhs.net]].`,

  `Risk review [[DATE|12/11/2024]]. [[PERSON|Siobhan]] disclosed that her ex-partner [[PERSON|Dean Whitworth]] has been parking outside her flat at [[ADDRESS|Flat 4, 27 Cardigan Road]], [[LOCATION|Headingley]]. She has a non-molestation order (case no. [[ID|LS24F00931]]). Police ref [[ID|13240098871]]. IDVA is [[PERSON|Kerry-Ann]] at [[ORGANISATION|Leeds Women's Aid]]. She is staying with her friend [[PERSON|Nadia]] in [[LOCATION|Horsforth]] this week.`,
];
