// Every word the console shows, in English: the catalogue every other locale (locales/*.ts) is checked against.
// `{name}` placeholders are filled by `format`; counts go through `plural`. Other locales load on demand
// (languages.ts) and are written into `t` before the console's modules evaluate, so `t.x.y` reads the officer's
// language everywhere, even in module-level constants.

export const en = {
  app: {
    loading: 'Loading…',
    unreachable: 'The console could not reach the server. Reload to try again.',
    signedInAs: 'Signed in as {email} ({role}).',
    signOut: 'Sign out',
    signedOut: 'You are signed out.',
    sessionEnded: 'Your session ended. Sign in again to go on.',
  },
  signIn: {
    heading: "Sign in to the officers' console",
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    missing: 'Enter your email address and password.',
    unreachable: 'The console could not reach the server. Try again.',
  },
  responses: {
    loadError: 'The petitions could not be loaded. Reload the page to try again.',
    loading: 'Loading petitions…',
    waitingHeading: 'Needs a response',
    waitingList: 'Petitions that need a response',
    waitingItem: '{count} signatures, past “{threshold}”',
    noneWaiting: 'No petition is waiting for a response.',
    allHeading: 'All petitions',
    allCaption: 'All petitions, newest first',
    petition: 'Petition',
    status: 'Status',
    signatures: 'Signatures',
    response: 'Response',
    publishedOn: 'Published {date}',
    noneYet: 'None yet',
    respond: 'Respond to “{title}”',
    formHeading: 'Response to “{title}”',
    summary: 'Summary (shown first, up to 2 000 characters)',
    body: 'The full response (optional; leave a blank line between paragraphs)',
    publish: 'Publish the response',
    publishedNow: 'Published now',
    summaryNeeded: 'Write a summary of the response.',
    published: 'The response to “{title}” is published. Residents see it on the petition now.',
    sendError: 'The response could not be sent. Try again.',
  },
  nav: {
    label: 'Console',
    petitions: 'Petitions',
    feedback: 'Feedback inbox',
    polls: 'Consultations',
    proposals: 'Proposals',
    audit: 'Audit log',
    mail: 'Mail',
  },
  common: {
    loading: 'Loading…',
    loadError: 'This page could not be loaded. Reload the page to try again.',
    sendError: 'The change could not be sent. Try again.',
    showMore: 'Show more',
    filter: 'Filter',
    any: 'Any',
    cancel: 'Cancel',
  },
  attention: {
    heading: 'What needs attention first',
    newComments: { one: '{count} new comment this week', other: '{count} new comments this week' },
    noNewComments: 'No new comment this week.',
    opening: '“{question}” opens {date}',
    closing: '“{question}” closes {date}',
    noPolls: 'No consultation opens or closes this week.',
    proposals: {
      one: '{count} proposal waits for moderation',
      other: '{count} proposals wait for moderation',
    },
    noProposals: 'No proposal waits for moderation.',
    failedMail: { one: '{count} email could not be delivered', other: '{count} emails could not be delivered' },
  },
  inbox: {
    heading: 'Feedback inbox',
    topic: 'Topic',
    scale: 'Rating scale',
    scales: { thumbs: 'Yes or no', stars: 'Stars', smileys: 'Smileys', nps: 'Recommend (0 to 10)' },
    from: 'From (first day)',
    to: 'To (last day)',
    withComment: 'Only ratings with a comment',
    status: 'Status',
    statuses: { new: 'New', read: 'Read', actioned: 'Actioned' },
    list: 'Ratings and comments, newest first',
    shown: { one: '{count} rating shown', other: '{count} ratings shown' },
    more: 'Show more ratings',
    empty: 'No rating matches this filter.',
    csv: 'Download these ratings as CSV',
    badDates: 'The first day must be on or before the last day.',
    onPage: 'On {page}',
    noComment: 'No comment.',
    rating: {
      thumbs0: 'No',
      thumbs1: 'Yes',
      stars: '{value} of 5 stars',
      smileys: '{value} of 5',
      nps: '{value} of 10',
    },
    markRead: 'Mark as read',
    markActioned: 'Mark as actioned',
    note: 'What was done (kept with the comment; residents do not see it)',
    saveActioned: 'Save as actioned',
    noteNeeded: 'Say what was done before marking the comment actioned.',
    marked: 'The comment of {date} is marked {status}.',
    actionedBy: 'Actioned by {who} on {date}: {note}',
  },
  polls: {
    heading: 'Consultations',
    list: 'Every consultation, newest first',
    empty: 'There is no consultation yet.',
    question: 'Question',
    status: 'Status',
    statuses: { upcoming: 'Not open yet', open: 'Open', closed: 'Closed' },
    votes: 'Votes',
    window: 'Open',
    actions: 'Actions',
    always: 'Always',
    results: 'Results of “{question}”',
    showResults: 'Results of “{question}”',
    close: 'Close “{question}”',
    csv: 'Votes in “{question}” as CSV',
    closed: '“{question}” is closed. Residents can no longer vote.',
    option: 'Option',
    firstChoices: 'First choices',
    points: 'Points (ranked)',
    hidden: 'Hidden (fewer than {count})',
    total: { one: '{count} vote in all', other: '{count} votes in all' },
    create: 'Create a consultation',
    description: 'Description (optional)',
    kind: 'Kind of poll',
    kinds: { single: 'One choice', multiple: 'Several choices', ranked: 'Ranked (order of preference)' },
    options: 'Options (one a line, at least two)',
    maxChoices: 'Most options one resident may choose (several choices only)',
    opensAt: 'Opens (optional; now if empty)',
    closesAt: 'Closes (optional)',
    visibility: 'When residents see the results',
    visibilities: {
      after_vote: 'After they vote',
      after_close: 'After it closes',
      always: 'Always',
      never: 'Never (officers only)',
    },
    suppressBelow: 'Hide counts below (so that small groups cannot be identified)',
    id: 'Identifier, to embed it (optional; made from the question if empty)',
    idError: 'The identifier may hold letters, digits, dots, dashes and underscores only (up to 100).',
    submit: 'Create the consultation',
    created: '“{question}” is created. Embed it with <civic-poll poll-id="{id}">.',
    errorSummary: 'There is a problem',
    errors: {
      question: 'Write the question (up to 500 characters).',
      options: 'Give at least two options, each on its own line and different (up to 50).',
      maxChoices: 'The most options to choose must be a whole number from 1 to the number of options.',
      window: 'The closing time must be after the opening time.',
      suppressBelow: 'Hide counts below must be a whole number, 0 or more.',
    },
  },
  petitions: {
    create: 'Create a petition',
    title: 'Petition title (up to 300 characters)',
    summary: 'Petition summary (shown first, up to 2 000 characters)',
    body: 'The petition’s full text (optional; leave a blank line between paragraphs)',
    thresholds: 'Thresholds (one a line: a number of signatures, a colon, what happens then)',
    thresholdsHint: 'For example “100: The council responds”.',
    closesAt: 'Closes (optional)',
    signerFields: 'Ask signers for, besides name and email',
    signerFieldNames: { postcode: 'Postcode', country: 'Country' },
    allowPublicName: 'Signers may choose to show their name publicly',
    requiresConfirmation: 'Signatures count only once confirmed by email',
    privacyNoticeUrl: 'Address of the privacy notice (https://…)',
    id: 'Identifier, to embed it (optional; made from the title if empty)',
    submit: 'Create the petition',
    edit: 'Edit “{title}”',
    save: 'Save the changes',
    saved: 'The changes to “{title}” are saved.',
    created: '“{title}” is created. Embed it with <civic-petition petition-id="{id}">.',
    close: 'Close “{title}”',
    closed: '“{title}” is closed. Residents can no longer sign.',
    csv: 'Signatures to “{title}” as CSV',
    actions: 'Actions',
    perDay: 'Signatures per day to “{title}”',
    chartLabel: 'Bar chart of signatures per day, from {first} to {last}; the table below gives each day’s number.',
    noSignatures: 'Nobody has signed yet.',
    day: 'Day',
    signatures: 'Signatures',
    errorSummary: 'There is a problem',
    errors: {
      title: 'Write the title (up to 300 characters).',
      summary: 'Write the summary (up to 2 000 characters).',
      body: 'The full text may be up to 20 000 characters.',
      thresholds: 'Write each threshold as a whole number, a colon and what happens then.',
      closesAt: 'Give a valid closing date and time.',
      privacyNoticeUrl: 'Give the full address of the privacy notice, starting with https://.',
      id: 'The identifier may hold letters, digits, dots, dashes and underscores only (up to 100).',
    },
  },
  proposals: {
    list: 'Proposals waiting for moderation, oldest first',
    empty: 'No proposal waits for moderation.',
    byline: 'Proposed by {name} on {date}',
    sponsors: { one: '{count} confirmed sponsor', other: '{count} confirmed sponsors' },
    flagsHeading: 'Look at before deciding:',
    noFlags: 'Nothing flagged.',
    flags: {
      'near-duplicate': 'It resembles the open petition “{petition}”.',
      link: 'It contains a link.',
      'email-address': 'It contains an email address.',
    },
    publish: 'Publish “{title}”',
    reject: 'Reject “{title}”',
    publishHeading: 'Publish “{title}” as a petition',
    rejectHeading: 'Reject “{title}”',
    privacyNoticeUrl: 'Address of the privacy notice (https://…)',
    closesAt: 'Closes (optional)',
    confirmPublish: 'Publish the petition',
    reason: 'Why it is rejected',
    reasons: {
      duplicate: 'It duplicates another petition',
      'not-council-responsibility': 'It is not the council’s responsibility',
      offensive: 'It is offensive or defamatory',
      'personal-information': 'It contains personal information',
      advertising: 'It is advertising',
      'no-clear-action': 'It asks for no clear action',
    },
    note: 'Note to the creator (optional; shown with the proposal and mailed, up to 1 000 characters)',
    confirmReject: 'Reject the proposal',
    published: '“{title}” is published as a petition. Its creator is mailed.',
    rejected: '“{title}” is rejected. Its creator is mailed the reason.',
    errorSummary: 'There is a problem',
    errors: {
      privacyNoticeUrl: 'Give the full address of the privacy notice, starting with https://.',
      closesAt: 'Give a valid closing date and time.',
      reason: 'Choose why the proposal is rejected.',
      note: 'The note may be up to 1 000 characters.',
    },
  },
  audit: {
    heading: 'Audit log',
    actor: 'Who (email)',
    action: 'What (an action such as poll.close, or a kind such as poll)',
    list: 'Changes, newest first',
    when: 'When',
    who: 'Who',
    what: 'What',
    target: 'On',
    empty: 'No entry matches this filter.',
    more: 'Show older entries',
    script: 'a script (bearer token)',
    badFilter: 'Write an action as lower-case words with dots, such as poll.close, or a kind such as poll.',
    shown: { one: '{count} entry shown', other: '{count} entries shown' },
  },
  mail: {
    failedHeading: 'Mail that could not be delivered',
    failedList: 'Mail refused by the mail relay, oldest first',
    noneFailed: 'No mail has failed.',
    queuedHeading: 'Mail waiting to be sent',
    queuedList: 'Mail waiting to be sent, oldest first',
    noneQueued: 'No mail is waiting.',
    to: 'To',
    subject: 'Subject',
    written: 'Written',
    attempts: 'Attempts',
    reason: 'Why it failed (the relay’s answer)',
    nextAttempt: 'Next attempt',
    action: 'Action',
    now: 'As soon as possible',
    retry: 'Send again to {to}',
    retried: 'The mail to {to} is queued again.',
    notFailed: 'That mail is no longer failed; the list is reloaded.',
  },
  trends: {
    nav: 'Feedback trends',
    intro: 'How ratings move week by week, for one topic or one page. Each chart has its numbers in a table below it.',
    topic: 'Topic (optional)',
    page: 'Page address (optional, such as https://council.example/bins)',
    weeks: 'Weeks shown',
    show: 'Show the trends',
    badPage: 'Write the page address in full, starting with https://.',
    everything: 'all feedback',
    heading: 'Trends for {subject}, {first} to {last}',
    shown: 'Trends for {subject} shown.',
    week: 'Week',
    weekOf: 'Week {number}, {year} (from {day})',
    answers: 'Answers',
    noAnswers: 'No answers',
    few: '{value} (only {count})',
    fewNote: 'Fainter bars and “only” mark figures resting on fewer than {count} answers. An empty week has no bar.',
    noData: 'No answers in these weeks: {charts}.',
    chartLabel: '{title}, by week, {first} to {last}',
    charts: {
      answers: 'Answers per week',
      yes: 'Share of “yes”',
      stars: 'Average stars (of 5)',
      csat: 'CSAT: share of 4 or 5 out of 5',
      nps: 'NPS: promoters minus detractors',
    },
    resultsChart: 'Bar chart of the results of “{question}”',
    previewHeading: 'Preview: the consultation as residents will see it',
    previewNote: 'Nothing is sent from the preview: a vote in it is counted here only.',
    previewLoading: 'Loading the preview…',
    previewIncomplete: 'The preview appears once the question and two options are written.',
    previewError: 'The preview could not be loaded. The form still works.',
  },
  services: {
    nav: 'Services',
    search: 'Find services',
    words: 'Words in the name or description',
    category: 'Category',
    listHeading: 'Services found',
    found: { one: '{count} service found', other: '{count} services found' },
    noneFound: 'No service matches this search.',
    showing: 'Showing {shown} of {total}.',
    more: 'Show more services',
    name: 'Name',
    address: 'Address',
    categories: 'Categories',
    noCategory: 'None',
    actions: 'Actions',
    edit: 'Edit “{name}”',
    editHeading: 'Edit “{name}”',
    saved: '“{name}” is saved.',
    save: 'Save the service',
    errorSummary: 'There is a problem',
    organization: 'Organisation',
    description: 'Description (optional)',
    phone: 'Phone (optional)',
    email: 'Email address (optional)',
    url: 'Website (optional)',
    location: 'Where it is',
    locationName: 'Name of the place (optional)',
    lat: 'Latitude (for example 53.7997)',
    lng: 'Longitude (for example -1.5492)',
    postcode: 'Postcode (optional)',
    hours: 'Opening hours',
    timeZone: 'Time zone',
    weekly: 'Opening times (optional)',
    weeklyHint: 'One a line: a day (mo, tu, we, th, fr, sa, su) and two times, such as “mo 09:00-17:00”.',
    hoursNotes: 'Notes on opening (optional)',
    errors: {
      name: 'Give the service a name, up to 300 characters.',
      organization: 'Give the organisation that runs it, up to 300 characters.',
      description: 'The description may be up to 10 000 characters.',
      phone: 'The phone number may be up to 50 characters.',
      email: 'Give an email address such as help@council.example, or leave it empty.',
      url: 'Give the full website address, starting with https://, or leave it empty.',
      locationName: 'The name of the place may be up to 300 characters.',
      address: 'Give the address, up to 500 characters.',
      postcode: 'The postcode may be up to 16 characters.',
      lat: 'Give a latitude between -90 and 90.',
      lng: 'Give a longitude between -180 and 180.',
      timeZone: 'Give a time zone such as Europe/London.',
      weekly: 'Write each opening as a day and two times, such as “mo 09:00-17:00”.',
      hoursNotes: 'The notes may be up to 1 000 characters.',
      categories: 'Choose the categories again.',
    },
    categoriesHeading: 'Categories',
    categoryId: 'Identifier',
    serviceCount: 'Services',
    rename: 'Rename “{label}”',
    newName: 'New name for “{label}”',
    saveName: 'Save the name',
    renamed: 'The category is now called “{label}”.',
    addCategory: 'Add a category',
    categoryName: 'Name of the new category',
    newCategoryId: 'Identifier (optional; made from the name when left empty)',
    added: '“{label}” is added.',
    categoryNameNeeded: 'Give the category a name.',
    categoryTaken: 'A category with this identifier exists. Rename that one, or choose another identifier.',
    categoryInvalid: 'Use up to 100 letters, digits, dots, dashes or underscores for the identifier.',
    importHeading: 'Import services from an HSDS file',
    importIntro:
      'Choose an Open Referral HSDS 3.0 file (JSON, up to {limit} MB). Check it first: nothing is saved until you import.',
    file: 'HSDS file',
    check: 'Check the file',
    import: 'Import the services',
    noFile: 'Choose a file to check or import.',
    tooLarge: 'This file is {size} MB; the limit is {limit} MB. Split it into smaller files.',
    overLimit: 'This file is over the {limit} MB limit. Split it into smaller files.',
    notJson: '“{file}” is not a JSON file. Export the directory from your HSDS system as JSON.',
    checkReport: 'What the file holds',
    importReport: 'What was imported',
    wouldImport: { one: '{count} service can be imported.', other: '{count} services can be imported.' },
    wouldRefuse: { one: '{count} record would be refused.', other: '{count} records would be refused.' },
    imported: { one: '{count} service imported.', other: '{count} services imported.' },
    refused: { one: '{count} record refused.', other: '{count} records refused.' },
    checkedHint: 'Nothing is saved yet. Import the services to save them.',
    refusedCaption: 'Records refused, and why',
    record: 'Record',
    reason: 'Why',
    reasons: {
      'no location': 'It has no location: a service needs a place with an address and coordinates.',
      'no address': 'Its location has no address.',
      'invalid coordinates':
        'Its latitude or longitude is not a real place: latitude runs from -90 to 90, longitude from -180 to 180, and 0, 0 means not filled in.',
      'invalid id': 'Its id is missing or uses characters other than letters, digits, dots, dashes and underscores.',
      'no service name': 'The service has no name.',
      'no organization name': 'The organisation that runs the service has no name.',
      'service is inactive': 'The service is marked inactive.',
      'service is defunct': 'The service is marked defunct (closed for good).',
      invalidField: 'The field “{field}” does not meet the protocol’s rules.',
    },
  },
  oidc: {
    button: 'Sign in with your council account',
    orLocal: 'Or sign in with an account of this console:',
    errors: {
      failed: 'Signing in with your council account did not finish. Try again.',
      unavailable:
        'The council’s sign-in service could not be reached. Try again later, or use an account of this console.',
      noRole:
        'Your council account has no role in this console. Ask an administrator to give you the admin, editor or viewer role.',
      noEmail: 'Your council account gives no email address. Ask an administrator to add one.',
      disabled: 'Your account in this console is disabled. Ask an administrator.',
    },
  },
  language: {
    label: 'Language:',
    title: "Officers' console",
  },
};

export type Strings = typeof en;

/** One template per `Intl.PluralRules` category the language uses; `other` is always there. */
export type PluralForms = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

/**
 * What a locale's file must hold: every key of `en` (a missing or extra key fails the typecheck), text for text,
 * and its own plural forms where English has `one` and `other`.
 */
export type Catalog<T = Strings> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends { one: string; other: string }
      ? PluralForms
      : Catalog<T[K]>;
};

/** The strings in the officer's language; English until `install` writes another locale in. */
export const t: Strings = structuredClone(en);

/** The BCP 47 tag that Intl formats numbers, dates and plurals with. */
let intlLocale = 'en-GB';

/**
 * Writes a locale's strings over `t`, in place: modules that keep a section (`const s = t.inbox`) read the new
 * words. Anything the catalogue lacks stays English.
 */
export function install(catalog: Catalog, tag: string) {
  overwrite(t as unknown as Record<string, unknown>, catalog as unknown as Record<string, unknown>);
  intlLocale = tag;
  formats.clear();
}

function overwrite(target: Record<string, unknown>, source: Record<string, unknown>) {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    const isSection = typeof value === 'object' && value !== null && !('other' in value);
    if (isSection && typeof current === 'object' && current !== null) {
      overwrite(current as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
}

/** Fills `{name}` placeholders. */
export const format = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

// Intl objects are slow to make: one of each per page and language.
const formats = new Map<string, Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>();
const cached = <T extends Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T) => {
  if (!formats.has(key)) formats.set(key, make());
  return formats.get(key) as T;
};

/** A number in the officer's language. */
export const number = (value: number) => cached('number', () => new Intl.NumberFormat(intlLocale)).format(value);

/** The form of a counted phrase for `count`, filled. */
export const plural = (forms: PluralForms, count: number) => {
  const rules = cached('plural', () => new Intl.PluralRules(intlLocale));
  return format(forms[rules.select(count)] ?? forms.other, { count: number(count) });
};

const dateTime = () =>
  cached(
    'when',
    () => new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  );
const day = () => cached('day', () => new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone: 'UTC' }));

/** An instant as officers read it (UTC, as the server stores it, and said so). */
export const when = (iso: string) => `${dateTime().format(new Date(iso))} UTC`;
export const onDay = (iso: string) => day().format(new Date(iso));
