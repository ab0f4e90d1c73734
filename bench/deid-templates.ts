/**
 * Note templates for the generated evaluation set. {{slot}} marks an identifier; the generator
 * fills it and records its exact span and type. Anything outside a slot is, by construction, not
 * an identifier (relations, durations, "last Tuesday", clinical terms).
 */
export const UK_TEMPLATES: string[] = [
  `Session 6 — {{d1}}
Seen {{cf}} (NHS {{nhs}}) for her sixth session. {{c}} arrived ten minutes late; she said the bus from {{town}} had been cancelled again. She described a difficult fortnight: her husband {{p}} has been working nights at {{employer}} and they have barely spoken. Their son {{k}}, who is in Year 5 at {{school}}, has started refusing to go in on Mondays, and the class teacher, Mrs {{t}}, phoned her last Tuesday to ask whether anything had changed at home.
{{c}} became tearful when talking about her mother, {{m}}, who died in {{yr}}. She said she has never grieved properly because she "had to hold everything together". We explored how that role began in childhood, when her father left and she looked after her younger brother {{s}}.
Risk: no thoughts of self-harm; protective factors are {{k}} and her friend {{f}}.
Plan: continue weekly; next session {{d2}}. I will write to her GP, Dr {{gp}} at {{surgery}}, with her consent.`,

  `Referral letter
{{surgery}}
{{street}}
{{town}}
{{pc}}

Date: {{d1}}

Dear Dr {{gp}},

Re: {{cf}}, date of birth {{dob}}, NHS number {{nhs}}
Address: {{street}}, {{town}} {{pc}}. Telephone {{phone}}.

Thank you for referring {{c}} to the counselling service. I saw her for an initial assessment on {{d2}}. She reports low mood since her redundancy from {{employer}} in {{month_yr}} and difficulty sleeping. She lives with her partner {{p}} and two children, {{k}} and {{k2}}. Her sister {{s}} lives nearby in {{town2}} and is supportive.
She scored 17 on the PHQ-9 and 12 on the GAD-7. There is no current risk to self or others.
I have offered twelve sessions of CBT starting the week of {{d3}}. Please do not hesitate to contact me on {{phone2}} or {{email}}.

Yours sincerely,
{{th}}
Counsellor, {{org}}`,

  `Older adult review — {{d1}}
{{cf}} is a {{age}}-year-old widow living alone in sheltered housing at {{street}}, {{town}}. Her daughter {{m}} visits on Sundays; her grandson {{k}} does her shopping. She was admitted to {{hospital}} after a fall on {{d2}} and has since been anxious about going out.
{{c}} talked at length about her late husband {{p}}, who worked for forty years at {{employer}}, and about growing up in {{town2}} during the war. She turned {{age}} in {{month}} and said she "never expected to be the last one left".
She is lonely rather than depressed. Her GP, Dr {{gp}}, has reviewed her medication. Her neighbour {{f}} checks on her daily.
Plan: fortnightly home visits; liaise with the warden, Mr {{t}}, about the lunch club.`,

  `Couples session 3 — {{d1}}
Present: {{cf}} and {{p}} {{pl}}.
The couple returned after a three-week gap. {{p}} said the argument over Christmas at his parents' house in {{town}} had "reset everything". {{c}} said she felt ganged up on by his mother, {{m}}, and his brother {{s}}.
They described their pattern: {{c}} pursues, {{p}} withdraws to the garage or goes to the gym at {{org}}. Both were able to name this today. {{p}} disclosed that he had been messaging an ex, {{f}}, which {{c}} discovered on {{d2}}.
Their daughter {{k}} (7) has been wetting the bed again; they agreed to speak to the school nurse at {{school}}.
Homework: one twenty-minute check-in each evening. Next appointment {{d3}}.`,

  `Supervision notes — {{d1}}
Supervisee: {{th}}. Supervisor: {{sup}}.
Client discussed: "{{c}}" (initials only in the supervision log; full record held at {{org}}).
{{th2}} brought her work with a 15-year-old girl who attends {{school}} and lives with her father in {{town}}. The girl has disclosed that her father's new partner, {{p}}, shouts at her and once locked her out overnight. The school's designated safeguarding lead, Mr {{t}}, has been informed.
We discussed thresholds for a referral to children's social care and the duty to record the disclosure verbatim, with the date ({{d2}}) and time.
{{th2}} noticed strong countertransference: the client reminds her of her own niece. We agreed she would take this to her personal therapy.
Actions: referral made to the MASH on {{d3}}; follow up with the DSL by Friday.`,

  `Safeguarding record
Date and time of disclosure: {{d1}}, 15:40.
Child: {{cf}}, DOB {{dob}}, Year 8 at {{school}}.
Address: {{street}}, {{town}}, {{pc}}.
{{c}} told me during our session that her stepfather, {{p}} {{pl}}, hit her with a belt on {{d2}} and that her mum, {{m}}, "didn't do anything". She showed me a bruise on her upper arm. Her older brother {{s}} has moved out to live with their grandmother in {{town2}}.
I did not ask leading questions. I told {{c}} I would need to share this to keep her safe.
Actions: phoned the DSL, {{t2}}, at 16:05; referral to children's social care (reference {{mrn}}); spoke to the duty social worker, {{f}} {{fl}}, on {{phone}}.`,
];

export const US_TEMPLATES: string[] = [
  `Progress note — {{d1}}
Client: {{cf}}. DOB: {{dob}}. MRN: {{mrn}}.
{{c}} presented with anxious affect. She reported that her manager at {{employer}} in {{town}}, {{t}}, has cut her hours, and she is behind on rent for the apartment at {{street}}, {{town}}, {{state_abbr}} {{zip}}.
Her boyfriend {{p}} has been supportive but is working double shifts. Her son {{k}} started kindergarten at {{school}} on {{d2}}.
She described a panic attack in the parking lot of {{org}} last week. We practiced paced breathing and reviewed her safety plan.
Insurance: SSN on file {{ssn}}; member ID {{mid}}.
Plan: continue weekly CBT; coordinate with her PCP, Dr. {{gp}}, at {{hospital}}. Next session {{d3}}.`,

  `Intake summary — {{d1}}
{{cf}}, age 34, was referred by Dr. {{gp}} of {{org}}. He moved to {{town}}, {{state}}, from {{town2}} in {{yr}} after his divorce from {{p}}.
He shares custody of his daughters {{k}} and {{k2}}; they live with their mother in {{town2}}.
He works as a line cook at {{employer}}. He reported drinking six to eight beers a night since his brother {{s}} died by suicide on {{d2}}.
Contact: cell {{phone}}, email {{email}}. Emergency contact: his mother, {{m}} {{cl}}, {{phone2}}.
Assessment: persistent complex bereavement, alcohol use disorder (moderate).
Plan: weekly individual therapy; referral to the IOP at {{hospital}}; ROI signed for Dr. {{gp}} on {{d3}}.`,

  `Family session — {{d1}}
Present: {{m}} {{cl}} (mother), {{k}} (14), {{k2}} (9). Father, {{p}}, joined by phone from {{town}}.
{{k}} has been suspended twice this semester from {{school}}. The assistant principal, Ms. {{t}}, has requested a meeting on {{d2}}.
{{m}} said the family's move from {{town2}} last summer was "the start of all this". {{k}} said she misses her best friend {{f}} and her grandmother, who is {{age}} and lives in a nursing home in {{town2}}.
We used a genogram; {{k2}} drew the family dog and left {{p}} out.
Plan: school meeting with the counselor; individual sessions for {{k}} starting {{d3}}.`,

  `Discharge summary
Client: {{cf}} | Record no. {{mrn}} | DOB {{dob}}
Dates of service: {{d1}} to {{d2}}.
{{c}} attended 14 sessions for postpartum depression following the birth of her son {{k}} on {{d3}}. Her husband {{p}} attended two sessions.
She has returned to work part time at {{employer}} and her mother-in-law, {{m}}, helps with childcare three days a week. Her EPDS fell from 19 to 6.
Relapse plan shared with her OB, Dr. {{gp}} at {{hospital}}, and with her primary care clinic, {{org}}.
Address at discharge: {{street}}, {{town}}, {{state_abbr}} {{zip}}. Phone {{phone}}.`,
];
