import type { Translation } from './en';

const SMILE_ID_SIDE = {
  reason: 'Smile ID ilikuwa na tatizo upande wake.',
  action: 'Kioski kitajaribu tena chenyewe.',
};
const WRONG_KEY_OR_CLOCK = {
  reason: 'Smile ID imekataa ombi: ufunguo wa API si sahihi, au saa ya kioski si sahihi.',
  action: 'Msimamizi aangalie ufunguo wa API, mazingira na saa ya kioski.',
};
const MISSING_FIELD = {
  reason: 'Smile ID inasema baadhi ya taarifa hazipo kwenye ombi.',
  action: 'Piga simu kwa timu ya msaada ukitaja kitambulisho na saa ya usajili huu.',
};

export const sw: Translation = {
  app: { title: 'Usajili wa mteja' },
  kioskMode: {
    training: 'Hali ya mafunzo — hakuna kinachotumwa kwa Smile ID',
    test: 'Hali ya majaribio — usajili unatumwa kwa mazingira ya majaribio ya Smile ID, si kwa wateja halisi',
    live: 'Hali halisi — usajili unatumwa kwa Smile ID',
  },
  where: {
    kiosk: 'Kioski',
    branch: 'Tawi',
    sendsTo: 'Inatuma kwa',
    notSet: 'haijawekwa',
    environments: {
      training: 'Hakuna popote (mafunzo)',
      sandbox: 'Smile ID majaribio',
      production: 'Smile ID halisi',
      custom: 'Seva maalum',
    },
  },
  identity: { userId: 'Kitambulisho', reference: 'Kumbukumbu' },
  common: {
    back: 'Rudi',
    cancel: 'Ghairi',
    continue: 'Endelea',
    close: 'Funga',
    save: 'Hifadhi',
    done: 'Imekamilika',
    tryAgain: 'Jaribu tena',
    home: 'Rudi mwanzo',
  },
  home: { newEnrollment: 'Usajili mpya', operator: 'Mhudumu', settings: 'Mipangilio', language: 'Lugha' },
  queue: {
    waiting_one: '{{count}} inasubiri',
    waiting_other: '{{count}} zinasubiri',
    attention_one: '{{count}} inahitaji uangalizi',
    attention_other: '{{count}} zinahitaji uangalizi',
    sentToday: '{{count}} zimetumwa leo',
    online: 'Mtandaoni',
    offline: 'Nje ya mtandao — picha zinahifadhiwa na kutumwa baadaye',
    paused: 'Utumaji umesimamishwa: {{reason}}',
    lastSent: 'Ilitumwa mwisho {{when}}',
    neverSent: 'Hakuna kilichotumwa bado',
  },
  userId: {
    title: 'Kitambulisho cha mteja',
    hint: 'Andika au skani.',
    rule: {
      length: 'Herufi {{min}} hadi {{max}}.',
      letters_digits_dash_underscore: 'Herufi, tarakimu, kistari (-) na mstari wa chini (_).',
      letters_digits: 'Herufi na tarakimu tu.',
      digits: 'Tarakimu tu.',
    },
    label: 'Kitambulisho',
    submit: 'Endelea',
    problems: {
      empty: 'Andika kitambulisho.',
      too_short: 'Kitambulisho hiki ni kifupi mno: kinahitaji angalau herufi {{min}}.',
      too_long: 'Kitambulisho hiki ni kirefu mno: kisizidi herufi {{max}}.',
      bad_characters: 'Kitambulisho hiki kina herufi zisizoruhusiwa.',
    },
    duplicateQueued: 'Kitambulisho hiki tayari kinasubiri kutumwa kutoka kioski hiki.',
    duplicateEnrolled: 'Kitambulisho hiki tayari kilisajiliwa kutoka kioski hiki.',
    duplicateBlocked: 'Usajili wa pili kwa kitambulisho hiki hauruhusiwi. Muulize msimamizi.',
    continueAnyway: 'Endelea hata hivyo',
  },
  consent: {
    title: 'Idhini yako',
    body: 'Tutapiga picha za uso wako ili kuthibitisha utambulisho wako kwa Smile ID kwa niaba ya benki. Picha zinasimbwa kwenye kioski hiki na kufutwa mara Smile ID inapojibu.',
    accept: 'Nakubali',
    decline: 'Sikubali',
  },
  capture: {
    title: 'Angalia kamera',
    start: 'Anza',
    preparing: 'Kamera inawashwa…',
    progress: '{{count}} kati ya {{total}}',
    prompts: {
      starting: 'Weka uso wako ndani ya duara',
      no_face: 'Hatuoni uso. Angalia kamera.',
      multiple_faces: 'Mtu mmoja tu, tafadhali.',
      too_far: 'Sogea karibu kidogo.',
      too_close: 'Rudi nyuma kidogo.',
      off_centre: 'Weka uso wako katikati ya duara.',
      too_dark: 'Ni giza mno. Elekea mwanga.',
      hold_still: 'Tulia…',
      smile: 'Sasa tabasamu!',
      done: 'Imekamilika!',
    },
    restarted: 'Uso wako ulipotea, tumeanza upya.',
    timeout: {
      title: 'Tafadhali mwite mhudumu.',
      body: 'Hatukuweza kupiga picha. Mhudumu anaweza kukusaidia kusimama mahali sahihi, au kukagua kamera na mwanga.',
    },
  },
  camera: {
    title: 'Tatizo la kamera',
    not_found: 'Hakuna kamera iliyopatikana. Hakikisha imechomekwa, kisha ujaribu tena.',
    permission_denied: 'Kioski hakiruhusiwi kutumia kamera. Mwite msimamizi.',
    in_use: 'Kamera inatumiwa na programu nyingine. Ifunge, kisha ujaribu tena.',
    unplugged: 'Kamera imechomolewa. Ichomeke tena, kisha ujaribu tena.',
    unsupported: 'Kifaa hiki hakiwezi kutumia kamera hapa. Mwite msimamizi.',
    unknown: 'Kamera haikuweza kuanza. Jaribu tena; likijirudia, washa upya kioski.',
    picker: {
      title: 'Kamera',
      device: 'Kamera ipi',
      defaultDevice: 'Kamera ya kawaida',
      unnamed: 'Kamera {{number}}',
      missing: '{{name}} (haijachomekwa: kamera ya kawaida inatumika)',
      savedCamera: 'Kamera iliyochaguliwa',
      resolution: 'Ukubwa wa picha',
      resolutions: {
        '640x480': '640 × 480 (nyepesi zaidi)',
        '1280x720': '1280 × 720 (inapendekezwa)',
        '1920x1080': '1920 × 1080',
      },
      preview: 'Onyesho la kamera iliyochaguliwa',
      delivers: 'Kamera hii inatoa {{width}} × {{height}}.',
      showNames: 'Onyesha majina ya kamera',
      noCameras: 'Hakuna kamera iliyochomekwa.',
    },
  },
  review: { title: 'Angalia picha', submit: 'Tumia picha hii', retake: 'Piga tena' },
  result: {
    saved: 'Imehifadhiwa — itatumwa yenyewe.',
    savedDetail: 'Kioski kiko nje ya mtandao. Usajili umehifadhiwa salama na utatumwa mtandao ukirudi.',
    sending: 'Inatuma…',
    steps: {
      queued: 'Inasubiri kutumwa',
      preparing: 'Inaandaa',
      uploading: 'Inapakia picha',
      awaiting_result: 'Inasubiri Smile ID',
    },
    approved: 'Amesajiliwa',
    rejected: 'Hajasajiliwa',
    provisional: 'Inakaguliwa',
    provisionalDetail: 'Matokeo yataonekana kwenye paneli ya mhudumu.',
    nextStep: {
      recapture: 'Piga picha tena.',
      call_supervisor: 'Mwite msimamizi.',
      wait_for_review: 'Hakuna la kufanya sasa.',
    },
    recapture: 'Piga picha tena',
    attention: 'Usajili huu unahitaji mhudumu.',
    failed: 'Usajili haukuweza kuhifadhiwa.',
    submitted: 'Imetumwa Smile ID',
    submittedDetail: 'Smile ID ina picha. Itatuma matokeo moja kwa moja kwa benki.',
    codes: {
      '0840': 'Smile ID imemthibitisha mteja huyu.',
      '1240': 'Smile ID imemthibitisha mteja huyu baada ya ukaguzi wa mtu.',
      '0841': 'Selfie na picha nyingine hazikulingana.',
      '0843': 'Huenda picha hazimwonyeshi mtu halisi aliye hai.',
      '0941': 'Hakuna uso ulioonekana kwenye picha.',
      '0942': 'Picha hazikuwa wazi vya kutosha.',
      '1241': 'Mkaguzi wa Smile ID hakuweza kutumia picha.',
      '1242': 'Mkaguzi wa Smile ID ameona kwamba huenda picha hazimwonyeshi mtu halisi aliye hai.',
      '0001': 'Selfie haikuweza kutumika.',
      '0903': 'Picha hazikufika Smile ID zikiwa kamili.',
      '0907': 'Huenda picha hazimwonyeshi mtu halisi aliye hai.',
      '0842': 'Mtu wa Smile ID anakagua picha.',
      '0844': 'Mtu wa Smile ID anahakikisha kwamba picha zinamwonyesha mtu halisi aliye hai.',
      '0846': 'Mtu wa Smile ID anahakikisha kwamba picha zinamwonyesha mtu halisi aliye hai.',
    },
    fallback: {
      approved: 'Smile ID imemthibitisha mteja huyu.',
      rejected: 'Smile ID haikumsajili mteja huyu.',
      provisional: 'Smile ID inakagua picha.',
    },
  },
  jobError: {
    kinds: {
      network: {
        reason: 'Hakuna muunganisho na Smile ID.',
        action: 'Kioski kitautuma mtandao ukirudi.',
      },
      timeout: {
        reason: 'Smile ID haikujibu kwa wakati.',
        action: 'Kioski kitajaribu tena chenyewe.',
      },
      server_error: {
        reason: 'Smile ID ilikuwa na tatizo upande wake.',
        action: 'Kioski kitajaribu tena chenyewe.',
      },
      tls: {
        reason: 'Kioski hakikuweza kuunganishwa kwa usalama na Smile ID.',
        action: 'Msimamizi aangalie tarehe na saa ya kioski, na kama mtandao unazuia miunganisho salama.',
      },
      upload_refused: {
        reason: 'Kiungo cha kutuma picha kilikataliwa au kilikuwa kimeisha muda.',
        action: 'Kioski kitaomba kiungo kipya chenyewe.',
      },
      response_invalid: {
        reason: 'Smile ID ilituma jibu ambalo kioski hakikuweza kusoma.',
        action: 'Kioski kitajaribu tena chenyewe. Hili likiendelea, piga simu kwa timu ya msaada.',
      },
      response_signature_invalid: {
        reason: 'Kioski hakikuweza kuhakikisha kwamba majibu yanatoka kweli Smile ID.',
        action: 'Msimamizi aangalie ufunguo wa API na mazingira kwenye Mipangilio, pamoja na mtandao.',
      },
      response_stale: {
        reason: 'Jibu la Smile ID lilikuwa la zamani mno, au lina tarehe ya baadaye.',
        action: 'Msimamizi aangalie tarehe na saa ya kioski, pamoja na mtandao.',
      },
      response_not_this_job: {
        reason: 'Jibu la Smile ID lilihusu usajili mwingine.',
        action: 'Msimamizi aangalie mtandao na apige simu kwa timu ya msaada.',
      },
      endpoint_not_allowed: {
        reason: 'Kioski kimewekwa kutuma kwa anwani ambayo hakiruhusiwi kutumia.',
        action: 'Msimamizi achague mazingira ya majaribio au ya uzalishaji ya Smile ID kwenye Mipangilio.',
      },
      result_pending: {
        reason: 'Smile ID bado haijamaliza kukagua picha.',
        action: 'Kioski kitauliza tena baadaye.',
      },
    },
    smileId: {
      '2201': SMILE_ID_SIDE,
      '2301': SMILE_ID_SIDE,
      '2401': SMILE_ID_SIDE,
      '2314': {
        reason: 'Smile ID haikupokea picha.',
        action: 'Kioski kitazituma tena chenyewe.',
      },
      '2203': {
        reason: 'Smile ID haikuweza kusoma picha zilizotumwa na kioski.',
        action: 'Piga picha tena. Hili likitokea tena, piga simu kwa timu ya msaada.',
      },
      '2204': {
        reason:
          'Smile ID imekataa ombi: kitambulisho cha mshirika au ufunguo wa API haulingani na mazingira.',
        action:
          'Msimamizi aangalie kitambulisho cha mshirika, ufunguo wa API na mazingira kwenye Mipangilio.',
      },
      '2205': WRONG_KEY_OR_CLOCK,
      '2405': WRONG_KEY_OR_CLOCK,
      '2207': {
        reason: 'Mteja huyu amezuiwa na Smile ID.',
        action: 'Mwite msimamizi. Mteja huyu hawezi kusajiliwa kwenye kioski.',
      },
      '2208': {
        reason: 'Mteja huyu amefutwa na Smile ID.',
        action: 'Mwite msimamizi. Mteja huyu hawezi kusajiliwa kwenye kioski.',
      },
      '2209': {
        reason: 'Kitambulisho hiki tayari kimesajiliwa na Smile ID.',
        action: 'Angalia kitambulisho. Msimamizi anaweza kuruhusu usajili mpya.',
      },
      '2210': {
        reason: 'Smile ID haina mteja aliyesajiliwa kwa kitambulisho hiki.',
        action: 'Angalia kitambulisho.',
      },
      '2211': {
        reason: 'Smile ID inaomba mteja huyu asajiliwe tena.',
        action: 'Mwite msimamizi aruhusu usajili mpya.',
      },
      '2212': {
        reason: 'Smile ID imekataa aina ya ukaguzi ulioombwa na kioski.',
        action: 'Piga simu kwa timu ya msaada ukitaja kitambulisho na saa ya usajili huu.',
      },
      '2213': MISSING_FIELD,
      '2413': MISSING_FIELD,
      '2215': {
        reason: 'Smile ID tayari ina usajili huu.',
        action: 'Kioski kitaendelea na usajili huo huo chenyewe.',
      },
      '2216': {
        reason: 'Smile ID haina picha iliyohifadhiwa ya mteja huyu.',
        action: 'Mwite msimamizi.',
      },
      '2217': {
        reason: 'SmartSelfie haijawashwa kwa akaunti hii ya Smile ID.',
        action: 'Piga simu kwa timu ya msaada: akaunti inahitaji SmartSelfie.',
      },
      '2220': {
        reason: 'Uzalishaji haujawashwa kwa akaunti hii ya Smile ID.',
        action: 'Msimamizi achague mazingira ya majaribio, au aombe Smile ID iwashe uzalishaji.',
      },
    },
    smileIdUnknown: {
      reason: 'Smile ID imekataa usajili kwa msimbo {{code}}.',
      action: 'Piga simu kwa timu ya msaada na uwape msimbo huo.',
    },
    internal: {
      photos_deleted: {
        reason: 'Picha za usajili huu zimefutwa kwenye kioski, kwa hiyo hauwezi kutumwa.',
        action: 'Msajili mteja tena, kisha futa ingizo hili.',
      },
      files_unreadable: {
        reason: 'Kioski hakikuweza kusoma faili zilizohifadhiwa za usajili huu.',
        action: 'Msajili mteja tena, kisha futa ingizo hili.',
      },
      files_missing: {
        reason: 'Faili za usajili huu hazipo kwenye kioski, kwa hiyo hauwezi kutumwa.',
        action: 'Msajili mteja tena, kisha futa ingizo hili.',
      },
    },
    imagesExpired: {
      cannot_send: {
        reason:
          'Picha za mteja zimefutwa baada ya muda mrefu zaidi ambao kioski kinaruhusiwa kuzihifadhi, kabla Smile ID haijazipokea.',
        action: 'Msajili mteja tena, kisha futa ingizo hili.',
      },
      answer_pending: {
        reason:
          'Picha za mteja zimefutwa baada ya muda mrefu zaidi ambao kioski kinaruhusiwa kuzihifadhi. Smile ID tayari inazo, kwa hiyo jibu lake bado linaweza kuja.',
        action: 'Hakuna la kufanya sasa. Smile ID ikiomba picha mpya, msajili mteja tena.',
      },
      answer_pending_retry: {
        reason:
          'Picha za mteja zimefutwa baada ya muda mrefu zaidi ambao kioski kinaruhusiwa kuzihifadhi. Smile ID tayari inazo, kwa hiyo jibu lake bado linaweza kuja.',
        action:
          'Bonyeza "$t(operator.retry)" ili kuomba jibu la Smile ID; hakuna picha zinazotumwa. Smile ID ikiomba picha mpya, msajili mteja tena.',
      },
    },
    byClass: {
      transient: {
        reason: 'Kutuma hakukufanikiwa wakati huu.',
        action: 'Kioski kitajaribu tena chenyewe.',
      },
      permanent: { reason: 'Usajili huu haukuweza kutumwa.', action: 'Mwite msimamizi.' },
      systemic: {
        reason: 'Utumaji umesimamishwa na tatizo katika mipangilio ya kioski.',
        action: 'Msimamizi aangalie mipangilio.',
      },
    },
  },
  circuit: {
    not_configured: {
      reason: 'Smile ID haijawekwa kwenye kioski hiki.',
      action: 'Msimamizi aweke kitambulisho cha mshirika na ufunguo wa API kwenye Mipangilio.',
    },
    clock_wrong: {
      reason: 'Saa ya kioski si sahihi, kwa hiyo Smile ID inakataa maombi yake.',
      action: 'Msimamizi aweke tarehe, saa na saa za eneo za kioski.',
    },
  },
  kioskError: {
    invalid_request: {
      message: 'Kioski hakikuweza kukubali ombi hili.',
      action: 'Angalia ulichoandika kisha ujaribu tena. Likijirudia, washa upya kioski.',
    },
    invalid_image: { message: 'Picha hazikuweza kutumika.', action: 'Piga picha tena.' },
    invalid_user_id: {
      message: 'Kitambulisho hiki si sahihi.',
      action: 'Angalia kitambulisho na ukiandike tena.',
    },
    consent_required: {
      message: 'Idhini ya mteja inahitajika kwanza.',
      action: 'Rudi nyuma umwombe mteja idhini.',
    },
    duplicate_user: {
      message: 'Kitambulisho hiki tayari kina usajili kwenye kioski hiki.',
      action: 'Muulize msimamizi kabla ya kumsajili mteja huyu tena.',
    },
    offline_budget_exceeded: {
      message: 'Kioski kina usajili mwingi mno ambao haujatumwa, hakiwezi kuchukua mpya.',
      action: 'Muulize msimamizi: kioski lazima kwanza kitume usajili unaosubiri.',
    },
    disk_full: {
      message: 'Nafasi ya kuhifadhi kwenye kioski inakaribia kwisha.',
      action: 'Muulize msimamizi: kioski lazima kwanza kitume usajili unaosubiri.',
    },
    pin_required: { message: 'Hili linahitaji PIN ya mhudumu.', action: 'Weka PIN ya mhudumu.' },
    pin_invalid: { message: 'PIN si sahihi.', action: 'Weka PIN tena.' },
    pin_locked: {
      message: 'PIN zisizo sahihi zimekuwa nyingi mno. Kuweka PIN kumefungwa kwa muda.',
      action: 'Subiri, kisha ujaribu tena.',
    },
    session_expired: { message: 'Kipindi cha mhudumu kimeisha.', action: 'Weka PIN ya mhudumu tena.' },
    pin_change_required: {
      message: 'PIN ya mhudumu lazima ibadilishwe kwanza.',
      action: 'Chagua PIN mpya ya tarakimu 6 hadi 12.',
    },
    kiosk_locked: {
      message: 'Kioski hiki kimefungwa: PIN yake ya mhudumu haiwezi kusomeka.',
      action: 'Weka msimbo wa dharura wa msimamizi, au mwombe msimamizi wa mfumo aweke kioski upya.',
    },
    not_found: {
      message: 'Kioski hakikupata kilichoombwa.',
      action: 'Rudi nyuma ujaribu tena.',
    },
    not_allowed: {
      message: 'Hili haliruhusiwi kwa sasa.',
      action: 'Angalia usajili tena, au muulize msimamizi.',
    },
    not_configured: {
      message: 'Kioski hakijawekwa kikamilifu kwa hili.',
      action: 'Msimamizi amalize mipangilio ya kioski.',
    },
    unauthorized: { message: 'Skrini hii hairuhusiwi kutumia kioski.', action: 'Washa upya kioski.' },
    internal: {
      message: 'Kioski kimekutana na tatizo lisilotarajiwa.',
      action: 'Rudi mwanzo ujaribu tena. Likijirudia, washa upya kioski.',
    },
  },
  pin: {
    title: 'PIN ya mhudumu',
    label: 'PIN',
    submit: 'Fungua',
    wrong: 'PIN si sahihi.',
    triesLeft_one: 'PIN si sahihi. Umebakiza jaribio {{count}} kabla uingizaji wa PIN haujafungwa.',
    triesLeft_other: 'PIN si sahihi. Umebakiza majaribio {{count}} kabla uingizaji wa PIN haujafungwa.',
    locked: 'PIN zisizo sahihi ni nyingi mno. Uingizaji wa PIN umefungwa hadi {{time}}.',
    forgot: 'Umesahau PIN?',
    pad: 'Vitufe vya namba',
    erase: 'Futa tarakimu ya mwisho',
    ok: 'Sawa',
  },
  changePin: {
    title: 'Chagua PIN mpya ya mhudumu',
    required: 'Sasa PIN ya mhudumu lazima iwe na tarakimu 6 hadi 12. Chagua mpya kabla ya kuendelea.',
    recovered: 'Msimbo wa urejeshaji ni sahihi. Chagua PIN mpya ya mhudumu.',
    newPin: 'PIN mpya (tarakimu 6 hadi 12)',
    confirm: 'PIN mpya tena',
    submit: 'Hifadhi PIN mpya',
  },
  recovery: {
    lockedTitle: 'Kioski hiki kimefungwa',
    forgotTitle: 'Weka PIN mpya ya mhudumu',
    reasons: {
      pin_hash_invalid:
        'PIN ya mhudumu iliyohifadhiwa kwenye kioski hiki imeharibika, kwa hiyo hakuna anayeweza kuingia nayo.',
      pin_hash_missing:
        'PIN ya mhudumu haipo kwenye mipangilio ya kioski, kwa hiyo hakuna anayeweza kuingia.',
      settings_unversioned: 'Faili la mipangilio halikuandikwa na programu hii, kwa hiyo kioski hakiliamini.',
      settings_file_missing:
        'Faili la mipangilio limepotea. Kioski hiki kiliwekwa tayari, kwa hiyo kinabaki kimefungwa.',
    },
    lockedBody:
      'Mpaka PIN mpya ya mhudumu iwekwe, hakuna anayeweza kubadilisha mipangilio wala kutumia paneli ya mhudumu.',
    howCode:
      'Ikiwa una msimbo wa urejeshaji wa msimamizi (ulioonyeshwa mara moja PIN ilipowekwa mara ya kwanza), uingize hapa.',
    howProvision:
      'Bila msimbo huo, msimamizi wa mfumo anaweza kuweka kioski upya: akiwashe na KIOSK_PROVISION ikitaja faili ambalo akaunti ya kioski pekee inaweza kusoma, lenye "operatorPin".',
    codeLabel: 'Msimbo wa urejeshaji',
    submit: 'Endelea',
    wrong: 'Msimbo huo wa urejeshaji si sahihi.',
    locked: 'Misimbo isiyo sahihi ni mingi mno. Jaribu tena baada ya {{time}}.',
  },
  recoveryCode: {
    title: 'Msimbo wa urejeshaji wa msimamizi',
    body: 'Andika msimbo huu na uuhifadhi mahali salama, mbali na kioski. Unaonyeshwa mara hii moja tu. Kwa msimbo huu, msimamizi anaweza kuweka PIN mpya ya mhudumu ikiwa PIN imesahaulika au imepotea.',
    done: 'Nimeuandika',
  },
  session: {
    ended: 'Kipindi cha mhudumu kimeisha. Ingiza PIN tena.',
  },
  operator: {
    title: 'Paneli ya mhudumu',
    sendNow: 'Tuma sasa',
    retry: 'Jaribu tena',
    discard: 'Futa',
    confirmDiscard: 'Futa kabisa usajili wa {{userId}}? Hautatumwa kamwe.',
    keep: 'Usifute',
    empty: 'Hakuna usajili kwenye kioski hiki.',
    noMatch: 'Hakuna usajili unaolingana na utafutaji.',
    search: 'Tafuta kwa kitambulisho',
    filter: 'Onyesha',
    filters: {
      all: 'Zote',
      waiting: 'Inasubiri',
      needs_attention: 'Inahitaji uangalizi',
      provisional: 'Inakaguliwa',
      approved: 'Imekubaliwa',
      rejected: 'Imekataliwa',
      submitted: 'Matokeo kwa benki',
    },
    today: 'Zilizochukuliwa leo',
    totals: {
      approved: 'Imekubaliwa',
      rejected: 'Imekataliwa',
      provisional: 'Inakaguliwa',
      waiting: 'Inasubiri',
      needs_attention: 'Inahitaji uangalizi',
      sent: 'Zimetumwa Smile ID',
    },
    columns: {
      user: 'Kitambulisho',
      state: 'Hali',
      captured: 'Ilichukuliwa',
      attempts: 'Majaribio',
      details: 'Kilichotokea',
    },
    reference: 'Kumbukumbu {{reference}}',
    states: {
      queued: 'Inasubiri',
      preparing: 'Inaandaa',
      uploading: 'Inapakia',
      awaiting_result: 'Inasubiri matokeo',
      approved: 'Imekubaliwa',
      rejected: 'Imekataliwa',
      provisional: 'Inakaguliwa',
      needs_attention: 'Inahitaji uangalizi',
      submitted: 'Imetumwa (matokeo kwa benki)',
    },
    clock: 'Saa ya kioski inatofautiana na ya Smile ID kwa dakika {{minutes}}.',
    exit: 'Funga paneli',
  },
  setup: {
    title: 'Mipangilio ya kioski',
    firstRun:
      'Weka mipangilio ya kioski hiki kabla ya usajili wa kwanza. Hali ya mafunzo inafanya kazi mara moja; mazingira ya majaribio na halisi ya Smile ID yanahitaji kitambulisho cha mshirika na ufunguo wa API kutoka tovuti ya Smile ID.',
    notSaved: 'Haijahifadhiwa. Sahihisha sehemu zilizowekwa alama, kisha hifadhi tena.',
    saved: 'Mipangilio imehifadhiwa.',
    gate: {
      signInFirst: 'Ingiza PIN ya mhudumu ili kubadilisha mipangilio.',
      notReady:
        'Kioski hiki bado hakiwezi kupokea usajili: mazingira yaliyochaguliwa ni "{{environment}}", na kuna kitu kinachokosekana.',
      missing: {
        customApiUrl: 'Anwani ya API maalum haipo.',
        partnerId: 'Kitambulisho cha mshirika hakipo.',
        apiKey: 'Ufunguo wa API haupo.',
      },
      askOperator: 'Mhudumu lazima aweke PIN na amalize mipangilio.',
      signIn: 'Weka PIN ya mhudumu',
    },
    sections: {
      destination: 'Usajili unakokwenda',
      kiosk: 'Kioski hiki',
      customers: 'Wateja',
      privacy: 'Kuhifadhi data',
      pin: 'PIN ya mhudumu',
    },
    environment: 'Mazingira',
    environments: {
      training: 'Mafunzo (hakuna kinachotumwa)',
      sandbox: 'Smile ID ya majaribio',
      production: 'Smile ID halisi',
      custom: 'Anwani maalum',
    },
    environmentHints: {
      training: 'Kiigaji kilicho ndani ya kioski ndicho kinachojibu. Hakuna kinachotoka kwenye kompyuta hii.',
      sandbox:
        'Huduma ya majaribio ya Smile ID: inahitaji kitambulisho cha mshirika na ufunguo wa API wa majaribio.',
      production: 'Usajili halisi: unahitaji kitambulisho cha mshirika na ufunguo wa API halisi.',
      custom: 'Anwani nyingine ya API ya Smile ID, kwa mfano proksi ya benki.',
    },
    customApiUrl: 'Anwani maalum ya API (inayoishia na /v1)',
    partnerId: 'Kitambulisho cha mshirika',
    apiKey: 'Ufunguo wa API',
    apiKeySet:
      'Ufunguo wa API upo. Andika mpya ili kuubadilisha. Kubadilisha mazingira au kitambulisho cha mshirika kunauhitaji tena.',
    apiKeyNotSet: 'Bado hakuna ufunguo wa API.',
    callbackUrl: 'Anwani ya kurudisha majibu (si lazima)',
    callbackUrlHint: 'Anwani ya https ya benki ambako Smile ID pia hutuma kila jibu.',
    jobStatusPollingTimeoutSeconds: 'Subiri jibu kwa (sekunde)',
    jobStatusPollingHint:
      'Muda ambao kioski kinasubiri jibu la Smile ID baada ya kutuma. 0: hakisubiri, na jibu linaenda tu kwenye anwani ya kurudisha majibu.',
    kioskId: 'Kitambulisho cha kioski',
    branch: 'Tawi',
    locationHint:
      'Mahali kioski kilipo, hutumwa pamoja na kila usajili. Acha zote tupu ili kisitumwe chochote.',
    location: {
      latitude: 'Latitudo',
      longitude: 'Longitudo',
      accuracyMeters: 'Usahihi (mita)',
      placeName: 'Jina la mahali (si lazima)',
    },
    language: 'Lugha',
    autoStartAtLogin: 'Anzisha kioski akaunti hii inapoingia (Windows)',
    autoStartAtLoginHint:
      'Hapo programu iliyosakinishwa hujifungua yenyewe kompyuta ikiwashwa upya. Kwenye Linux, badala yake iongeze kwenye programu zinazoanza pamoja na eneo-kazi.',
    windowedOperatorMode: 'Onyesha kioski kwenye dirisha la kawaida',
    windowedOperatorModeHint: 'Kwa kazi mezani. Wateja wanapaswa kuona skrini nzima.',
    userIdPattern: 'Herufi zinazoruhusiwa kwenye kitambulisho cha mteja (mchoro)',
    userIdPatternHint:
      'Usemi wa kawaida (regular expression) kwa sintaksia ya RE2. Chaguo-msingi: herufi, tarakimu, kistari na kistari cha chini.',
    userIdMinLength: 'Kitambulisho cha mteja: herufi chache zaidi',
    userIdMaxLength: 'Kitambulisho cha mteja: herufi nyingi zaidi',
    duplicateGuard: 'Kitambulisho cha mteja kikiwa kimeshasajiliwa kwenye kioski hiki',
    duplicateGuards: { warn: 'Mwonye mhudumu, kisha ruhusu', block: 'Usiruhusu' },
    idleTimeoutSeconds: 'Rudi mwanzo baada ya kutoguswa kwa (sekunde)',
    idleTimeoutSecondsHint: 'Pia hufunga mipangilio hii. Kuanzia sekunde 15 hadi 3600.',
    captureTimeoutSeconds: 'Mwite mhudumu uso usipopatikana kwa (sekunde)',
    captureTimeoutSecondsHint: 'Kisha mteja anaombwa amwite mhudumu. Kuanzia sekunde 15 hadi 600.',
    retentionDays: 'Hifadhi kumbukumbu ya usajili uliokamilika kwa (siku)',
    retentionDaysHint: 'Kumbukumbu ndogo kwenye paneli ya mhudumu: hakuna picha.',
    maxImageAgeDays: 'Futa picha ambazo bado hazijajibiwa baada ya (siku)',
    maxImageAgeDaysHint:
      'Picha hufutwa mara Smile ID inapojibu; huu ndio muda mrefu zaidi zinaweza kukaa vinginevyo.',
    newPin: 'PIN mpya ya mhudumu (tarakimu 6 hadi 12)',
    newPinFirstRun: 'Chagua PIN ambayo wahudumu watatumia. Iweke siri.',
    newPinOptional: 'Acha tupu ili kubaki na PIN ya sasa.',
    confirmPin: 'PIN mpya ya mhudumu tena',
    pinMismatch: 'PIN hizo mbili hazifanani.',
    recoveryCodeSet: 'Msimbo wa urejeshaji wa msimamizi upo.',
    recoveryCodeNotSet: 'Bado hakuna msimbo wa urejeshaji wa msimamizi. Tengeneza mmoja na uuhifadhi salama.',
    newRecoveryCode: 'Tengeneza msimbo mpya wa urejeshaji',
    problems: {
      required: 'Weka thamani.',
      needed_to_send:
        'Kinahitajika kutuma usajili katika mazingira haya. Chagua mafunzo ili kujaribu kioski bila hicho.',
      needed_again:
        'Weka ufunguo wa API tena: kubadilisha mazingira, anwani au kitambulisho cha mshirika hufuta ufunguo uliohifadhiwa.',
      needed_without_polling:
        'Inahitajika kioski kisipongoja majibu: hapo Smile ID hutuma majibu kwenye anwani hii pekee.',
      whole_number: 'Weka namba kamili.',
      too_small: 'Weka {{limit}} au zaidi.',
      too_big: 'Weka {{limit}} au chini ya hapo.',
      too_short: 'Weka angalau herufi {{limit}}.',
      too_long: 'Weka herufi zisizozidi {{limit}}.',
      digits_only: 'Tarakimu pekee, kama tovuti ya Smile ID inavyoonyesha.',
      not_a_url: 'Weka anwani kamili ya wavuti, inayoanza na https://',
      not_https: 'Anwani lazima ianze na https://',
      host_not_allowed: 'Hii si mojawapo ya anwani za Smile ID. Omba msaada wa kiufundi uiruhusu.',
      not_a_pattern:
        'Mchoro huu si sahihi (sintaksia ya RE2: bila marejeo ya nyuma wala kutazama mbele/nyuma).',
      min_above_max: 'Idadi ndogo ya herufi haiwezi kuzidi idadi kubwa.',
      not_allowed: 'Mpangilio huu hauwezi kubadilishwa hapa.',
      invalid: 'Thamani hii si sahihi.',
      pin_format: 'PIN ina tarakimu 6 hadi 12.',
      pins_differ: 'PIN mbili hazifanani.',
    },
  },

  languages: { en: 'English', fr: 'Français', sw: 'Kiswahili', pt: 'Português' },
};
