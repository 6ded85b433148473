import type { Translation } from './en';

const SMILE_ID_SIDE = {
  reason: 'Smile ID a eu un problème de son côté.',
  action: 'Le kiosque réessaiera de lui-même.',
};
const WRONG_KEY_OR_CLOCK = {
  reason: "Smile ID a refusé la demande : la clé API est fausse, ou l'horloge du kiosque est fausse.",
  action: "Un superviseur doit vérifier la clé API, l'environnement et l'horloge du kiosque.",
};
const MISSING_FIELD = {
  reason: 'Smile ID indique qu’il manque des informations dans la demande.',
  action: "Appelez le support en donnant l'identifiant et l'heure de cet enrôlement.",
};

export const fr: Translation = {
  app: { title: 'Enrôlement client' },
  kioskMode: {
    training: "Mode formation — rien n'est envoyé à Smile ID",
    test: 'Mode test — les enrôlements vont au bac à sable de Smile ID, pas pour de vrais clients',
    live: 'En service — les enrôlements sont envoyés à Smile ID',
  },
  where: {
    kiosk: 'Kiosque',
    branch: 'Agence',
    sendsTo: 'Envoie à',
    place: 'Lieu',
    notSet: 'non renseigné',
    environments: {
      training: 'Nulle part (formation)',
      sandbox: 'Smile ID bac à sable',
      production: 'Smile ID production',
      custom: 'Serveur personnalisé',
    },
  },
  identity: { userId: 'Identifiant', reference: 'Référence' },
  common: {
    back: 'Retour',
    cancel: 'Annuler',
    continue: 'Continuer',
    close: 'Fermer',
    save: 'Enregistrer',
    done: 'Terminé',
    tryAgain: 'Réessayer',
    home: "Retour à l'accueil",
  },
  home: {
    newEnrollment: 'Nouvel enrôlement',
    operator: 'Opérateur',
    settings: 'Paramètres',
    language: 'Langue',
  },
  queue: {
    waiting_one: '{{count}} en attente',
    waiting_other: '{{count}} en attente',
    attention_one: '{{count}} à vérifier',
    attention_other: '{{count}} à vérifier',
    sentToday: "{{count}} envoyés aujourd'hui",
    online: 'En ligne',
    offline: 'Hors ligne — les captures sont gardées et envoyées plus tard',
    paused: 'Envoi suspendu : {{reason}}',
    lastSent: 'Dernier envoi {{when}}',
    neverSent: 'Rien envoyé pour le moment',
  },
  userId: {
    title: 'Identifiant du client',
    hint: 'Saisissez-le ou scannez-le.',
    rule: {
      length: 'De {{min}} à {{max}} caractères.',
      letters_digits_dash_underscore: 'Lettres, chiffres, tiret (-) et tiret bas (_).',
      letters_digits: 'Lettres et chiffres uniquement.',
      digits: 'Chiffres uniquement.',
    },
    label: 'Identifiant',
    submit: 'Continuer',
    problems: {
      empty: "Saisissez l'identifiant.",
      too_short: 'Cet identifiant est trop court : il lui faut au moins {{min}} caractères.',
      too_long: 'Cet identifiant est trop long : il peut avoir au plus {{max}} caractères.',
      bad_characters: 'Cet identifiant contient des caractères non autorisés.',
    },
    duplicateQueued: 'Cet identifiant attend déjà d’être envoyé depuis ce kiosque.',
    duplicateEnrolled: 'Cet identifiant a déjà été enrôlé depuis ce kiosque.',
    duplicateBlocked:
      "Un second enrôlement pour cet identifiant n'est pas autorisé. Demandez à un superviseur.",
    continueAnyway: 'Continuer quand même',
  },
  consent: {
    title: 'Votre consentement',
    body: 'Nous allons photographier votre visage pour confirmer votre identité auprès de Smile ID pour le compte de la banque. Les photos sont chiffrées sur ce kiosque et supprimées dès que Smile ID a répondu.',
    accept: "J'accepte",
    decline: "Je n'accepte pas",
  },
  capture: {
    title: 'Regardez la caméra',
    start: 'Commencer',
    preparing: 'Démarrage de la caméra…',
    progress: '{{count}} sur {{total}}',
    prompts: {
      starting: "Placez votre visage dans l'ovale",
      no_face: 'Nous ne voyons pas de visage. Regardez la caméra.',
      multiple_faces: 'Une seule personne, s’il vous plaît.',
      too_far: 'Approchez-vous un peu.',
      too_close: 'Reculez un peu.',
      off_centre: "Placez votre visage au milieu de l'ovale.",
      too_dark: 'Il fait trop sombre. Tournez-vous vers la lumière.',
      hold_still: 'Ne bougez pas…',
      smile: 'Maintenant, souriez !',
      done: 'Terminé !',
    },
    restarted: 'Votre visage a été perdu, nous recommençons.',
    timeout: {
      title: 'Veuillez appeler l’opérateur.',
      body: 'Nous n’avons pas pu prendre les photos. L’opérateur peut vous aider à vous placer au bon endroit, ou vérifier la caméra et la lumière.',
    },
  },
  camera: {
    title: 'Problème de caméra',
    not_found: 'Aucune caméra trouvée. Vérifiez qu’elle est branchée, puis réessayez.',
    permission_denied: "Le kiosque n'a pas le droit d'utiliser la caméra. Appelez un superviseur.",
    in_use: 'La caméra est utilisée par un autre programme. Fermez-le, puis réessayez.',
    unplugged: 'La caméra a été débranchée. Rebranchez-la, puis réessayez.',
    unsupported: 'Cet appareil ne peut pas utiliser de caméra ici. Appelez un superviseur.',
    unknown: 'La caméra n’a pas pu démarrer. Réessayez ; si cela se répète, redémarrez le kiosque.',
    picker: {
      title: 'Caméra',
      device: 'Quelle caméra',
      defaultDevice: 'Caméra par défaut',
      unnamed: 'Caméra {{number}}',
      missing: '{{name}} (non branchée : la caméra par défaut est utilisée)',
      savedCamera: 'La caméra choisie',
      resolution: 'Taille de l’image',
      resolutions: {
        '640x480': '640 × 480 (la plus légère)',
        '1280x720': '1280 × 720 (recommandée)',
        '1920x1080': '1920 × 1080',
      },
      preview: 'Aperçu de la caméra choisie',
      delivers: 'Cette caméra donne {{width}} × {{height}}.',
      showNames: 'Afficher le nom des caméras',
      noCameras: 'Aucune caméra n’est branchée.',
    },
  },
  review: { title: 'Vérifiez la photo', submit: 'Utiliser cette photo', retake: 'Reprendre' },
  result: {
    saved: 'Enregistré — il sera envoyé automatiquement.',
    savedDetail:
      "Le kiosque est hors ligne. L'enrôlement est conservé en sécurité et sera envoyé au retour du réseau.",
    sending: 'Envoi…',
    steps: {
      queued: "En attente d'envoi",
      preparing: 'Préparation',
      uploading: 'Envoi des photos',
      awaiting_result: 'En attente de Smile ID',
    },
    approved: 'Enrôlé',
    rejected: 'Non enrôlé',
    provisional: 'En cours de vérification',
    provisionalDetail: "Le résultat apparaîtra dans le panneau de l'opérateur.",
    nextStep: {
      recapture: 'Reprenez les photos.',
      call_supervisor: 'Appelez un superviseur.',
      wait_for_review: 'Rien à faire pour le moment.',
    },
    recapture: 'Reprendre les photos',
    attention: 'Cet enrôlement demande un opérateur.',
    failed: "L'enrôlement n'a pas pu être enregistré.",
    submitted: 'Envoyé à Smile ID',
    submittedDetail: 'Smile ID a les photos. Elle envoie le résultat directement à la banque.',
    codes: {
      '0840': 'Smile ID a confirmé ce client.',
      '1240': 'Smile ID a confirmé ce client après une vérification par une personne.',
      '0841': 'Le selfie et les autres photos ne correspondent pas.',
      '0843': 'Les photos ne montrent peut-être pas une personne réelle et vivante.',
      '0941': "Aucun visage n'a été trouvé sur les photos.",
      '0942': "Les photos n'étaient pas assez nettes.",
      '1241': "Un vérificateur de Smile ID n'a pas pu utiliser les photos.",
      '1242':
        'Un vérificateur de Smile ID a constaté que les photos ne montrent peut-être pas une personne réelle et vivante.',
      '0001': "Le selfie n'a pas pu être utilisé.",
      '0903': 'Les photos ne sont pas arrivées complètes chez Smile ID.',
      '0907': 'Les photos ne montrent peut-être pas une personne réelle et vivante.',
      '0842': 'Une personne de Smile ID vérifie les photos.',
      '0844': 'Une personne de Smile ID vérifie que les photos montrent une personne réelle et vivante.',
      '0846': 'Une personne de Smile ID vérifie que les photos montrent une personne réelle et vivante.',
    },
    fallback: {
      approved: 'Smile ID a confirmé ce client.',
      rejected: "Smile ID n'a pas enrôlé ce client.",
      provisional: 'Smile ID vérifie les photos.',
    },
  },
  jobError: {
    kinds: {
      network: {
        reason: 'Pas de connexion avec Smile ID.',
        action: 'Le kiosque l’enverra au retour du réseau.',
      },
      timeout: {
        reason: "Smile ID n'a pas répondu à temps.",
        action: 'Le kiosque réessaiera de lui-même.',
      },
      server_error: {
        reason: 'Smile ID a eu un problème de son côté.',
        action: 'Le kiosque réessaiera de lui-même.',
      },
      tls: {
        reason: "Le kiosque n'a pas pu établir une connexion sécurisée avec Smile ID.",
        action:
          "Un superviseur doit vérifier la date et l'heure du kiosque, et si le réseau bloque les connexions sécurisées.",
      },
      upload_refused: {
        reason: "Le lien d'envoi des photos a été refusé ou avait expiré.",
        action: 'Le kiosque demandera un nouveau lien de lui-même.',
      },
      response_invalid: {
        reason: "Smile ID a envoyé une réponse que le kiosque n'a pas pu lire.",
        action: 'Le kiosque réessaiera de lui-même. Si cela continue, appelez le support.',
      },
      response_signature_invalid: {
        reason: "Le kiosque n'a pas pu vérifier que les réponses viennent bien de Smile ID.",
        action:
          "Un superviseur doit vérifier la clé API et l'environnement dans les Paramètres, ainsi que le réseau.",
      },
      response_stale: {
        reason: 'Une réponse de Smile ID était trop ancienne, ou datée dans le futur.',
        action: "Un superviseur doit vérifier la date et l'heure du kiosque, ainsi que le réseau.",
      },
      response_not_this_job: {
        reason: 'Une réponse de Smile ID concernait un autre enrôlement.',
        action: 'Un superviseur doit vérifier le réseau et appeler le support.',
      },
      endpoint_not_allowed: {
        reason: "Le kiosque est réglé pour envoyer à une adresse qu'il n'a pas le droit d'utiliser.",
        action:
          'Un superviseur doit choisir le bac à sable ou la production de Smile ID dans les Paramètres.',
      },
      result_pending: {
        reason: "Smile ID n'a pas encore fini de vérifier les photos.",
        action: 'Le kiosque redemandera plus tard.',
      },
    },
    smileId: {
      '2201': SMILE_ID_SIDE,
      '2301': SMILE_ID_SIDE,
      '2401': SMILE_ID_SIDE,
      '2314': {
        reason: "Smile ID n'a pas reçu les photos.",
        action: 'Le kiosque les renverra de lui-même.',
      },
      '2203': {
        reason: "Smile ID n'a pas pu lire les photos envoyées par le kiosque.",
        action: 'Reprenez les photos. Si cela se reproduit, appelez le support.',
      },
      '2204': {
        reason:
          "Smile ID a refusé la demande : l'identifiant partenaire ou la clé API ne correspond pas à l'environnement.",
        action:
          "Un superviseur doit vérifier l'identifiant partenaire, la clé API et l'environnement dans les Paramètres.",
      },
      '2205': WRONG_KEY_OR_CLOCK,
      '2405': WRONG_KEY_OR_CLOCK,
      '2207': {
        reason: 'Ce client est bloqué chez Smile ID.',
        action: 'Appelez un superviseur. Ce client ne peut pas être enrôlé au kiosque.',
      },
      '2208': {
        reason: 'Ce client a été supprimé chez Smile ID.',
        action: 'Appelez un superviseur. Ce client ne peut pas être enrôlé au kiosque.',
      },
      '2209': {
        reason: 'Cet identifiant est déjà enrôlé chez Smile ID.',
        action: "Vérifiez l'identifiant. Un superviseur peut autoriser un nouvel enrôlement.",
      },
      '2210': {
        reason: "Smile ID n'a aucun client enrôlé avec cet identifiant.",
        action: "Vérifiez l'identifiant.",
      },
      '2211': {
        reason: 'Smile ID demande que ce client soit enrôlé à nouveau.',
        action: 'Appelez un superviseur pour autoriser un nouvel enrôlement.',
      },
      '2212': {
        reason: 'Smile ID a refusé le type de vérification demandé par le kiosque.',
        action: "Appelez le support en donnant l'identifiant et l'heure de cet enrôlement.",
      },
      '2213': MISSING_FIELD,
      '2413': MISSING_FIELD,
      '2215': {
        reason: 'Smile ID a déjà cet enrôlement.',
        action: 'Le kiosque poursuivra le même enrôlement de lui-même.',
      },
      '2216': {
        reason: "Smile ID n'a aucune photo enregistrée pour ce client.",
        action: 'Appelez un superviseur.',
      },
      '2217': {
        reason: "SmartSelfie n'est pas activé pour ce compte Smile ID.",
        action: 'Appelez le support : le compte doit avoir SmartSelfie.',
      },
      '2220': {
        reason: "La production n'est pas activée pour ce compte Smile ID.",
        action: "Un superviseur doit choisir le bac à sable, ou demander à Smile ID d'activer la production.",
      },
    },
    smileIdUnknown: {
      reason: "Smile ID a refusé l'enrôlement avec le code {{code}}.",
      action: 'Appelez le support et donnez-lui ce code.',
    },
    internal: {
      photos_deleted: {
        reason: 'Les photos de cet enrôlement ont été effacées du kiosque, il ne peut donc pas être envoyé.',
        action: 'Enrôlez à nouveau le client, puis supprimez cette entrée.',
      },
      files_unreadable: {
        reason: "Le kiosque n'a pas pu lire les fichiers enregistrés de cet enrôlement.",
        action: 'Enrôlez à nouveau le client, puis supprimez cette entrée.',
      },
      files_missing: {
        reason: 'Les fichiers de cet enrôlement manquent sur le kiosque, il ne peut donc pas être envoyé.',
        action: 'Enrôlez à nouveau le client, puis supprimez cette entrée.',
      },
    },
    imagesExpired: {
      cannot_send: {
        reason:
          'Les photos du client ont été effacées au bout de la durée maximale de conservation sur le kiosque, avant que Smile ID les reçoive.',
        action: 'Enrôlez à nouveau le client, puis supprimez cette entrée.',
      },
      answer_pending: {
        reason:
          'Les photos du client ont été effacées au bout de la durée maximale de conservation sur le kiosque. Smile ID les a déjà, sa réponse peut donc encore arriver.',
        action:
          'Rien à faire pour le moment. Si Smile ID demande de nouvelles photos, enrôlez à nouveau le client.',
      },
      answer_pending_retry: {
        reason:
          'Les photos du client ont été effacées au bout de la durée maximale de conservation sur le kiosque. Smile ID les a déjà, sa réponse peut donc encore arriver.',
        action:
          'Appuyez sur « $t(operator.retry) » pour demander sa réponse à Smile ID ; aucune photo n’est envoyée. Si Smile ID demande de nouvelles photos, enrôlez à nouveau le client.',
      },
    },
    byClass: {
      transient: {
        reason: "L'envoi n'a pas fonctionné cette fois.",
        action: 'Le kiosque réessaiera de lui-même.',
      },
      permanent: { reason: "Cet enrôlement n'a pas pu être envoyé.", action: 'Appelez un superviseur.' },
      systemic: {
        reason: 'Les envois sont arrêtés par un problème dans les paramètres du kiosque.',
        action: 'Un superviseur doit vérifier les paramètres.',
      },
    },
  },
  circuit: {
    not_configured: {
      reason: "Smile ID n'est pas configuré sur ce kiosque.",
      action: "Un superviseur doit saisir l'identifiant partenaire et la clé API dans les Paramètres.",
    },
    clock_wrong: {
      reason: "L'horloge du kiosque est fausse, donc Smile ID refuse ses demandes.",
      action: "Un superviseur doit régler la date, l'heure et le fuseau horaire du kiosque.",
    },
  },
  kioskError: {
    invalid_request: {
      message: "Le kiosque n'a pas pu accepter cette demande.",
      action: 'Vérifiez ce qui a été saisi et réessayez. Si cela se reproduit, redémarrez le kiosque.',
    },
    invalid_image: { message: "Les photos n'ont pas pu être utilisées.", action: 'Reprenez les photos.' },
    invalid_user_id: {
      message: "Cet identifiant n'est pas valide.",
      action: "Vérifiez l'identifiant et saisissez-le à nouveau.",
    },
    consent_required: {
      message: "Le consentement du client est d'abord nécessaire.",
      action: 'Revenez en arrière et demandez son consentement au client.',
    },
    duplicate_user: {
      message: 'Cet identifiant a déjà un enrôlement sur ce kiosque.',
      action: "Demandez à un superviseur avant d'enrôler à nouveau ce client.",
    },
    offline_budget_exceeded: {
      message: "Le kiosque garde trop d'enrôlements non envoyés pour en prendre un nouveau.",
      action: "Demandez à un superviseur : le kiosque doit d'abord envoyer les enrôlements en attente.",
    },
    disk_full: {
      message: "Le kiosque manque d'espace de stockage.",
      action: "Demandez à un superviseur : le kiosque doit d'abord envoyer les enrôlements en attente.",
    },
    pin_required: { message: "Il faut le code de l'opérateur.", action: "Saisissez le code de l'opérateur." },
    pin_invalid: { message: "Le code n'est pas bon.", action: 'Saisissez le code à nouveau.' },
    pin_locked: {
      message: 'Trop de codes incorrects. La saisie du code est bloquée pour un moment.',
      action: 'Attendez, puis réessayez.',
    },
    session_expired: {
      message: "La session de l'opérateur est terminée.",
      action: "Saisissez à nouveau le code de l'opérateur.",
    },
    pin_change_required: {
      message: "Le code de l'opérateur doit d'abord être changé.",
      action: 'Choisissez un nouveau code de 6 à 12 chiffres.',
    },
    kiosk_locked: {
      message: "Ce kiosque est verrouillé : son code d'opérateur ne peut pas être lu.",
      action:
        'Saisissez le code de secours du superviseur, ou demandez à un administrateur de reconfigurer le kiosque.',
    },
    not_found: {
      message: "Le kiosque n'a pas trouvé ce qui était demandé.",
      action: 'Revenez en arrière et réessayez.',
    },
    not_allowed: {
      message: "Ce n'est pas autorisé pour le moment.",
      action: "Regardez à nouveau l'enrôlement, ou demandez à un superviseur.",
    },
    not_configured: {
      message: "Le kiosque n'est pas entièrement configuré pour cela.",
      action: 'Un superviseur doit terminer la configuration du kiosque.',
    },
    unauthorized: {
      message: "Cet écran n'a pas le droit d'utiliser le kiosque.",
      action: 'Redémarrez le kiosque.',
    },
    internal: {
      message: 'Le kiosque a rencontré un problème inattendu.',
      action: "Revenez à l'accueil et réessayez. Si cela se reproduit, redémarrez le kiosque.",
    },
  },
  shift: {
    title: 'Connectez-vous pour commencer votre service',
    operatorId: "Identifiant d'opérateur",
    signedInAs: 'Connecté : {{name}}',
    signOut: 'Se déconnecter',
    disabled: 'Cet opérateur est désactivé. Demandez à un superviseur.',
    temporaryPin:
      'Votre code a été défini par un superviseur. Choisissez votre propre code de 6 à 12 chiffres.',
    newPin: 'Choisissez votre nouveau code',
    confirmPin: 'Saisissez de nouveau votre nouveau code',
    newPinRule: 'Un code compte de 6 à 12 chiffres.',
    pinsDiffer: 'Les deux codes ne sont pas identiques. Recommencez.',
    enrolledBy: 'Enregistré par {{operator}}',
  },
  operators: {
    open: 'Opérateurs',
    title: 'Opérateurs',
    back: "Retour au panneau de l'opérateur",
    columns: { id: "Identifiant d'opérateur", name: 'Nom', role: 'Rôle', status: 'État' },
    roles: { operator: 'Opérateur', supervisor: 'Superviseur' },
    enabled: 'Peut se connecter',
    disabled: 'Désactivé',
    pinToChoose: 'Doit choisir un nouveau code',
    locked: 'Saisie du code bloquée',
    recoveryAccount: 'Le code de récupération réinitialise ce code',
    disable: 'Désactiver',
    enable: 'Activer',
    resetPin: 'Réinitialiser le code',
    makeSupervisor: 'Nommer superviseur',
    makeOperator: 'Nommer opérateur',
    add: 'Ajouter un opérateur',
    name: 'Nom',
    role: 'Rôle',
    temporaryPin: 'Code provisoire (6 à 12 chiffres)',
    temporaryPinHint: "Donnez ce code à l'opérateur. À sa première connexion, il choisit son propre code.",
    resetTitle: 'Nouveau code provisoire pour {{name}}',
    created: '{{name}} a été ajouté. Il se connecte avec le code provisoire, puis choisit son propre code.',
    pinReset:
      'Le code de {{name}} a été réinitialisé. Il se connecte avec le code provisoire, puis choisit son propre code.',
    idRule: '2 à 32 caractères : lettres minuscules, chiffres, point, tiret ou tiret bas.',
    nameNeeded: 'Saisissez le nom.',
    pinRule: 'Un code compte de 6 à 12 chiffres.',
    idTaken: 'Un opérateur avec cet identifiant existe déjà. Choisissez un autre identifiant.',
    lastSupervisor:
      "Le kiosque doit garder au moins un superviseur qui peut se connecter. Nommez d'abord un autre opérateur superviseur.",
  },
  pin: {
    title: 'Code opérateur',
    label: 'Code',
    submit: 'Déverrouiller',
    wrong: 'Code incorrect.',
    triesLeft_one: 'Code incorrect. Encore {{count}} essai avant le blocage de la saisie.',
    triesLeft_other: 'Code incorrect. Encore {{count}} essais avant le blocage de la saisie.',
    locked: 'Trop de codes incorrects. La saisie est bloquée jusqu’à {{time}}.',
    forgot: 'Code oublié ?',
    pad: 'Pavé numérique',
    erase: 'Effacer le dernier chiffre',
    ok: 'OK',
  },
  changePin: {
    title: 'Choisissez un nouveau code opérateur',
    required:
      'Le code opérateur doit maintenant avoir de 6 à 12 chiffres. Choisissez-en un nouveau avant de continuer.',
    recovered: 'Le code de secours est bon. Choisissez un nouveau code opérateur.',
    newPin: 'Nouveau code (6 à 12 chiffres)',
    confirm: 'Nouveau code, encore une fois',
    submit: 'Enregistrer le nouveau code',
  },
  recovery: {
    lockedTitle: 'Ce kiosque est verrouillé',
    forgotTitle: 'Définir un nouveau code opérateur',
    reasons: {
      pin_hash_invalid:
        'Le code opérateur enregistré sur ce kiosque est endommagé : personne ne peut se connecter avec.',
      pin_hash_missing:
        'Le code opérateur manque dans les paramètres du kiosque : personne ne peut se connecter.',
      settings_unversioned:
        "Le fichier de paramètres n'a pas été écrit par cette application : le kiosque ne lui fait pas confiance.",
      settings_file_missing:
        'Le fichier de paramètres a disparu. Ce kiosque avait déjà été configuré, il reste donc verrouillé.',
    },
    lockedBody:
      "Tant qu'un nouveau code opérateur n'est pas défini, personne ne peut modifier les paramètres ni utiliser le panneau de l'opérateur.",
    howCode:
      'Si vous avez le code de secours du superviseur (affiché une seule fois lors du premier choix du code), saisissez-le ici.',
    howProvision:
      "Sans ce code, appelez le support informatique de la banque : il peut donner un nouveau PIN au kiosque en le reprovisionnant, comme l'explique le guide du kiosque à la rubrique « A locked kiosk ». Les enrôlements en attente sur ce kiosque sont conservés.",
    codeLabel: 'Code de secours',
    submit: 'Continuer',
    wrong: "Ce code de secours n'est pas le bon.",
    locked: 'Trop de codes incorrects. Réessayez après {{time}}.',
  },
  recoveryCode: {
    title: 'Code de secours du superviseur',
    body: "Notez ce code et gardez-le en lieu sûr, loin du kiosque. Il n'est affiché que cette fois. Avec lui, un superviseur peut définir un nouveau code opérateur si le code est oublié ou perdu.",
    done: "Je l'ai noté",
  },
  session: {
    ended: 'La session opérateur est terminée. Saisissez de nouveau le code.',
  },
  operator: {
    title: "Panneau de l'opérateur",
    sendNow: 'Envoyer maintenant',
    retry: 'Réessayer',
    discard: 'Supprimer',
    confirmDiscard: "Supprimer définitivement l'enrôlement de {{userId}} ? Il ne sera jamais envoyé.",
    keep: 'Le garder',
    empty: 'Aucun enrôlement sur ce kiosque.',
    noMatch: 'Aucun enrôlement ne correspond à la recherche.',
    search: 'Rechercher par identifiant',
    filter: 'Afficher',
    filters: {
      all: 'Tous',
      waiting: 'En attente',
      needs_attention: 'À vérifier',
      provisional: 'En vérification',
      approved: 'Approuvés',
      rejected: 'Rejetés',
      submitted: 'Résultat à la banque',
    },
    today: "Pris aujourd'hui",
    totals: {
      approved: 'Approuvés',
      rejected: 'Rejetés',
      provisional: 'En vérification',
      waiting: 'En attente',
      needs_attention: 'À vérifier',
      sent: 'Envoyés à Smile ID',
    },
    columns: {
      user: 'Identifiant',
      state: 'État',
      captured: 'Pris le',
      attempts: 'Tentatives',
      details: "Ce qui s'est passé",
    },
    reference: 'Référence {{reference}}',
    states: {
      queued: 'En attente',
      preparing: 'Préparation',
      uploading: 'Envoi',
      awaiting_result: 'Attente du résultat',
      approved: 'Approuvé',
      rejected: 'Rejeté',
      provisional: 'En vérification',
      needs_attention: 'À vérifier',
      submitted: 'Envoyé (résultat à la banque)',
    },
    clock: "L'horloge du kiosque diffère de celle de Smile ID de {{minutes}} min.",
    exit: 'Fermer le panneau',
    approveReEnrollment: 'Approuver le réenrôlement',
    tabs: {
      queue: 'Enrôlements',
      day: 'Fin de journée',
      audit: "Journal d'audit",
      support: 'Assistance',
    },
    reEnroll: {
      confirm:
        'Enrôler de nouveau {{userId}} ? Smile ID a déjà un enrôlement pour cet identifiant. Les mêmes photos sont renvoyées comme un nouvel enrôlement.',
      approve: 'Oui, enrôler de nouveau',
      cancel: 'Pas maintenant',
    },
    day: {
      title: 'Enrôlements par opérateur',
      day: 'Jour',
      operator: 'Opérateur',
      notNamed: 'Non nommé (code PIN du kiosque)',
      total: 'Total',
      allOperators: 'Tous les opérateurs',
      none: "Aucun enrôlement n'a été pris ce jour-là.",
      kept_one: 'Le kiosque garde les enrôlements {{count}} jour : les jours plus anciens sont vides.',
      kept_other: 'Le kiosque garde les enrôlements {{count}} jours : les jours plus anciens sont vides.',
      exportCsv: 'Exporter en CSV',
    },
    audit: {
      title: "Journal d'audit",
      day: 'Jour (vide : tous les jours)',
      operatorId: "Identifiant de l'opérateur",
      userId: 'Identifiant du client',
      show: 'Afficher',
      problems: {
        operatorId: "Un identifiant d'opérateur ne contient que des lettres, des chiffres et . _ @ -",
        userId: 'Cet identifiant est trop long.',
      },
      matched_one: '{{count}} entrée',
      matched_other: '{{count}} entrées',
      none: 'Aucune entrée ne correspond.',
      columns: {
        when: 'Quand',
        who: 'Qui',
        what: "Ce qui s'est passé",
        customer: 'Client',
      },
      actors: {
        system: 'Le kiosque',
        notSignedIn: 'Personne de connecté',
        kioskPin: 'Code PIN du kiosque',
        recoveryCode: 'Code de récupération',
        firstRun: 'Première configuration',
      },
      newer: 'Plus récentes',
      older: 'Plus anciennes',
      exportJsonl: 'Exporter en JSON Lines',
      exportCsv: 'Exporter en CSV',
      exported_one: 'Enregistré : {{fileName}} ({{count}} entrée).',
      exported_other: 'Enregistré : {{fileName}} ({{count}} entrées).',
      whole: "Le journal d'audit de ce kiosque est complet et intact, jusqu'à l'entrée {{seq}}.",
      empty: "Le journal d'audit de ce kiosque n'a encore aucune entrée.",
      damaged: "Le journal d'audit de ce kiosque est endommagé. Exportez-le et appelez le support.",
      damagedAt:
        "Le journal d'audit de ce kiosque est endommagé à l'entrée {{seq}}. Exportez-le et appelez le support.",
      actions: {
        audit: {
          log_started: "Journal d'audit démarré",
          retention_purged: 'Anciennes entrées du journal supprimées à la fin de leur durée de conservation',
          unreadable_tail_set_aside: "Une fin illisible du journal d'audit a été mise de côté",
          exported: "Journal d'audit exporté",
        },
        operator: {
          signed_in: 'Connexion',
          sign_in_failed: 'Code PIN erroné saisi',
          sign_in_locked: 'Saisie du code PIN bloquée après des erreurs',
          signed_out: 'Déconnexion',
          pin_changed: 'Code PIN modifié',
          created: 'Opérateur ajouté',
          disabled: 'Opérateur désactivé',
          enabled: 'Opérateur réactivé',
          role_changed: "Rôle de l'opérateur modifié",
          renamed: 'Opérateur renommé',
          pin_reset: 'Code PIN temporaire donné à un opérateur',
          recovery_code_issued: 'Nouveau code de récupération créé',
          recovery_code_refused: 'Code de récupération erroné saisi',
        },
        kiosk: {
          exited: 'Sortie du mode kiosque',
          diagnostics_exported: "Diagnostic exporté pour l'assistance",
        },
        settings: {
          changed: 'Réglages modifiés',
          api_key_changed: 'Clé API modifiée',
          api_key_cleared: 'Clé API supprimée',
        },
        enrollment: {
          saved: 'Enrôlement enregistré',
          re_enrolled: 'Enrôlement enregistré pour un identifiant que ce kiosque avait déjà',
        },
        job: {
          sent: 'Photos envoyées à Smile ID',
          result: 'Résultat de Smile ID',
          attempt_failed: "Échec de l'envoi ; le kiosque réessaiera",
          needs_attention: 'Arrêté : à vérifier',
          retry_requested: 'Nouvel essai demandé',
          re_enrollment_approved: 'Réenrôlement approuvé',
          discarded: 'Enrôlement supprimé',
          images_expired: 'Photos supprimées à leur âge maximal',
          retention_removed: 'Enrôlement effacé à la fin de sa durée de conservation',
        },
        queue: {
          send_now_requested: '« Envoyer maintenant » pressé',
        },
        system: {
          kiosk_started: 'Kiosque démarré',
          kiosk_stopped: 'Kiosque arrêté',
          circuit_opened: 'Envois suspendus',
          circuit_closed: 'Envois repris',
          clock_skew_exceeded: "L'horloge du kiosque est fausse",
          clock_skew_resolved: "L'horloge du kiosque est de nouveau juste",
          index_recovered: "Liste d'attente reconstruite au démarrage",
        },
      },
    },
    support: {
      title: "Diagnostic pour l'assistance",
      explain:
        "Un seul fichier pour l'équipe d'assistance : versions, réglages sans les secrets, état de la file d'attente, erreurs récentes et vérification du journal d'audit. Il ne contient aucun identifiant de client, aucune photo et aucune clé.",
      export: 'Exporter le diagnostic',
      exported: 'Enregistré : {{fileName}}.',
    },
  },
  setup: {
    title: 'Configuration du kiosque',
    firstRun:
      'Configurez ce kiosque avant le premier enrôlement. Le mode formation fonctionne tout de suite ; le bac à sable et la production Smile ID demandent l’identifiant partenaire et la clé API du portail Smile ID.',
    notSaved: 'Non enregistré. Corrigez les champs signalés, puis enregistrez à nouveau.',
    saved: 'Paramètres enregistrés.',
    gate: {
      signInFirst: 'Saisissez le code opérateur pour modifier les paramètres.',
      notReady:
        'Ce kiosque ne peut pas encore enrôler : l’environnement choisi est « {{environment}} » et il lui manque quelque chose.',
      missing: {
        customApiUrl: 'L’URL de l’API personnalisée manque.',
        partnerId: 'L’identifiant partenaire manque.',
        apiKey: 'La clé API manque.',
      },
      askOperator: 'Un opérateur doit saisir le code et terminer la configuration.',
      signIn: 'Saisir le code opérateur',
    },
    sections: {
      destination: 'Où vont les enrôlements',
      kiosk: 'Ce kiosque',
      customers: 'Clients',
      privacy: 'Conservation des données',
      pin: 'Code opérateur',
    },
    environment: 'Environnement',
    environments: {
      training: 'Formation (rien n’est envoyé)',
      sandbox: 'Smile ID bac à sable',
      production: 'Smile ID production',
      custom: 'URL personnalisée',
    },
    environmentHints: {
      training: 'Un simulateur intégré au kiosque répond. Rien ne quitte cet ordinateur.',
      sandbox:
        'Le service de test de Smile ID : il faut l’identifiant partenaire et la clé API du bac à sable.',
      production: 'Enrôlements réels : il faut l’identifiant partenaire et la clé API de production.',
      custom: 'Une autre adresse pour l’API de Smile ID, par exemple le proxy de la banque.',
    },
    customApiUrl: "URL de l'API (se terminant par /v1)",
    partnerId: 'Identifiant partenaire',
    apiKey: 'Clé API',
    apiKeySet:
      'Une clé API est enregistrée. Saisissez-en une nouvelle pour la remplacer. Changer d’environnement ou d’identifiant partenaire la redemande.',
    apiKeyNotSet: 'Pas encore de clé API.',
    callbackUrl: 'URL de rappel (facultative)',
    callbackUrlHint: 'L’adresse https de la banque où Smile ID envoie aussi chaque résultat.',
    jobStatusPollingTimeoutSeconds: 'Attendre le résultat (secondes)',
    jobStatusPollingHint:
      'Combien de temps le kiosque attend la réponse de Smile ID après l’envoi. 0 : il n’attend pas, et le résultat part seulement vers l’URL de rappel.',
    kioskId: 'Identifiant du kiosque',
    branch: 'Agence',
    locationHint:
      'L’endroit où se trouve le kiosque, envoyé avec chaque enrôlement. Laissez tout vide pour ne rien envoyer.',
    location: {
      latitude: 'Latitude',
      longitude: 'Longitude',
      accuracyMeters: 'Précision (mètres)',
      placeName: 'Nom du lieu (facultatif)',
    },
    language: 'Langue',
    autoStartAtLogin: 'Démarrer le kiosque à l’ouverture de session de ce compte (Windows)',
    autoStartAtLoginHint:
      'L’application installée s’ouvre alors d’elle-même après un redémarrage. Sous Linux, ajoutez-la plutôt aux applications au démarrage du bureau.',
    windowedOperatorMode: 'Afficher le kiosque dans une fenêtre normale',
    windowedOperatorModeHint: 'Pour travailler à un bureau. Les clients doivent voir le plein écran.',
    userIdPattern: 'Caractères autorisés de l’identifiant client (motif)',
    userIdPatternHint:
      'Une expression régulière en syntaxe RE2. Par défaut : lettres, chiffres, tiret et tiret bas.',
    userIdMinLength: 'Identifiant client : nombre minimal de caractères',
    userIdMaxLength: 'Identifiant client : nombre maximal de caractères',
    duplicateGuard: 'Quand un identifiant client a déjà été enrôlé sur ce kiosque',
    duplicateGuards: { warn: 'Avertir l’opérateur, puis autoriser', block: 'Ne pas autoriser' },
    idleTimeoutSeconds: 'Retour à l’accueil après une inactivité de (secondes)',
    idleTimeoutSecondsHint: 'Ferme aussi ces paramètres. De 15 à 3600 secondes.',
    captureTimeoutSeconds: 'Appeler l’opérateur quand aucun visage n’est trouvé pendant (secondes)',
    captureTimeoutSecondsHint: 'Le client est alors invité à appeler l’opérateur. De 15 à 600 secondes.',
    retentionDays: 'Garder la fiche d’un enrôlement terminé pendant (jours)',
    retentionDaysHint: 'La petite fiche du panneau opérateur : aucune photo.',
    maxImageAgeDays: 'Supprimer les photos encore sans réponse après (jours)',
    maxImageAgeDaysHint:
      'Les photos sont supprimées dès la réponse de Smile ID ; c’est la durée maximale autrement.',
    newPin: 'Nouveau code opérateur (6 à 12 chiffres)',
    newPinFirstRun: 'Choisissez le code que les opérateurs utiliseront. Gardez-le secret.',
    newPinOptional: 'Laissez vide pour garder le code actuel.',
    confirmPin: 'Nouveau code opérateur, encore une fois',
    pinMismatch: 'Les deux codes ne sont pas identiques.',
    recoveryCodeSet: 'Un code de secours du superviseur existe.',
    recoveryCodeNotSet: "Il n'y a pas encore de code de secours. Créez-en un et gardez-le en lieu sûr.",
    newRecoveryCode: 'Créer un nouveau code de secours',
    problems: {
      required: 'Saisissez une valeur.',
      needed_to_send:
        'Nécessaire pour envoyer des enrôlements dans cet environnement. Choisissez la formation pour essayer le kiosque sans cela.',
      needed_again:
        'Saisissez à nouveau la clé API : changer d’environnement, d’URL ou d’identifiant partenaire efface la clé enregistrée.',
      needed_without_polling:
        'Nécessaire quand le kiosque n’attend pas les résultats : Smile ID les envoie alors seulement à cette adresse.',
      whole_number: 'Saisissez un nombre entier.',
      too_small: 'Saisissez {{limit}} ou plus.',
      too_big: 'Saisissez {{limit}} ou moins.',
      too_short: 'Saisissez au moins {{limit}} caractères.',
      too_long: 'Saisissez au plus {{limit}} caractères.',
      digits_only: 'Des chiffres seulement, comme sur le portail Smile ID.',
      not_a_url: 'Saisissez une adresse web complète, commençant par https://',
      not_https: 'L’adresse doit commencer par https://',
      host_not_allowed: 'Ce n’est pas une adresse de Smile ID. Demandez au support de l’autoriser.',
      not_a_pattern: 'Ce motif n’est pas valide (syntaxe RE2 : sans références arrière ni assertions).',
      min_above_max: 'Le nombre minimal de caractères ne peut pas dépasser le maximal.',
      not_allowed: 'Ce paramètre ne peut pas être modifié ici.',
      invalid: 'Cette valeur n’est pas valide.',
      pin_format: 'Un code a de 6 à 12 chiffres.',
      pins_differ: 'Les deux codes ne sont pas identiques.',
    },
  },

  languages: { en: 'English', fr: 'Français', sw: 'Kiswahili', pt: 'Português' },
};
