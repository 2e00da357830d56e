/**
 * English for the activity catalog (GET /api/activities sends Chinese): each activity's description and each input's
 * display name and description, keyed by type name and input name. Mirrors src/Designer.Engine/Activities/**.
 * Chinese stays the default; `scripts/i18n-check.mjs` checks that every activity and input of the engine is here.
 */

export interface InputEn {
  displayName: string;
  description?: string;
}

export interface ActivityEn {
  description: string;
  inputs: Record<string, InputEn>;
}

/** The inputs every person step has (PersonStep.cs): Titles.Task, Titles.Scoring, Titles.CommitteeVote. */
const personStep: Record<string, InputEn> = {
  stage: { displayName: 'Stage' },
  assigneeOrg: {
    displayName: 'Assignee organisation',
    description:
      "e.g. <locality>/education; unit is the applicant's employer, county/hr the HR bureau of the applicant's county (county/<department> likewise), {locality} this workflow's locality.",
  },
  assigneeRole: { displayName: 'Assignee role' },
  form: { displayName: 'Form' },
  formGates: {
    displayName: 'Form conclusion gates',
    description:
      'The form\'s conclusion must agree with the action taken. Each: when the field (e.g. /conclusion) holds one of values (or, with empty true/false, is blank/filled), only the listed actions may be taken. E.g. [{"field": "/conclusion", "values": ["not-recommend"], "actions": ["reject"]}].',
  },
  deadlineDays: { displayName: 'Deadline (working days)', description: '0 means no deadline; when it passes, the "Overdue" port is taken.' },
  deadlineFrom: {
    displayName: 'Deadline counted from',
    description:
      'The earlier stage whose end starts the deadline (e.g. committee-vote: filing within N working days of the vote); empty counts from when this step opens.',
  },
  deadlineDate: {
    displayName: 'Deadline date',
    description: 'yyyy-MM-dd, e.g. 2022-12-15: after the end of that day the "Overdue" port is taken. When given, working days are not counted.',
  },
  instructions: { displayName: 'Instructions' },
};

export const catalogEn: Record<string, ActivityEn> = {
  'Elsa.Start': { description: 'Where the workflow begins.', inputs: {} },
  'Elsa.End': {
    description: 'Ends the flowchart it is in: unfinished work on the other branches ends with it.',
    inputs: {},
  },
  'Elsa.WriteLine': {
    description: 'Writes text to the output (for debugging and demos).',
    inputs: { text: { displayName: 'Text' } },
  },
  'Elsa.SetVariable': {
    description: 'Assigns a value to a workflow variable.',
    inputs: { variable: { displayName: 'Variable' }, value: { displayName: 'Value' } },
  },
  'Elsa.FlowDecision': {
    description: 'Takes "Yes" when the condition is true, otherwise "No".',
    inputs: { condition: { displayName: 'Condition' } },
  },
  'Elsa.FlowSwitch': {
    description: 'Chooses branches by condition: one port per case, "Default" when none holds.',
    inputs: { cases: { displayName: 'Cases' }, mode: { displayName: 'Matching' } },
  },
  'Elsa.FlowFork': {
    description: 'Starts all branches at once.',
    inputs: { branches: { displayName: 'Branches' } },
  },
  'Elsa.FlowJoin': {
    description: 'Continues once all branches (WaitAll) or any branch (WaitAny; waiting on the other branches is cancelled) arrive.',
    inputs: { mode: { displayName: 'Join mode' } },
  },
  'Elsa.FlowNode': { description: 'Does nothing and passes straight through (to merge connections).', inputs: {} },
  'Elsa.Fault': {
    description: 'Puts the workflow instance into the faulted state with the given message.',
    inputs: { code: { displayName: 'Code' }, message: { displayName: 'Message' } },
  },
  'Elsa.Delay': {
    description: 'Waits for a while, then continues (the timer survives a server restart).',
    inputs: { timeSpan: { displayName: 'Duration', description: 'e.g. 00:05:00 or 1.00:00:00' } },
  },
  'Elsa.StartAt': {
    description: 'Waits until a given date (and time), such as the committee session date, then continues; a date already past continues at once (the timer survives a server restart).',
    inputs: {
      dateTime: {
        displayName: 'Date and time',
        description: 'yyyy-MM-dd (at the start of that working day) or an ISO 8601 date-time, e.g. 2020-07-01 or 2020-07-01T10:00:00+08:00.',
      },
    },
  },
  'Elsa.Flowchart': { description: 'A nested flowchart; continues once all the work inside is done.', inputs: {} },
  'Titles.Task': {
    description:
      'A step handled by a role of an organisation (apply, recommend, review, correct, test, approve, file…); each action offered is a port.',
    inputs: {
      ...personStep,
      actions: { displayName: 'Actions offered' },
      mergeIntoApplication: {
        displayName: 'Merge submitted data into the application',
        description: "Steps such as apply or correction: the submitted form data updates the application's data.",
      },
    },
  },
  'Titles.Scoring': {
    description:
      'Experts score on a score sheet, with a bonus by workplace level and grassroots years; the total goes into a variable. Reaching the pass mark takes "Reached pass mark".',
    inputs: {
      ...personStep,
      criteria: { displayName: 'Scoring criteria' },
      grassrootsBonus: {
        displayName: 'Grassroots bonus',
        description: 'By workplace level: {"township": {"perYear": 1, "min": 2, "max": 10}, "county": {...}}',
      },
      passScore: { displayName: 'Pass mark', description: '0 means no pass mark.' },
      scoreVariable: { displayName: 'Total score variable' },
    },
  },
  'Titles.CommitteeVote': {
    description:
      'The committee votes: passed when the members present reach the quorum and the votes for reach the share, compared exactly (2/3 includes two thirds); a bottom elimination share and a pass rate cap (ranked among the session\'s candidates of one series) can be set.',
    inputs: {
      requirePublishedStandards: { displayName: 'Standards must be published', description: "The committee's standards must have been published on or before the day the vote starts (谁评审、谁定标准，提前向社会公布)." },
      ...personStep,
      committee: {
        displayName: 'Committee',
        description:
          "The committee that votes, e.g. aksu/committee/{series}-deputy-senior ({series} and {level} are the applicant's); it must be filed and cover this workflow's series and levels, and the vote task goes to its organiser office. A script returning nothing (e.g. on the county or unit path) leaves the step with its assignee organisation.",
      },
      quorum: { displayName: 'Quorum', description: 'The vote is valid only when at least this many members are present (vote).' },
      quorumShare: {
        displayName: 'Quorum share',
        description: "At least this share of the committee's members must be present, e.g. 2/3; empty or 0 uses the quorum count only.",
      },
      members: {
        displayName: 'Committee members',
        description: "The committee's (or review group's) size the quorum share is counted on; the session's recorded size comes first.",
      },
      passRatio: {
        displayName: 'Pass ratio',
        description: 'The least share of votes for among members present, compared exactly: 2/3 means two thirds or more.',
      },
      eliminationRounding: {
        displayName: 'Elimination rounding',
        description: 'How the elimination share becomes a number of people: up (a session under ten still eliminates one), down or nearest, as the document says.',
      },
      bottomEliminationRatio: {
        displayName: 'Bottom elimination ratio',
        description: "Share eliminated from the bottom of the session's ranking (per series), e.g. 1/10; 0 eliminates no one.",
      },
      passRateCap: {
        displayName: 'Pass rate cap',
        description: 'Most candidates of the session (per series) that may pass, as a share of its candidates rounded down, e.g. 3/5; 0 means no cap.',
      },
      rankBy: {
        displayName: 'Ranking variable',
        description: "The variable the session ranks by (e.g. the quantified score); when the workflow has no such variable, by the share of votes for.",
      },
      series: {
        displayName: 'Series evaluated',
        description:
          "The series this step evaluates (fill in when the workflow sends other series elsewhere, e.g. to an entrusted evaluation); empty means every series of this workflow. Publishing checks the committee for these series.",
      },
    },
  },
  'Titles.Entrustment': {
    description:
      "Where the locality cannot evaluate, the HR bureau's entrustment letter hands the application to another locality's committee and the step waits for the result it returns: passed continues (certificate), failed ends. Only the receiving committee's organiser office acts on it.",
    inputs: {
      ...personStep,
      committee: {
        displayName: 'Receiving committee',
        description:
          "Another locality's committee, e.g. <locality>/committee/{series}-junior ({series} and {level} are the applicant's); it must be filed and cover the applicant's series and level. The task goes to its organiser office.",
      },
      series: {
        displayName: 'Series entrusted',
        description: 'The series sent to entrusted evaluation; empty means every series of this workflow. Publishing checks the receiving committee for these series.',
      },
      entrustedBy: { displayName: 'Entrusting organisation', description: "The HR bureau issuing the entrustment letter; by default this locality's HR." },
      letterStage: {
        displayName: 'Entrustment letter stage',
        description: "The stage of the step where HR reviews the entrustment and issues the letter (e.g. entrustment); its form must hold the letter's number, or the application cannot be entrusted.",
      },
      letterField: { displayName: 'Letter number field', description: "The letter number's field in that step's form (a JSON pointer), /letterNumber by default." },
    },
  },
  'Titles.Publicity': {
    description: 'A publicity period in working days, during which objections can be lodged; afterwards it branches on whether there were any.',
    inputs: {
      stage: { displayName: 'Stage' },
      org: { displayName: 'Publishing organisation' },
      workingDays: { displayName: 'Period (working days)' },
      subject: { displayName: 'Notice text' },
      objectionForm: { displayName: 'Objection form' },
    },
  },
  'Titles.Eligibility': {
    description:
      'Checks eligibility automatically by rules: one qualification per year, excluded employment types, minimum years and custom conditions.',
    inputs: {
      oneQualificationPerYear: {
        displayName: 'One qualification per year',
        description: 'Ineligible when there is already any application this year (directed or general, any series).',
      },
      oneSeriesPerYear: { displayName: 'One series per year', description: 'Ineligible when another series was applied for this year.' },
      excludedEmploymentTypes: { displayName: 'Excluded employment types' },
      minimumYears: { displayName: 'Minimum years', description: 'e.g. {"grassrootsYears": 3}: the field must be at least the given value.' },
      rules: {
        displayName: 'Other conditions',
        description: 'Each: a condition (JavaScript, eligible only when true) and the reason given when it is not met.',
      },
      oneQualificationPerYearIgnores: {
        displayName: 'Earlier applications that do not count',
        description: 'History statuses one qualification per year ignores, e.g. rejected-at-eligibility and withdrawn.',
      },
      refuseActiveIntegrityRecord: {
        displayName: 'Refuse an active integrity record',
        description: 'Ineligible while a finding of the applicant is in force; the reason names the finding.',
      },
      basisTitleMustNotBeDirected: {
        displayName: 'Basis title not directed',
        description: 'A higher general title cannot rest on a directed title.',
      },
      basisTitleMustBeInForce: {
        displayName: 'A title to be re-evaluated or not for appointment is no basis for promotion',
        description:
          'When the register marks the title held as to be re-evaluated (reevaluate) or not for appointment at the current unit (restricted), no higher title may be applied for on it (on by default); re-evaluation at the same level is not affected.',
      },
      oneLevelAtATime: { displayName: 'One level at a time', description: 'The applied level must be the next above the title held.' },
    },
  },
  'Titles.RuleTable': {
    description: 'Matches the rules top to bottom and writes the first match’s output into a variable.',
    inputs: { rules: { displayName: 'Rules' }, outputVariable: { displayName: 'Output variable' } },
  },
  'Titles.Quota': {
    description: "Reserves or releases a post of the quota of the applicant's employer (directed posts counted apart).",
    inputs: {
      requireFiled: { displayName: 'Quota must be filed', description: 'A number set by the county but not yet filed with the supervising HR bureau stops the application, saying so; a unit with no number is not limited.' },
      operation: { displayName: 'Operation' },
      postKind: { displayName: 'Post kind', description: "directed or general; by default the application's kind." },
    },
  },
  'Titles.Certificate': {
    description: 'Confers the title and generates an electronic certificate number: series, level, directed or not, and where it is valid.',
    inputs: {
      issuer: { displayName: 'Issuing organisation' },
      series: { displayName: 'Series', description: "By default the application's series." },
      level: { displayName: 'Level', description: "By default the application's level; an initial recognition can use a rule table's output." },
      directed: { displayName: 'Directed' },
      validIn: { displayName: 'Valid in', description: 'e.g. southern Xinjiang; empty means valid everywhere.' },
      numberPrefix: { displayName: 'Certificate number prefix' },
      replaces: { displayName: 'Number of the certificate reissued', description: "For a reissue (补换发): the number of the old certificate in the applicant's register (e.g. the form's certificateNumber). The new certificate keeps that title's series, level, direction and area and replaces the old one." },
      obtainedOn: { displayName: 'Date the title was obtained', description: 'By default the issue date; when confirming a title obtained elsewhere, its original date (e.g. the form’s obtainedOn), from which years in the title count.' },
      titleSource: { displayName: 'Source of the title', description: 'certificate: issued here; other-region: a title obtained elsewhere and confirmed here.' },
    },
  },
  'Titles.TitleStatus': {
    description: "Registers a change in the standing of titles the applicant holds: lapsed, to be re-evaluated, or not to be used for appointment at the present unit. Goes to NoTitle when the register holds no matching title.",
    inputs: {
      status: { displayName: 'Register as', description: 'lapsed: the title lapses; reevaluate: to be re-evaluated (appointed at the old level until then); restricted: not to be used for appointment at the present unit.' },
      directedOnly: { displayName: 'Directed titles only', description: 'Register only titles obtained through directed evaluation (the default).' },
      series: { displayName: 'Series', description: 'Only titles of this series; empty means every series.' },
      reason: { displayName: 'Reason', description: 'Written into the register and shown on the public check, e.g. “moved outside the area where the directed title is valid”.' },
      registrar: { displayName: 'Registering organisation' },
    },
  },
  'Titles.Notify': {
    description: 'Sends a notification to the applicant or an organisation.',
    inputs: { to: { displayName: 'Recipient' }, message: { displayName: 'Message' } },
  },
  'Titles.RevokeTitle': {
    description:
      "Decides that a title the applicant obtained in a year (e.g. through another application in the same year) is cancelled: when the application ends its certificate is revoked, the title leaves the register and the integrity record notes it.",
    inputs: {
      year: { displayName: 'Year obtained', description: "The year the certificate was issued; 0 means this application's year." },
      series: { displayName: 'Series', description: 'Only titles of this series; empty means every title of that year.' },
      reason: { displayName: 'Reason' },
    },
  },
  'Titles.UnitApproval': {
    description:
      "HR approves the applying unit for autonomous evaluation: when the application completes, the organisation registry marks the unit as approved with the reference and date, and its staff's applications are then evaluated by the unit.",
    inputs: {
      reference: { displayName: 'Approval reference', description: "The document number of the approval, e.g. the approval form's documentNumber; written to the registry." },
      registrar: { displayName: 'Approving organisation' },
    },
  },
  'Titles.Conclude': {
    description: 'Ends the whole application: passed, not passed or regarded as withdrawn, with the reason recorded.',
    inputs: {
      result: { displayName: 'Outcome' },
      reason: { displayName: 'Reason' },
      recordsIntegrityFinding: {
        displayName: 'Records an integrity finding',
        description: "Fraud found: the ending writes a finding to the applicant's integrity record (3 years).",
      },
    },
  },
};
