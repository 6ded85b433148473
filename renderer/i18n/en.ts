// English, the reference language: every key the UI uses is here; the others follow its shape (typed).

// Sentences several Smile ID error codes share (jobError.smileId).
const SMILE_ID_SIDE = {
  reason: 'Smile ID had a problem on its side.',
  action: 'The kiosk will try again by itself.',
};
const WRONG_KEY_OR_CLOCK = {
  reason: 'Smile ID refused the request: the API key is wrong, or the kiosk clock is wrong.',
  action: 'A supervisor must check the API key, the environment and the kiosk clock.',
};
const MISSING_FIELD = {
  reason: 'Smile ID says some information is missing from the request.',
  action: 'Call support with the user ID and the time of this enrollment.',
};

export const en = {
  app: { title: 'Customer enrollment' },
  // The banner on every screen: where this kiosk's enrollments go (components/KioskModeBanner.tsx).
  kioskMode: {
    training: 'Training mode — nothing is sent to Smile ID',
    test: 'Test mode — enrollments go to the Smile ID sandbox, not to real customers',
    live: 'Live — enrollments are sent to Smile ID',
  },
  // Which kiosk this is and where it sends (home screen).
  where: {
    kiosk: 'Kiosk',
    branch: 'Branch',
    sendsTo: 'Sends to',
    place: 'Place',
    notSet: 'not set',
    environments: {
      training: 'Nowhere (training)',
      sandbox: 'Smile ID sandbox',
      production: 'Smile ID production',
      custom: 'Custom server',
    },
  },
  // Whose enrollment this is (consent, review and result screens).
  identity: { userId: 'User ID', reference: 'Reference' },
  common: {
    back: 'Back',
    cancel: 'Cancel',
    continue: 'Continue',
    close: 'Close',
    save: 'Save',
    done: 'Done',
    tryAgain: 'Try again',
    home: 'Back to start',
  },
  home: {
    newEnrollment: 'New enrollment',
    operator: 'Operator',
    settings: 'Settings',
    language: 'Language',
  },
  queue: {
    waiting_one: '{{count}} waiting',
    waiting_other: '{{count}} waiting',
    attention_one: '{{count}} needs attention',
    attention_other: '{{count}} need attention',
    sentToday: '{{count}} sent today',
    online: 'Online',
    offline: 'Offline — captures are kept and sent later',
    paused: 'Sending paused: {{reason}}',
    lastSent: 'Last sent {{when}}',
    neverSent: 'Nothing sent yet',
  },
  userId: {
    title: "Customer's user ID",
    hint: 'Type it or scan it.',
    // The kiosk's user ID rule in words: its lengths, and its characters when the pattern is a known one.
    rule: {
      length: '{{min}} to {{max}} characters.',
      letters_digits_dash_underscore: 'Letters, digits, dash (-) and underscore (_).',
      letters_digits: 'Letters and digits only.',
      digits: 'Digits only.',
    },
    label: 'User ID',
    submit: 'Continue',
    problems: {
      empty: 'Enter the user ID.',
      too_short: 'This user ID is too short: it needs at least {{min}} characters.',
      too_long: 'This user ID is too long: it may have at most {{max}} characters.',
      bad_characters: 'This user ID has characters that are not allowed.',
    },
    duplicateQueued: 'This user ID is already waiting to be sent from this kiosk.',
    duplicateEnrolled: 'This user ID was already enrolled from this kiosk.',
    duplicateBlocked: 'A second enrollment for this user ID is not allowed. Ask a supervisor.',
    continueAnyway: 'Continue anyway',
  },
  consent: {
    title: 'Your consent',
    body: 'We will take photos of your face to confirm your identity with Smile ID on behalf of the bank. The photos are encrypted on this kiosk and deleted once Smile ID has answered.',
    accept: 'I agree',
    decline: 'I do not agree',
  },
  capture: {
    title: 'Look at the camera',
    start: 'Start',
    preparing: 'Starting the camera…',
    progress: '{{count}} of {{total}}',
    prompts: {
      starting: 'Put your face in the oval',
      no_face: 'We cannot see a face. Look at the camera.',
      multiple_faces: 'Only one person, please.',
      too_far: 'Come a little closer.',
      too_close: 'Move back a little.',
      off_centre: 'Move your face to the middle of the oval.',
      too_dark: 'It is too dark. Face the light.',
      hold_still: 'Hold still…',
      smile: 'Now smile!',
      done: 'Done!',
    },
    restarted: 'We lost your face, so we started again.',
    timeout: {
      title: 'Please call the operator.',
      body: 'We could not take the photos. The operator can help you stand in the right place, or check the camera and the light.',
    },
  },
  camera: {
    title: 'Camera problem',
    not_found: 'No camera was found. Check that the camera is plugged in, then try again.',
    permission_denied:
      'The kiosk is not allowed to use the camera. Call a supervisor to allow camera access.',
    in_use: 'The camera is being used by another program. Close it, then try again.',
    unplugged: 'The camera was disconnected. Plug it back in, then try again.',
    unsupported: 'This device cannot use a camera here. Call a supervisor.',
    unknown: 'The camera could not start. Try again; if it repeats, restart the kiosk.',
    picker: {
      title: 'Camera',
      device: 'Which camera',
      defaultDevice: 'Default camera',
      unnamed: 'Camera {{number}}',
      missing: '{{name}} (not connected: the default camera is used)',
      savedCamera: 'The chosen camera',
      resolution: 'Picture size',
      resolutions: {
        '640x480': '640 × 480 (lightest)',
        '1280x720': '1280 × 720 (recommended)',
        '1920x1080': '1920 × 1080',
      },
      preview: 'Preview of the chosen camera',
      delivers: 'This camera gives {{width}} × {{height}}.',
      showNames: 'Show the camera names',
      noCameras: 'No camera is connected.',
    },
  },
  review: {
    title: 'Check the photo',
    submit: 'Use this photo',
    retake: 'Take again',
  },
  result: {
    saved: 'Saved — it will be sent automatically.',
    savedDetail:
      'The kiosk is offline. The enrollment is stored safely and will be sent when the network is back.',
    sending: 'Sending…',
    steps: {
      queued: 'Waiting to send',
      preparing: 'Preparing',
      uploading: 'Uploading photos',
      awaiting_result: 'Waiting for Smile ID',
    },
    approved: 'Enrolled',
    rejected: 'Not enrolled',
    provisional: 'Under review',
    provisionalDetail: 'The result will appear in the operator panel.',
    nextStep: {
      recapture: 'Take the photos again.',
      call_supervisor: 'Call a supervisor.',
      wait_for_review: 'Nothing to do now.',
    },
    recapture: 'Take the photos again',
    attention: 'This enrollment needs an operator.',
    failed: 'Could not save the enrollment.',
    submitted: 'Sent to Smile ID',
    submittedDetail: 'Smile ID has the photos. It sends the result to the bank directly.',
    // What each Smile ID result code means (app/smileid/result-codes.ts holds the same codes).
    codes: {
      '0840': 'Smile ID confirmed this customer.',
      '1240': 'Smile ID confirmed this customer after a review by a person.',
      '0841': 'The selfie and the other photos did not match.',
      '0843': 'The photos may not show a real, live person.',
      '0941': 'No face was found in the photos.',
      '0942': 'The photos were not clear enough.',
      '1241': 'A reviewer at Smile ID could not use the photos.',
      '1242': 'A reviewer at Smile ID found that the photos may not show a real, live person.',
      '0001': 'The selfie could not be used.',
      '0903': 'The photos did not reach Smile ID complete.',
      '0907': 'The photos may not show a real, live person.',
      '0842': 'A person at Smile ID is reviewing the photos.',
      '0844': 'A person at Smile ID is checking that the photos show a real, live person.',
      '0846': 'A person at Smile ID is checking that the photos show a real, live person.',
    },
    // For a result code the kiosk does not know: what Smile ID decided.
    fallback: {
      approved: 'Smile ID confirmed this customer.',
      rejected: 'Smile ID did not enroll this customer.',
      provisional: 'Smile ID is reviewing the photos.',
    },
  },
  // Why a job could not be sent, and what to do: by failure kind, Smile ID error code, or the kiosk's own problem
  // (app/smileid/failure-kinds.ts, error-codes.ts, app/job-problems.ts). Actions are whole sentences.
  jobError: {
    kinds: {
      network: {
        reason: 'No connection to Smile ID.',
        action: 'The kiosk will send it when the network is back.',
      },
      timeout: { reason: 'Smile ID did not answer in time.', action: 'The kiosk will try again by itself.' },
      server_error: {
        reason: 'Smile ID had a problem on its side.',
        action: 'The kiosk will try again by itself.',
      },
      tls: {
        reason: 'The kiosk could not make a secure connection to Smile ID.',
        action:
          'A supervisor must check the kiosk date and time, and whether the network blocks secure connections.',
      },
      upload_refused: {
        reason: 'The link for sending the photos was refused or had expired.',
        action: 'The kiosk will ask for a new link by itself.',
      },
      response_invalid: {
        reason: 'Smile ID sent an answer the kiosk could not read.',
        action: 'The kiosk will try again by itself. If this keeps happening, call support.',
      },
      response_signature_invalid: {
        reason: 'The kiosk could not check that the answers really come from Smile ID.',
        action: 'A supervisor must check the API key and the environment in Settings, and the network.',
      },
      response_stale: {
        reason: 'An answer from Smile ID was too old, or dated in the future.',
        action: 'A supervisor must check the kiosk date and time, and the network.',
      },
      response_not_this_job: {
        reason: 'An answer from Smile ID was about another enrollment.',
        action: 'A supervisor must check the network and call support.',
      },
      endpoint_not_allowed: {
        reason: 'The kiosk is set to send to an address it may not use.',
        action: 'A supervisor must choose the Smile ID sandbox or production in Settings.',
      },
      result_pending: {
        reason: 'Smile ID has not finished checking the photos yet.',
        action: 'The kiosk will ask again later.',
      },
    },
    smileId: {
      '2201': SMILE_ID_SIDE,
      '2301': SMILE_ID_SIDE,
      '2401': SMILE_ID_SIDE,
      '2314': {
        reason: 'Smile ID did not receive the photos.',
        action: 'The kiosk will send them again by itself.',
      },
      '2203': {
        reason: 'Smile ID could not read the photos the kiosk sent.',
        action: 'Take the photos again. If it happens again, call support.',
      },
      '2204': {
        reason: 'Smile ID refused the request: the partner ID or API key does not match the environment.',
        action: 'A supervisor must check the partner ID, the API key and the environment in Settings.',
      },
      '2205': WRONG_KEY_OR_CLOCK,
      '2405': WRONG_KEY_OR_CLOCK,
      '2207': {
        reason: 'This customer is blocked at Smile ID.',
        action: 'Call a supervisor. This customer cannot be enrolled at the kiosk.',
      },
      '2208': {
        reason: 'This customer was deleted at Smile ID.',
        action: 'Call a supervisor. This customer cannot be enrolled at the kiosk.',
      },
      '2209': {
        reason: 'This user ID is already enrolled with Smile ID.',
        action: 'Check the user ID. A supervisor can allow a new enrollment.',
      },
      '2210': {
        reason: 'Smile ID has no enrolled customer with this user ID.',
        action: 'Check the user ID.',
      },
      '2211': {
        reason: 'Smile ID asks for this customer to be enrolled again.',
        action: 'Call a supervisor to allow a new enrollment.',
      },
      '2212': {
        reason: 'Smile ID refused the kind of check the kiosk asked for.',
        action: 'Call support with the user ID and the time of this enrollment.',
      },
      '2213': MISSING_FIELD,
      '2413': MISSING_FIELD,
      '2215': {
        reason: 'Smile ID already has this enrollment.',
        action: 'The kiosk will continue the same enrollment by itself.',
      },
      '2216': { reason: 'Smile ID has no photo on file for this customer.', action: 'Call a supervisor.' },
      '2217': {
        reason: 'SmartSelfie is not turned on for this Smile ID account.',
        action: 'Call support: the account needs SmartSelfie.',
      },
      '2220': {
        reason: 'Production is not turned on for this Smile ID account.',
        action: 'A supervisor must choose the sandbox, or ask Smile ID to turn on production.',
      },
    },
    smileIdUnknown: {
      reason: 'Smile ID refused the enrollment with code {{code}}.',
      action: 'Call support and give them the code.',
    },
    internal: {
      photos_deleted: {
        reason: "This enrollment's photos were deleted from the kiosk, so it cannot be sent.",
        action: 'Enroll the customer again, then discard this entry.',
      },
      files_unreadable: {
        reason: "The kiosk could not read this enrollment's saved files.",
        action: 'Enroll the customer again, then discard this entry.',
      },
      files_missing: {
        reason: "This enrollment's files are missing from the kiosk, so it cannot be sent.",
        action: 'Enroll the customer again, then discard this entry.',
      },
    },
    imagesExpired: {
      cannot_send: {
        reason:
          "The customer's photos were deleted after the longest time the kiosk may keep them, before Smile ID received them.",
        action: 'Enroll the customer again, then discard this entry.',
      },
      answer_pending: {
        reason:
          "The customer's photos were deleted after the longest time the kiosk may keep them. Smile ID already has them, so its answer can still come.",
        action: 'Nothing to do now. If Smile ID asks for new photos, enroll the customer again.',
      },
      answer_pending_retry: {
        reason:
          "The customer's photos were deleted after the longest time the kiosk may keep them. Smile ID already has them, so its answer can still come.",
        action:
          'Press "$t(operator.retry)" to ask Smile ID for its answer; no photos are sent. If Smile ID asks for new photos, enroll the customer again.',
      },
    },
    // For a problem the kiosk has no words for: what kind of problem it is.
    byClass: {
      transient: { reason: 'Sending did not work this time.', action: 'The kiosk will try again by itself.' },
      permanent: { reason: 'This enrollment could not be sent.', action: 'Call a supervisor.' },
      systemic: {
        reason: 'Sending is stopped by a problem with the kiosk settings.',
        action: 'A supervisor must check the settings.',
      },
    },
  },
  // Why the whole queue is paused, when no Smile ID answer is the cause (app/job-problems.ts CIRCUIT_PROBLEMS).
  circuit: {
    not_configured: {
      reason: 'Smile ID is not set up on this kiosk.',
      action: 'A supervisor must enter the partner ID and the API key in Settings.',
    },
    clock_wrong: {
      reason: 'The kiosk clock is wrong, so Smile ID refuses its requests.',
      action: "A supervisor must set the kiosk's date, time and time zone.",
    },
  },
  // Errors main answers a request with, by KioskError code (app/errors.ts).
  kioskError: {
    invalid_request: {
      message: 'The kiosk could not accept this request.',
      action: 'Check what was entered and try again. If it repeats, restart the kiosk.',
    },
    invalid_image: { message: 'The photos could not be used.', action: 'Take the photos again.' },
    invalid_user_id: {
      message: 'This user ID is not valid.',
      action: 'Check the user ID and enter it again.',
    },
    consent_required: {
      message: "The customer's consent is needed first.",
      action: 'Go back and ask the customer for consent.',
    },
    duplicate_user: {
      message: 'This user ID already has an enrollment on this kiosk.',
      action: 'Ask a supervisor before you enroll this customer again.',
    },
    offline_budget_exceeded: {
      message: 'The kiosk holds too many unsent enrollments to take a new one.',
      action: 'Ask a supervisor: the kiosk must send its waiting enrollments first.',
    },
    disk_full: {
      message: 'The kiosk is running out of storage space.',
      action: 'Ask a supervisor: the kiosk must send its waiting enrollments first.',
    },
    pin_required: { message: 'This needs the operator PIN.', action: 'Enter the operator PIN.' },
    pin_invalid: { message: 'The PIN is not right.', action: 'Enter the PIN again.' },
    pin_locked: {
      message: 'Too many wrong PINs. PIN entry is locked for a while.',
      action: 'Wait, then try again.',
    },
    session_expired: { message: 'The operator session has ended.', action: 'Enter the operator PIN again.' },
    pin_change_required: {
      message: 'The operator PIN must be changed first.',
      action: 'Choose a new PIN of 6 to 12 digits.',
    },
    kiosk_locked: {
      message: 'This kiosk is locked: its operator PIN cannot be read.',
      action: 'Enter the supervisor recovery code, or ask an administrator to set up the kiosk again.',
    },
    not_found: {
      message: 'The kiosk could not find what was asked for.',
      action: 'Go back and try again.',
    },
    not_allowed: {
      message: 'This is not allowed right now.',
      action: 'Look at the enrollment again, or ask a supervisor.',
    },
    not_configured: {
      message: 'The kiosk is not fully set up for this.',
      action: 'A supervisor must finish the kiosk setup.',
    },
    unauthorized: { message: 'This screen may not use the kiosk.', action: 'Restart the kiosk.' },
    internal: {
      message: 'The kiosk hit an unexpected problem.',
      action: 'Go back to the start and try again. If it repeats, restart the kiosk.',
    },
  },
  shift: {
    title: 'Sign in to start your shift',
    operatorId: 'Operator ID',
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
    disabled: 'This operator is disabled. Ask a supervisor.',
    temporaryPin: 'Your PIN was set by a supervisor. Choose your own PIN of 6 to 12 digits.',
    newPin: 'Choose your new PIN',
    confirmPin: 'Enter your new PIN again',
    newPinRule: 'A PIN has 6 to 12 digits.',
    pinsDiffer: 'The two PINs are not the same. Start again.',
    enrolledBy: 'Enrolled by {{operator}}',
  },
  operators: {
    open: 'Operators',
    title: 'Operators',
    back: 'Back to the operator panel',
    columns: { id: 'Operator ID', name: 'Name', role: 'Role', status: 'Status' },
    roles: { operator: 'Operator', supervisor: 'Supervisor' },
    enabled: 'Can sign in',
    disabled: 'Disabled',
    pinToChoose: 'Must choose a new PIN',
    locked: 'PIN entry locked',
    recoveryAccount: 'The recovery code resets this PIN',
    disable: 'Disable',
    enable: 'Enable',
    resetPin: 'Reset PIN',
    makeSupervisor: 'Make supervisor',
    makeOperator: 'Make operator',
    add: 'Add an operator',
    name: 'Name',
    role: 'Role',
    temporaryPin: 'Temporary PIN (6 to 12 digits)',
    temporaryPinHint: 'Give the operator this PIN. At their first sign-in they choose their own.',
    resetTitle: 'New temporary PIN for {{name}}',
    created: '{{name}} was added. They sign in with the temporary PIN, then choose their own.',
    pinReset: 'The PIN of {{name}} was reset. They sign in with the temporary PIN, then choose their own.',
    idRule: '2 to 32 characters: lower-case letters, digits, dot, dash or underscore.',
    nameNeeded: 'Enter the name.',
    pinRule: 'A PIN has 6 to 12 digits.',
    idTaken: 'An operator with this ID already exists. Choose another ID.',
    lastSupervisor:
      'The kiosk must keep at least one supervisor who can sign in. Make another operator a supervisor first.',
  },
  pin: {
    title: 'Operator PIN',
    label: 'PIN',
    submit: 'Unlock',
    wrong: 'Wrong PIN.',
    triesLeft_one: 'Wrong PIN. {{count}} more try before PIN entry locks.',
    triesLeft_other: 'Wrong PIN. {{count}} more tries before PIN entry locks.',
    locked: 'Too many wrong PINs. PIN entry is locked until {{time}}.',
    forgot: 'Forgot the PIN?',
    pad: 'Number pad',
    erase: 'Erase the last digit',
    ok: 'OK',
  },
  changePin: {
    title: 'Choose a new operator PIN',
    required: 'The operator PIN must now have 6 to 12 digits. Choose a new one before you continue.',
    recovered: 'The recovery code is right. Choose a new operator PIN.',
    newPin: 'New PIN (6 to 12 digits)',
    confirm: 'New PIN again',
    submit: 'Save the new PIN',
  },
  recovery: {
    lockedTitle: 'This kiosk is locked',
    forgotTitle: 'Set a new operator PIN',
    reasons: {
      pin_hash_invalid: 'The operator PIN stored on this kiosk is damaged, so nobody can sign in with it.',
      pin_hash_missing: 'The operator PIN is missing from the kiosk settings, so nobody can sign in.',
      settings_unversioned:
        'The kiosk settings file was not one this app wrote, so the kiosk does not trust it.',
      settings_file_missing:
        'The kiosk settings file was missing. This kiosk was set up before, so it stays locked.',
    },
    lockedBody: 'Until a new operator PIN is set, nobody can change the settings or use the operator panel.',
    howCode:
      'If you have the supervisor recovery code (shown once when the PIN was first set), enter it here.',
    howProvision:
      'Without the code, call the bank\'s IT support: they can give the kiosk a new PIN by provisioning it again, as the kiosk\'s guide explains under "A locked kiosk". The enrollments waiting on this kiosk are kept.',
    codeLabel: 'Recovery code',
    submit: 'Continue',
    wrong: 'That recovery code is not right.',
    locked: 'Too many wrong codes. Try again after {{time}}.',
  },
  recoveryCode: {
    title: 'Supervisor recovery code',
    body: 'Write this code down and keep it somewhere safe, away from the kiosk. It is shown only this once. With it, a supervisor can set a new operator PIN if the PIN is forgotten or lost.',
    done: 'I have written it down',
  },
  session: {
    ended: 'The operator session has ended. Enter the PIN again.',
  },
  operator: {
    title: 'Operator panel',
    sendNow: 'Send now',
    retry: 'Retry',
    discard: 'Discard',
    confirmDiscard: 'Discard the enrollment of {{userId}} for good? It will never be sent.',
    keep: 'Keep it',
    empty: 'No enrollments on this kiosk.',
    noMatch: 'No enrollments match the search.',
    search: 'Search by user ID',
    filter: 'Show',
    filters: {
      all: 'All',
      waiting: 'Waiting',
      needs_attention: 'Needs attention',
      provisional: 'Under review',
      approved: 'Approved',
      rejected: 'Rejected',
      submitted: 'Result to the bank',
    },
    today: 'Taken today',
    totals: {
      approved: 'Approved',
      rejected: 'Rejected',
      provisional: 'Under review',
      waiting: 'Waiting',
      needs_attention: 'Needs attention',
      sent: 'Sent to Smile ID',
    },
    columns: {
      user: 'User ID',
      state: 'State',
      captured: 'Taken',
      attempts: 'Attempts',
      details: 'What happened',
    },
    reference: 'Reference {{reference}}',
    states: {
      queued: 'Waiting',
      preparing: 'Preparing',
      uploading: 'Uploading',
      awaiting_result: 'Awaiting result',
      approved: 'Approved',
      rejected: 'Rejected',
      provisional: 'Under review',
      needs_attention: 'Needs attention',
      submitted: 'Sent (result to the bank)',
    },
    clock: 'The kiosk clock differs from Smile ID by {{minutes}} min.',
    exit: 'Close panel',
    approveReEnrollment: 'Approve re-enrollment',
    // The panel's parts (components/operator/PanelTabs.tsx).
    tabs: {
      queue: 'Enrollments',
      day: 'End of day',
      audit: 'Audit trail',
      support: 'Support',
    },
    // A supervisor lets a job Smile ID refused as already enrolled (2209) go again (app/re-enrollment.ts).
    reEnroll: {
      confirm:
        'Enroll {{userId}} again? Smile ID already has an enrollment for this user ID. The same photos are sent again as a new enrollment.',
      approve: 'Yes, enroll again',
      cancel: 'Not now',
    },
    // End of day (components/operator/DayTotalsView.tsx).
    day: {
      title: 'Enrollments per operator',
      day: 'Day',
      operator: 'Operator',
      notNamed: 'Not named (kiosk PIN)',
      total: 'Total',
      allOperators: 'All operators',
      none: 'No enrollments were taken on this day.',
      kept_one: 'The kiosk keeps enrollments for {{count}} day: older days show nothing.',
      kept_other: 'The kiosk keeps enrollments for {{count}} days: older days show nothing.',
      exportCsv: 'Export CSV',
    },
    // The audit trail for supervisors (components/operator/AuditTrailView.tsx).
    audit: {
      title: 'Audit trail',
      day: 'Day (empty: every day)',
      operatorId: 'Operator ID',
      userId: 'User ID',
      show: 'Show',
      problems: {
        operatorId: 'An operator ID has only letters, digits and . _ @ -',
        userId: 'This user ID is too long.',
      },
      matched_one: '{{count}} entry',
      matched_other: '{{count}} entries',
      none: 'No entries match.',
      columns: {
        when: 'When',
        who: 'Who',
        what: 'What happened',
        customer: 'Customer',
      },
      actors: {
        system: 'The kiosk',
        notSignedIn: 'Not signed in',
        kioskPin: 'Kiosk PIN',
        recoveryCode: 'Recovery code',
        firstRun: 'First-run setup',
      },
      newer: 'Newer',
      older: 'Older',
      exportJsonl: 'Export JSON Lines',
      exportCsv: 'Export CSV',
      exported_one: 'Saved {{fileName}} ({{count}} entry).',
      exported_other: 'Saved {{fileName}} ({{count}} entries).',
      whole: 'The audit trail on this kiosk is complete and unchanged, up to entry {{seq}}.',
      empty: 'The audit trail on this kiosk has no entries yet.',
      damaged: 'The audit trail on this kiosk is damaged. Export it and call support.',
      damagedAt: 'The audit trail on this kiosk is damaged at entry {{seq}}. Export it and call support.',
      // Every action code of app/audit/actions.ts: the code's dots are this table's nesting.
      actions: {
        audit: {
          log_started: 'Audit trail started',
          retention_purged: 'Old audit entries deleted at the end of their keeping time',
          unreadable_tail_set_aside: 'An unreadable end of the audit trail was set aside',
          exported: 'Audit trail exported',
        },
        operator: {
          signed_in: 'Signed in',
          sign_in_failed: 'Wrong PIN entered',
          sign_in_locked: 'PIN entry locked after wrong PINs',
          signed_out: 'Signed out',
          pin_changed: 'PIN changed',
          created: 'Operator added',
          disabled: 'Operator disabled',
          enabled: 'Operator enabled again',
          role_changed: 'Operator role changed',
          renamed: 'Operator renamed',
          pin_reset: 'Temporary PIN set for an operator',
          recovery_code_issued: 'New recovery code made',
          recovery_code_refused: 'Wrong recovery code entered',
        },
        kiosk: {
          exited: 'Left kiosk mode',
          diagnostics_exported: 'Diagnostics exported for support',
        },
        settings: {
          changed: 'Settings changed',
          api_key_changed: 'API key changed',
          api_key_cleared: 'API key removed',
        },
        enrollment: {
          saved: 'Enrollment saved',
          re_enrolled: 'Enrollment saved for a user ID this kiosk already had',
        },
        job: {
          sent: 'Photos sent to Smile ID',
          result: 'Result from Smile ID',
          attempt_failed: 'Sending failed; the kiosk will try again',
          needs_attention: 'Stopped: needs attention',
          retry_requested: 'Retry requested',
          re_enrollment_approved: 'Re-enrollment approved',
          discarded: 'Enrollment discarded',
          images_expired: 'Photos deleted at their maximum age',
          retention_removed: 'Enrollment deleted at the end of its keeping time',
        },
        queue: {
          send_now_requested: '“Send now” pressed',
        },
        system: {
          kiosk_started: 'Kiosk started',
          kiosk_stopped: 'Kiosk stopped',
          circuit_opened: 'Sending paused',
          circuit_closed: 'Sending resumed',
          clock_skew_exceeded: 'Kiosk clock found wrong',
          clock_skew_resolved: 'Kiosk clock right again',
          index_recovered: 'Queue list rebuilt at start-up',
        },
      },
    },
    // Support's diagnostics file (components/operator/SupportView.tsx, main/diagnostics/).
    support: {
      title: 'Diagnostics for support',
      explain:
        'One file for the support team: versions, settings without secrets, the queue’s health, recent errors and the check of the audit trail. It holds no user ID, no photo and no key.',
      export: 'Export diagnostics',
      exported: 'Saved {{fileName}}.',
    },
  },
  setup: {
    title: 'Kiosk setup',
    firstRun:
      'Set up this kiosk before its first enrollment. Training mode works at once; the Smile ID sandbox and production need the partner ID and API key from the Smile ID portal.',
    notSaved: 'Not saved. Correct the marked fields and save again.',
    saved: 'Settings saved.',
    gate: {
      signInFirst: 'Enter the operator PIN to change the settings.',
      notReady:
        'This kiosk cannot take enrollments yet: {{environment}} is chosen, and something it needs is missing.',
      missing: {
        customApiUrl: 'The custom API URL is missing.',
        partnerId: 'The partner ID is missing.',
        apiKey: 'The API key is missing.',
      },
      askOperator: 'An operator must enter the PIN and finish the setup.',
      signIn: 'Enter the operator PIN',
    },
    sections: {
      destination: 'Where enrollments go',
      kiosk: 'This kiosk',
      customers: 'Customers',
      privacy: 'Keeping data',
      pin: 'Operator PIN',
    },
    environment: 'Environment',
    environments: {
      training: 'Training (nothing is sent)',
      sandbox: 'Smile ID sandbox',
      production: 'Smile ID production',
      custom: 'Custom URL',
    },
    environmentHints: {
      training: 'A simulator inside the kiosk answers. Nothing leaves this computer.',
      sandbox: "Smile ID's test service: needs the sandbox partner ID and API key.",
      production: 'Real enrollments: needs the production partner ID and API key.',
      custom: "Another address for Smile ID's API, such as the bank's proxy.",
    },
    customApiUrl: 'Custom API URL (ending in /v1)',
    partnerId: 'Partner ID',
    apiKey: 'API key',
    apiKeySet:
      'An API key is set. Type a new one to replace it. Changing the environment or partner ID needs it again.',
    apiKeyNotSet: 'No API key yet.',
    callbackUrl: 'Callback URL (optional)',
    callbackUrlHint: "The bank's https address where Smile ID also posts each result.",
    jobStatusPollingTimeoutSeconds: 'Wait for the result (seconds)',
    jobStatusPollingHint:
      'How long the kiosk waits for Smile ID’s answer after sending. 0: it does not wait, and the result goes only to the callback URL.',
    kioskId: 'Kiosk ID',
    branch: 'Branch',
    locationHint: 'Where the kiosk stands, sent with every enrollment. Leave all empty to send none.',
    location: {
      latitude: 'Latitude',
      longitude: 'Longitude',
      accuracyMeters: 'Accuracy (metres)',
      placeName: 'Place name (optional)',
    },
    language: 'Language',
    autoStartAtLogin: 'Start the kiosk when this account logs in (Windows)',
    autoStartAtLoginHint:
      "The installed app then opens by itself after a restart. On Linux, add it to the desktop's startup applications instead.",
    windowedOperatorMode: 'Show the kiosk in a normal window',
    windowedOperatorModeHint: 'For work at a desk. Customers should see the full screen.',
    userIdPattern: 'Allowed user ID characters (pattern)',
    userIdPatternHint:
      'A regular expression in RE2 syntax. The default allows letters, digits, dash and underscore.',
    userIdMinLength: 'User ID: fewest characters',
    userIdMaxLength: 'User ID: most characters',
    duplicateGuard: 'When a user ID was already enrolled on this kiosk',
    duplicateGuards: { warn: 'Warn the operator, then allow', block: 'Do not allow' },
    idleTimeoutSeconds: 'Back to the start after no touch for (seconds)',
    idleTimeoutSecondsHint: 'Also closes these settings. From 15 to 3600 seconds.',
    captureTimeoutSeconds: 'Call the operator when no face is found for (seconds)',
    captureTimeoutSecondsHint: 'The customer is then asked to call the operator. From 15 to 600 seconds.',
    retentionDays: 'Keep the record of a finished enrollment for (days)',
    retentionDaysHint: 'The small record in the operator panel: no photos.',
    maxImageAgeDays: 'Delete photos not yet answered after (days)',
    maxImageAgeDaysHint:
      'Photos are deleted as soon as Smile ID answers; this is the longest they stay otherwise.',
    newPin: 'New operator PIN (6 to 12 digits)',
    newPinFirstRun: 'Choose the PIN the operators will use. Keep it secret.',
    newPinOptional: 'Leave empty to keep the current PIN.',
    confirmPin: 'New operator PIN again',
    pinMismatch: 'The two PINs are not the same.',
    recoveryCodeSet: 'A supervisor recovery code exists.',
    recoveryCodeNotSet: 'There is no supervisor recovery code yet. Make one and keep it safe.',
    newRecoveryCode: 'Make a new recovery code',
    problems: {
      required: 'Enter a value.',
      needed_to_send:
        'Needed to send enrollments in this environment. Choose training to try the kiosk without it.',
      needed_again:
        'Enter the API key again: changing the environment, URL or partner ID clears the stored key.',
      needed_without_polling:
        'Needed when the kiosk does not wait for results: Smile ID then sends them only to this address.',
      whole_number: 'Enter a whole number.',
      too_small: 'Enter {{limit}} or more.',
      too_big: 'Enter {{limit}} or less.',
      too_short: 'Enter at least {{limit}} characters.',
      too_long: 'Enter at most {{limit}} characters.',
      digits_only: 'Digits only, as the Smile ID portal shows it.',
      not_a_url: 'Enter a full web address, starting with https://',
      not_https: 'The address must start with https://',
      host_not_allowed: "This is not one of Smile ID's addresses. Ask support to allow it.",
      not_a_pattern: 'This pattern is not valid (RE2 syntax: no back-references or look-around).',
      min_above_max: 'The fewest characters cannot be more than the most.',
      not_allowed: 'This setting cannot be changed here.',
      invalid: 'This value is not valid.',
      pin_format: 'A PIN has 6 to 12 digits.',
      pins_differ: 'The two PINs are not the same.',
    },
  },

  languages: { en: 'English', fr: 'Français', sw: 'Kiswahili', pt: 'Português' },
};

/** The shape every translation must have. */
export type Translation = typeof en;
