import type { Translation } from './en';

const SMILE_ID_SIDE = {
  reason: 'A Smile ID teve um problema do lado dela.',
  action: 'O quiosque vai tentar de novo sozinho.',
};
const WRONG_KEY_OR_CLOCK = {
  reason: 'A Smile ID recusou o pedido: a chave da API está errada, ou o relógio do quiosque está errado.',
  action: 'Um supervisor tem de verificar a chave da API, o ambiente e o relógio do quiosque.',
};
const MISSING_FIELD = {
  reason: 'A Smile ID diz que faltam informações no pedido.',
  action: 'Ligue para o suporte e indique o ID e a hora deste registo.',
};

export const pt: Translation = {
  app: { title: 'Registo de cliente' },
  kioskMode: {
    training: 'Modo de formação — nada é enviado à Smile ID',
    test: 'Modo de teste — os registos vão para o ambiente de testes da Smile ID, não para clientes reais',
    live: 'Em serviço — os registos são enviados à Smile ID',
  },
  where: {
    kiosk: 'Quiosque',
    branch: 'Balcão',
    sendsTo: 'Envia para',
    place: 'Local',
    notSet: 'não definido',
    environments: {
      training: 'Nenhum destino (formação)',
      sandbox: 'Smile ID testes',
      production: 'Smile ID produção',
      custom: 'Servidor personalizado',
    },
  },
  identity: { userId: 'ID do cliente', reference: 'Referência' },
  common: {
    back: 'Voltar',
    cancel: 'Cancelar',
    continue: 'Continuar',
    close: 'Fechar',
    save: 'Guardar',
    done: 'Concluído',
    tryAgain: 'Tentar de novo',
    home: 'Voltar ao início',
  },
  home: { newEnrollment: 'Novo registo', operator: 'Operador', settings: 'Definições', language: 'Idioma' },
  queue: {
    waiting_one: '{{count}} em espera',
    waiting_other: '{{count}} em espera',
    attention_one: '{{count}} requer atenção',
    attention_other: '{{count}} requerem atenção',
    sentToday: '{{count}} enviados hoje',
    online: 'Ligado',
    offline: 'Sem ligação — as capturas são guardadas e enviadas mais tarde',
    paused: 'Envio em pausa: {{reason}}',
    lastSent: 'Último envio {{when}}',
    neverSent: 'Nada enviado ainda',
  },
  userId: {
    title: 'ID do cliente',
    hint: 'Escreva-o ou leia-o com o leitor.',
    rule: {
      length: 'De {{min}} a {{max}} caracteres.',
      letters_digits_dash_underscore: 'Letras, algarismos, hífen (-) e sublinhado (_).',
      letters_digits: 'Só letras e algarismos.',
      digits: 'Só algarismos.',
    },
    label: 'ID do cliente',
    submit: 'Continuar',
    problems: {
      empty: 'Introduza o ID do cliente.',
      too_short: 'Este ID é demasiado curto: precisa de pelo menos {{min}} caracteres.',
      too_long: 'Este ID é demasiado longo: pode ter no máximo {{max}} caracteres.',
      bad_characters: 'Este ID tem caracteres não permitidos.',
    },
    duplicateQueued: 'Este ID já está à espera de ser enviado deste quiosque.',
    duplicateEnrolled: 'Este ID já foi registado neste quiosque.',
    duplicateBlocked: 'Não é permitido um segundo registo para este ID. Chame um supervisor.',
    continueAnyway: 'Continuar mesmo assim',
  },
  consent: {
    title: 'O seu consentimento',
    body: 'Vamos fotografar o seu rosto para confirmar a sua identidade junto da Smile ID em nome do banco. As fotografias são cifradas neste quiosque e apagadas assim que a Smile ID responder.',
    accept: 'Aceito',
    decline: 'Não aceito',
  },
  capture: {
    title: 'Olhe para a câmara',
    start: 'Começar',
    preparing: 'A ligar a câmara…',
    progress: '{{count}} de {{total}}',
    prompts: {
      starting: 'Coloque o rosto dentro da oval',
      no_face: 'Não vemos um rosto. Olhe para a câmara.',
      multiple_faces: 'Apenas uma pessoa, por favor.',
      too_far: 'Aproxime-se um pouco.',
      too_close: 'Afaste-se um pouco.',
      off_centre: 'Coloque o rosto no centro da oval.',
      too_dark: 'Está demasiado escuro. Vire-se para a luz.',
      hold_still: 'Fique quieto…',
      smile: 'Agora sorria!',
      done: 'Concluído!',
    },
    restarted: 'Perdemos o seu rosto, por isso recomeçámos.',
    timeout: {
      title: 'Por favor, chame o operador.',
      body: 'Não conseguimos tirar as fotografias. O operador pode ajudá-lo a ficar no sítio certo, ou verificar a câmara e a luz.',
    },
  },
  camera: {
    title: 'Problema com a câmara',
    not_found: 'Não foi encontrada nenhuma câmara. Verifique se está ligada e tente de novo.',
    permission_denied: 'O quiosque não tem permissão para usar a câmara. Chame um supervisor.',
    in_use: 'A câmara está a ser usada por outro programa. Feche-o e tente de novo.',
    unplugged: 'A câmara foi desligada. Volte a ligá-la e tente de novo.',
    unsupported: 'Este dispositivo não pode usar uma câmara aqui. Chame um supervisor.',
    unknown: 'Não foi possível ligar a câmara. Tente de novo; se repetir, reinicie o quiosque.',
    picker: {
      title: 'Câmara',
      device: 'Que câmara',
      defaultDevice: 'Câmara predefinida',
      unnamed: 'Câmara {{number}}',
      missing: '{{name}} (não ligada: é usada a câmara predefinida)',
      savedCamera: 'A câmara escolhida',
      resolution: 'Tamanho da imagem',
      resolutions: {
        '640x480': '640 × 480 (a mais leve)',
        '1280x720': '1280 × 720 (recomendado)',
        '1920x1080': '1920 × 1080',
      },
      preview: 'Pré-visualização da câmara escolhida',
      delivers: 'Esta câmara dá {{width}} × {{height}}.',
      showNames: 'Mostrar os nomes das câmaras',
      noCameras: 'Não há nenhuma câmara ligada.',
    },
  },
  review: { title: 'Verifique a fotografia', submit: 'Usar esta fotografia', retake: 'Tirar de novo' },
  result: {
    saved: 'Guardado — será enviado automaticamente.',
    savedDetail:
      'O quiosque está sem ligação. O registo está guardado em segurança e será enviado quando a rede voltar.',
    sending: 'A enviar…',
    steps: {
      queued: 'À espera de envio',
      preparing: 'A preparar',
      uploading: 'A enviar as fotografias',
      awaiting_result: 'À espera da Smile ID',
    },
    approved: 'Registado',
    rejected: 'Não registado',
    provisional: 'Em revisão',
    provisionalDetail: 'O resultado aparecerá no painel do operador.',
    nextStep: {
      recapture: 'Tire as fotografias de novo.',
      call_supervisor: 'Chame um supervisor.',
      wait_for_review: 'Nada a fazer agora.',
    },
    recapture: 'Tirar as fotografias de novo',
    attention: 'Este registo precisa de um operador.',
    failed: 'Não foi possível guardar o registo.',
    submitted: 'Enviado à Smile ID',
    submittedDetail: 'A Smile ID tem as fotografias. Envia o resultado diretamente ao banco.',
    codes: {
      '0840': 'A Smile ID confirmou este cliente.',
      '1240': 'A Smile ID confirmou este cliente depois de uma revisão feita por uma pessoa.',
      '0841': 'A selfie e as outras fotografias não coincidem.',
      '0843': 'As fotografias podem não mostrar uma pessoa real e viva.',
      '0941': 'Não foi encontrado nenhum rosto nas fotografias.',
      '0942': 'As fotografias não estavam suficientemente nítidas.',
      '1241': 'Um revisor da Smile ID não conseguiu usar as fotografias.',
      '1242': 'Um revisor da Smile ID concluiu que as fotografias podem não mostrar uma pessoa real e viva.',
      '0001': 'Não foi possível usar a selfie.',
      '0903': 'As fotografias não chegaram completas à Smile ID.',
      '0907': 'As fotografias podem não mostrar uma pessoa real e viva.',
      '0842': 'Uma pessoa da Smile ID está a rever as fotografias.',
      '0844': 'Uma pessoa da Smile ID está a verificar se as fotografias mostram uma pessoa real e viva.',
      '0846': 'Uma pessoa da Smile ID está a verificar se as fotografias mostram uma pessoa real e viva.',
    },
    fallback: {
      approved: 'A Smile ID confirmou este cliente.',
      rejected: 'A Smile ID não registou este cliente.',
      provisional: 'A Smile ID está a rever as fotografias.',
    },
  },
  jobError: {
    kinds: {
      network: {
        reason: 'Sem ligação à Smile ID.',
        action: 'O quiosque vai enviá-lo quando a rede voltar.',
      },
      timeout: {
        reason: 'A Smile ID não respondeu a tempo.',
        action: 'O quiosque vai tentar de novo sozinho.',
      },
      server_error: {
        reason: 'A Smile ID teve um problema do lado dela.',
        action: 'O quiosque vai tentar de novo sozinho.',
      },
      tls: {
        reason: 'O quiosque não conseguiu estabelecer uma ligação segura com a Smile ID.',
        action:
          'Um supervisor tem de verificar a data e a hora do quiosque, e se a rede bloqueia as ligações seguras.',
      },
      upload_refused: {
        reason: 'A ligação para enviar as fotografias foi recusada ou tinha expirado.',
        action: 'O quiosque vai pedir uma nova ligação sozinho.',
      },
      response_invalid: {
        reason: 'A Smile ID enviou uma resposta que o quiosque não conseguiu ler.',
        action: 'O quiosque vai tentar de novo sozinho. Se continuar a acontecer, ligue para o suporte.',
      },
      response_signature_invalid: {
        reason: 'O quiosque não conseguiu confirmar que as respostas vêm mesmo da Smile ID.',
        action: 'Um supervisor tem de verificar a chave da API e o ambiente nas Definições, e a rede.',
      },
      response_stale: {
        reason: 'Uma resposta da Smile ID era demasiado antiga, ou tinha uma data no futuro.',
        action: 'Um supervisor tem de verificar a data e a hora do quiosque, e a rede.',
      },
      response_not_this_job: {
        reason: 'Uma resposta da Smile ID dizia respeito a outro registo.',
        action: 'Um supervisor tem de verificar a rede e ligar para o suporte.',
      },
      endpoint_not_allowed: {
        reason: 'O quiosque está configurado para enviar para um endereço que não pode usar.',
        action:
          'Um supervisor tem de escolher o ambiente de testes ou de produção da Smile ID nas Definições.',
      },
      result_pending: {
        reason: 'A Smile ID ainda não acabou de verificar as fotografias.',
        action: 'O quiosque vai perguntar de novo mais tarde.',
      },
    },
    smileId: {
      '2201': SMILE_ID_SIDE,
      '2301': SMILE_ID_SIDE,
      '2401': SMILE_ID_SIDE,
      '2314': {
        reason: 'A Smile ID não recebeu as fotografias.',
        action: 'O quiosque vai enviá-las de novo sozinho.',
      },
      '2203': {
        reason: 'A Smile ID não conseguiu ler as fotografias enviadas pelo quiosque.',
        action: 'Tire as fotografias de novo. Se voltar a acontecer, ligue para o suporte.',
      },
      '2204': {
        reason:
          'A Smile ID recusou o pedido: o ID de parceiro ou a chave da API não corresponde ao ambiente.',
        action:
          'Um supervisor tem de verificar o ID de parceiro, a chave da API e o ambiente nas Definições.',
      },
      '2205': WRONG_KEY_OR_CLOCK,
      '2405': WRONG_KEY_OR_CLOCK,
      '2207': {
        reason: 'Este cliente está bloqueado na Smile ID.',
        action: 'Chame um supervisor. Este cliente não pode ser registado no quiosque.',
      },
      '2208': {
        reason: 'Este cliente foi apagado na Smile ID.',
        action: 'Chame um supervisor. Este cliente não pode ser registado no quiosque.',
      },
      '2209': {
        reason: 'Este ID já está registado na Smile ID.',
        action: 'Verifique o ID. Um supervisor pode autorizar um novo registo.',
      },
      '2210': {
        reason: 'A Smile ID não tem nenhum cliente registado com este ID.',
        action: 'Verifique o ID.',
      },
      '2211': {
        reason: 'A Smile ID pede que este cliente seja registado de novo.',
        action: 'Chame um supervisor para autorizar um novo registo.',
      },
      '2212': {
        reason: 'A Smile ID recusou o tipo de verificação pedido pelo quiosque.',
        action: 'Ligue para o suporte e indique o ID e a hora deste registo.',
      },
      '2213': MISSING_FIELD,
      '2413': MISSING_FIELD,
      '2215': {
        reason: 'A Smile ID já tem este registo.',
        action: 'O quiosque vai continuar o mesmo registo sozinho.',
      },
      '2216': {
        reason: 'A Smile ID não tem nenhuma fotografia guardada deste cliente.',
        action: 'Chame um supervisor.',
      },
      '2217': {
        reason: 'O SmartSelfie não está ativado para esta conta da Smile ID.',
        action: 'Ligue para o suporte: a conta precisa do SmartSelfie.',
      },
      '2220': {
        reason: 'A produção não está ativada para esta conta da Smile ID.',
        action:
          'Um supervisor tem de escolher o ambiente de testes, ou pedir à Smile ID que ative a produção.',
      },
    },
    smileIdUnknown: {
      reason: 'A Smile ID recusou o registo com o código {{code}}.',
      action: 'Ligue para o suporte e indique este código.',
    },
    internal: {
      photos_deleted: {
        reason: 'As fotografias deste registo foram apagadas do quiosque, por isso não pode ser enviado.',
        action: 'Registe o cliente de novo e depois elimine esta entrada.',
      },
      files_unreadable: {
        reason: 'O quiosque não conseguiu ler os ficheiros guardados deste registo.',
        action: 'Registe o cliente de novo e depois elimine esta entrada.',
      },
      files_missing: {
        reason: 'Os ficheiros deste registo não estão no quiosque, por isso não pode ser enviado.',
        action: 'Registe o cliente de novo e depois elimine esta entrada.',
      },
    },
    imagesExpired: {
      cannot_send: {
        reason:
          'As fotografias do cliente foram apagadas ao fim do tempo máximo que o quiosque as pode guardar, antes de a Smile ID as receber.',
        action: 'Registe o cliente de novo e depois elimine esta entrada.',
      },
      answer_pending: {
        reason:
          'As fotografias do cliente foram apagadas ao fim do tempo máximo que o quiosque as pode guardar. A Smile ID já as tem, por isso a resposta ainda pode chegar.',
        action: 'Nada a fazer agora. Se a Smile ID pedir novas fotografias, registe o cliente de novo.',
      },
      answer_pending_retry: {
        reason:
          'As fotografias do cliente foram apagadas ao fim do tempo máximo que o quiosque as pode guardar. A Smile ID já as tem, por isso a resposta ainda pode chegar.',
        action:
          'Carregue em «$t(operator.retry)» para pedir a resposta à Smile ID; não é enviada nenhuma fotografia. Se a Smile ID pedir novas fotografias, registe o cliente de novo.',
      },
    },
    byClass: {
      transient: {
        reason: 'Desta vez o envio não funcionou.',
        action: 'O quiosque vai tentar de novo sozinho.',
      },
      permanent: { reason: 'Não foi possível enviar este registo.', action: 'Chame um supervisor.' },
      systemic: {
        reason: 'Os envios estão parados por um problema nas definições do quiosque.',
        action: 'Um supervisor tem de verificar as definições.',
      },
    },
  },
  circuit: {
    not_configured: {
      reason: 'A Smile ID não está configurada neste quiosque.',
      action: 'Um supervisor tem de introduzir o ID de parceiro e a chave da API nas Definições.',
    },
    clock_wrong: {
      reason: 'O relógio do quiosque está errado, por isso a Smile ID recusa os pedidos dele.',
      action: 'Um supervisor tem de acertar a data, a hora e o fuso horário do quiosque.',
    },
  },
  kioskError: {
    invalid_request: {
      message: 'O quiosque não conseguiu aceitar este pedido.',
      action: 'Verifique o que foi introduzido e tente de novo. Se voltar a acontecer, reinicie o quiosque.',
    },
    invalid_image: {
      message: 'Não foi possível usar as fotografias.',
      action: 'Tire as fotografias de novo.',
    },
    invalid_user_id: {
      message: 'Este ID não é válido.',
      action: 'Verifique o ID e introduza-o de novo.',
    },
    consent_required: {
      message: 'Primeiro é preciso o consentimento do cliente.',
      action: 'Volte atrás e peça o consentimento ao cliente.',
    },
    duplicate_user: {
      message: 'Este ID já tem um registo neste quiosque.',
      action: 'Fale com um supervisor antes de registar este cliente de novo.',
    },
    offline_budget_exceeded: {
      message: 'O quiosque tem demasiados registos por enviar para aceitar um novo.',
      action: 'Fale com um supervisor: o quiosque tem primeiro de enviar os registos em espera.',
    },
    disk_full: {
      message: 'O quiosque está a ficar sem espaço de armazenamento.',
      action: 'Fale com um supervisor: o quiosque tem primeiro de enviar os registos em espera.',
    },
    pin_required: { message: 'Isto precisa do PIN do operador.', action: 'Introduza o PIN do operador.' },
    pin_invalid: { message: 'O PIN não está certo.', action: 'Introduza o PIN de novo.' },
    pin_locked: {
      message: 'Demasiados PIN errados. A introdução do PIN está bloqueada durante algum tempo.',
      action: 'Aguarde e tente de novo.',
    },
    session_expired: {
      message: 'A sessão do operador terminou.',
      action: 'Introduza de novo o PIN do operador.',
    },
    pin_change_required: {
      message: 'Primeiro é preciso mudar o PIN do operador.',
      action: 'Escolha um novo PIN de 6 a 12 algarismos.',
    },
    kiosk_locked: {
      message: 'Este quiosque está bloqueado: não é possível ler o PIN do operador.',
      action:
        'Introduza o código de recuperação do supervisor, ou peça a um administrador que configure o quiosque de novo.',
    },
    not_found: {
      message: 'O quiosque não encontrou o que foi pedido.',
      action: 'Volte atrás e tente de novo.',
    },
    not_allowed: {
      message: 'Isto não é permitido neste momento.',
      action: 'Veja de novo o registo, ou fale com um supervisor.',
    },
    not_configured: {
      message: 'O quiosque não está totalmente configurado para isto.',
      action: 'Um supervisor tem de terminar a configuração do quiosque.',
    },
    unauthorized: { message: 'Este ecrã não pode usar o quiosque.', action: 'Reinicie o quiosque.' },
    internal: {
      message: 'O quiosque encontrou um problema inesperado.',
      action: 'Volte ao início e tente de novo. Se voltar a acontecer, reinicie o quiosque.',
    },
  },
  shift: {
    title: 'Inicie sessão para começar o seu turno',
    operatorId: 'ID do operador',
    signedInAs: 'Sessão iniciada: {{name}}',
    signOut: 'Terminar sessão',
    disabled: 'Este operador está desativado. Peça a um supervisor.',
    temporaryPin: 'O seu PIN foi definido por um supervisor. Escolha o seu próprio PIN de 6 a 12 dígitos.',
    newPin: 'Escolha o seu novo PIN',
    confirmPin: 'Introduza novamente o seu novo PIN',
    newPinRule: 'Um PIN tem de 6 a 12 dígitos.',
    pinsDiffer: 'Os dois PIN não são iguais. Comece de novo.',
    enrolledBy: 'Registado por {{operator}}',
  },
  operators: {
    open: 'Operadores',
    title: 'Operadores',
    back: 'Voltar ao painel do operador',
    columns: { id: 'ID do operador', name: 'Nome', role: 'Função', status: 'Estado' },
    roles: { operator: 'Operador', supervisor: 'Supervisor' },
    enabled: 'Pode iniciar sessão',
    disabled: 'Desativado',
    pinToChoose: 'Tem de escolher um novo PIN',
    locked: 'Introdução do PIN bloqueada',
    recoveryAccount: 'O código de recuperação repõe este PIN',
    disable: 'Desativar',
    enable: 'Ativar',
    resetPin: 'Repor o PIN',
    makeSupervisor: 'Tornar supervisor',
    makeOperator: 'Tornar operador',
    add: 'Adicionar um operador',
    name: 'Nome',
    role: 'Função',
    temporaryPin: 'PIN temporário (6 a 12 dígitos)',
    temporaryPinHint: 'Dê este PIN ao operador. No primeiro início de sessão, ele escolhe o seu próprio PIN.',
    resetTitle: 'Novo PIN temporário para {{name}}',
    created:
      '{{name}} foi adicionado. Inicia sessão com o PIN temporário e depois escolhe o seu próprio PIN.',
    pinReset:
      'O PIN de {{name}} foi reposto. Inicia sessão com o PIN temporário e depois escolhe o seu próprio PIN.',
    idRule: '2 a 32 caracteres: letras minúsculas, dígitos, ponto, hífen ou sublinhado.',
    nameNeeded: 'Introduza o nome.',
    pinRule: 'Um PIN tem de 6 a 12 dígitos.',
    idTaken: 'Já existe um operador com este ID. Escolha outro ID.',
    lastSupervisor:
      'O quiosque tem de manter pelo menos um supervisor que possa iniciar sessão. Torne primeiro outro operador supervisor.',
  },
  pin: {
    title: 'PIN do operador',
    label: 'PIN',
    submit: 'Desbloquear',
    wrong: 'PIN errado.',
    triesLeft_one: 'PIN errado. Resta {{count}} tentativa antes de a entrada do PIN ficar bloqueada.',
    triesLeft_other: 'PIN errado. Restam {{count}} tentativas antes de a entrada do PIN ficar bloqueada.',
    locked: 'Demasiados PIN errados. A entrada do PIN está bloqueada até às {{time}}.',
    forgot: 'Esqueceu o PIN?',
    pad: 'Teclado numérico',
    erase: 'Apagar o último algarismo',
    ok: 'OK',
  },
  changePin: {
    title: 'Escolha um novo PIN do operador',
    required: 'O PIN do operador tem agora de ter 6 a 12 dígitos. Escolha um novo antes de continuar.',
    recovered: 'O código de recuperação está certo. Escolha um novo PIN do operador.',
    newPin: 'Novo PIN (6 a 12 dígitos)',
    confirm: 'Novo PIN outra vez',
    submit: 'Guardar o novo PIN',
  },
  recovery: {
    lockedTitle: 'Este quiosque está bloqueado',
    forgotTitle: 'Definir um novo PIN do operador',
    reasons: {
      pin_hash_invalid:
        'O PIN do operador guardado neste quiosque está danificado, por isso ninguém consegue entrar com ele.',
      pin_hash_missing:
        'O PIN do operador falta nas definições do quiosque, por isso ninguém consegue entrar.',
      settings_unversioned:
        'O ficheiro de definições não foi escrito por esta aplicação, por isso o quiosque não confia nele.',
      settings_file_missing:
        'O ficheiro de definições desapareceu. Este quiosque já tinha sido configurado, por isso continua bloqueado.',
    },
    lockedBody:
      'Até ser definido um novo PIN do operador, ninguém pode alterar as definições nem usar o painel do operador.',
    howCode:
      'Se tem o código de recuperação do supervisor (mostrado uma única vez quando o PIN foi definido pela primeira vez), introduza-o aqui.',
    howProvision:
      'Sem o código, ligue para o suporte informático do banco: podem dar um novo PIN ao quiosque aprovisionando-o de novo, como o guia do quiosque explica em «A locked kiosk». Os registos à espera neste quiosque são mantidos.',
    codeLabel: 'Código de recuperação',
    submit: 'Continuar',
    wrong: 'Esse código de recuperação não está certo.',
    locked: 'Demasiados códigos errados. Tente de novo depois das {{time}}.',
  },
  recoveryCode: {
    title: 'Código de recuperação do supervisor',
    body: 'Anote este código e guarde-o num lugar seguro, longe do quiosque. Só é mostrado desta vez. Com ele, um supervisor pode definir um novo PIN do operador se o PIN for esquecido ou perdido.',
    done: 'Já o anotei',
  },
  session: {
    ended: 'A sessão do operador terminou. Introduza o PIN outra vez.',
  },
  operator: {
    title: 'Painel do operador',
    sendNow: 'Enviar agora',
    retry: 'Tentar de novo',
    discard: 'Eliminar',
    confirmDiscard: 'Eliminar definitivamente o registo de {{userId}}? Nunca será enviado.',
    keep: 'Manter',
    empty: 'Não há registos neste quiosque.',
    noMatch: 'Nenhum registo corresponde à pesquisa.',
    search: 'Pesquisar por ID',
    filter: 'Mostrar',
    filters: {
      all: 'Todos',
      waiting: 'Em espera',
      needs_attention: 'Requer atenção',
      provisional: 'Em revisão',
      approved: 'Aprovados',
      rejected: 'Rejeitados',
      submitted: 'Resultado para o banco',
    },
    today: 'Tirados hoje',
    totals: {
      approved: 'Aprovados',
      rejected: 'Rejeitados',
      provisional: 'Em revisão',
      waiting: 'Em espera',
      needs_attention: 'Requer atenção',
      sent: 'Enviados à Smile ID',
    },
    columns: {
      user: 'ID',
      state: 'Estado',
      captured: 'Tirado em',
      attempts: 'Tentativas',
      details: 'O que aconteceu',
    },
    reference: 'Referência {{reference}}',
    states: {
      queued: 'Em espera',
      preparing: 'A preparar',
      uploading: 'A enviar',
      awaiting_result: 'À espera do resultado',
      approved: 'Aprovado',
      rejected: 'Rejeitado',
      provisional: 'Em revisão',
      needs_attention: 'Requer atenção',
      submitted: 'Enviado (resultado para o banco)',
    },
    clock: 'O relógio do quiosque difere do da Smile ID em {{minutes}} min.',
    exit: 'Fechar o painel',
    approveReEnrollment: 'Aprovar novo registo',
    tabs: {
      queue: 'Registos',
      day: 'Fim do dia',
      audit: 'Registo de auditoria',
      support: 'Suporte',
    },
    reEnroll: {
      confirm:
        'Registar {{userId}} de novo? A Smile ID já tem um registo para este ID. As mesmas fotografias são enviadas de novo como um novo registo.',
      approve: 'Sim, registar de novo',
      cancel: 'Agora não',
    },
    day: {
      title: 'Registos por operador',
      day: 'Dia',
      operator: 'Operador',
      notNamed: 'Sem nome (PIN do quiosque)',
      total: 'Total',
      allOperators: 'Todos os operadores',
      none: 'Não foram feitos registos neste dia.',
      kept_one: 'O quiosque guarda os registos durante {{count}} dia: os dias mais antigos aparecem vazios.',
      kept_other:
        'O quiosque guarda os registos durante {{count}} dias: os dias mais antigos aparecem vazios.',
      exportCsv: 'Exportar em CSV',
    },
    audit: {
      title: 'Registo de auditoria',
      day: 'Dia (vazio: todos os dias)',
      operatorId: 'ID do operador',
      userId: 'ID do cliente',
      show: 'Mostrar',
      problems: {
        operatorId: 'Um ID de operador só tem letras, algarismos e . _ @ -',
        userId: 'Este ID é demasiado longo.',
      },
      matched_one: '{{count}} entrada',
      matched_other: '{{count}} entradas',
      none: 'Nenhuma entrada corresponde.',
      columns: {
        when: 'Quando',
        who: 'Quem',
        what: 'O que aconteceu',
        customer: 'Cliente',
      },
      actors: {
        system: 'O quiosque',
        notSignedIn: 'Ninguém com sessão iniciada',
        kioskPin: 'PIN do quiosque',
        recoveryCode: 'Código de recuperação',
        firstRun: 'Primeira configuração',
      },
      newer: 'Mais recentes',
      older: 'Mais antigas',
      exportJsonl: 'Exportar em JSON Lines',
      exportCsv: 'Exportar em CSV',
      exported_one: 'Guardado: {{fileName}} ({{count}} entrada).',
      exported_other: 'Guardado: {{fileName}} ({{count}} entradas).',
      whole: 'O registo de auditoria deste quiosque está completo e inalterado, até à entrada {{seq}}.',
      empty: 'O registo de auditoria deste quiosque ainda não tem entradas.',
      damaged: 'O registo de auditoria deste quiosque está danificado. Exporte-o e ligue para o suporte.',
      damagedAt:
        'O registo de auditoria deste quiosque está danificado na entrada {{seq}}. Exporte-o e ligue para o suporte.',
      actions: {
        audit: {
          log_started: 'Registo de auditoria iniciado',
          retention_purged: 'Entradas antigas eliminadas no fim do prazo de conservação',
          unreadable_tail_set_aside: 'Um fim ilegível do registo de auditoria foi posto de parte',
          exported: 'Registo de auditoria exportado',
        },
        operator: {
          signed_in: 'Sessão iniciada',
          sign_in_failed: 'PIN errado introduzido',
          sign_in_locked: 'Introdução do PIN bloqueada após erros',
          signed_out: 'Sessão terminada',
          pin_changed: 'PIN alterado',
          created: 'Operador adicionado',
          disabled: 'Operador desativado',
          enabled: 'Operador reativado',
          role_changed: 'Função do operador alterada',
          renamed: 'Operador renomeado',
          pin_reset: 'PIN temporário definido para um operador',
          recovery_code_issued: 'Novo código de recuperação criado',
          recovery_code_refused: 'Código de recuperação errado introduzido',
        },
        kiosk: {
          exited: 'Saiu do modo quiosque',
          diagnostics_exported: 'Diagnóstico exportado para o suporte',
        },
        settings: {
          changed: 'Definições alteradas',
          api_key_changed: 'Chave da API alterada',
          api_key_cleared: 'Chave da API removida',
        },
        enrollment: {
          saved: 'Registo guardado',
          re_enrolled: 'Registo guardado para um ID que este quiosque já tinha',
        },
        job: {
          sent: 'Fotografias enviadas à Smile ID',
          result: 'Resultado da Smile ID',
          attempt_failed: 'Falha no envio; o quiosque vai tentar de novo',
          needs_attention: 'Parado: requer atenção',
          retry_requested: 'Nova tentativa pedida',
          re_enrollment_approved: 'Novo registo aprovado',
          discarded: 'Registo eliminado',
          images_expired: 'Fotografias eliminadas ao atingirem a idade máxima',
          retention_removed: 'Registo apagado no fim do prazo de conservação',
        },
        queue: {
          send_now_requested: '«Enviar agora» premido',
        },
        system: {
          kiosk_started: 'Quiosque iniciado',
          kiosk_stopped: 'Quiosque parado',
          circuit_opened: 'Envios em pausa',
          circuit_closed: 'Envios retomados',
          clock_skew_exceeded: 'Relógio do quiosque errado',
          clock_skew_resolved: 'Relógio do quiosque de novo certo',
          index_recovered: 'Lista de espera reconstruída no arranque',
        },
      },
    },
    support: {
      title: 'Diagnóstico para o suporte',
      explain:
        'Um único ficheiro para a equipa de suporte: versões, definições sem segredos, estado da fila de espera, erros recentes e a verificação do registo de auditoria. Não contém nenhum ID de cliente, nenhuma fotografia e nenhuma chave.',
      export: 'Exportar diagnóstico',
      exported: 'Guardado: {{fileName}}.',
    },
  },
  setup: {
    title: 'Configuração do quiosque',
    firstRun:
      'Configure este quiosque antes do primeiro registo. O modo de formação funciona logo; o ambiente de testes e a produção da Smile ID precisam do ID de parceiro e da chave da API do portal da Smile ID.',
    notSaved: 'Não guardado. Corrija os campos assinalados e guarde de novo.',
    saved: 'Definições guardadas.',
    gate: {
      signInFirst: 'Introduza o PIN do operador para alterar as definições.',
      notReady:
        'Este quiosque ainda não pode fazer registos: o ambiente escolhido é «{{environment}}» e falta-lhe algo.',
      missing: {
        customApiUrl: 'Falta o URL da API personalizada.',
        partnerId: 'Falta o ID de parceiro.',
        apiKey: 'Falta a chave da API.',
      },
      askOperator: 'Um operador tem de introduzir o PIN e terminar a configuração.',
      signIn: 'Introduzir o PIN do operador',
    },
    sections: {
      destination: 'Para onde vão os registos',
      kiosk: 'Este quiosque',
      customers: 'Clientes',
      privacy: 'Conservação de dados',
      pin: 'PIN do operador',
    },
    environment: 'Ambiente',
    environments: {
      training: 'Formação (nada é enviado)',
      sandbox: 'Smile ID – ambiente de testes',
      production: 'Smile ID produção',
      custom: 'URL personalizado',
    },
    environmentHints: {
      training: 'Responde um simulador dentro do quiosque. Nada sai deste computador.',
      sandbox: 'O serviço de testes da Smile ID: precisa do ID de parceiro e da chave da API de testes.',
      production: 'Registos reais: precisa do ID de parceiro e da chave da API de produção.',
      custom: 'Outro endereço para a API da Smile ID, por exemplo o proxy do banco.',
    },
    customApiUrl: 'URL da API personalizada (a terminar em /v1)',
    partnerId: 'ID de parceiro',
    apiKey: 'Chave da API',
    apiKeySet:
      'Há uma chave da API guardada. Escreva uma nova para a substituir. Mudar o ambiente ou o ID de parceiro pede-a de novo.',
    apiKeyNotSet: 'Ainda não há chave da API.',
    callbackUrl: 'URL de retorno (opcional)',
    callbackUrlHint: 'O endereço https do banco para onde a Smile ID também envia cada resultado.',
    jobStatusPollingTimeoutSeconds: 'Esperar pelo resultado (segundos)',
    jobStatusPollingHint:
      'Quanto tempo o quiosque espera pela resposta da Smile ID depois de enviar. 0: não espera, e o resultado vai apenas para o URL de retorno.',
    kioskId: 'ID do quiosque',
    branch: 'Balcão',
    locationHint: 'Onde o quiosque está, enviado com cada registo. Deixe tudo vazio para não enviar nada.',
    location: {
      latitude: 'Latitude',
      longitude: 'Longitude',
      accuracyMeters: 'Precisão (metros)',
      placeName: 'Nome do local (opcional)',
    },
    language: 'Idioma',
    autoStartAtLogin: 'Iniciar o quiosque quando esta conta inicia sessão (Windows)',
    autoStartAtLoginHint:
      'A aplicação instalada abre então sozinha depois de reiniciar. No Linux, acrescente-a antes às aplicações de arranque do ambiente de trabalho.',
    windowedOperatorMode: 'Mostrar o quiosque numa janela normal',
    windowedOperatorModeHint: 'Para trabalhar numa secretária. Os clientes devem ver o ecrã inteiro.',
    userIdPattern: 'Caracteres permitidos no ID do cliente (padrão)',
    userIdPatternHint:
      'Uma expressão regular em sintaxe RE2. Por omissão: letras, dígitos, hífen e sublinhado.',
    userIdMinLength: 'ID do cliente: mínimo de caracteres',
    userIdMaxLength: 'ID do cliente: máximo de caracteres',
    duplicateGuard: 'Quando um ID de cliente já foi registado neste quiosque',
    duplicateGuards: { warn: 'Avisar o operador e permitir', block: 'Não permitir' },
    idleTimeoutSeconds: 'Voltar ao início sem toques durante (segundos)',
    idleTimeoutSecondsHint: 'Também fecha estas definições. De 15 a 3600 segundos.',
    captureTimeoutSeconds: 'Chamar o operador quando não se encontra um rosto durante (segundos)',
    captureTimeoutSecondsHint: 'O cliente é então convidado a chamar o operador. De 15 a 600 segundos.',
    retentionDays: 'Guardar a ficha de um registo terminado durante (dias)',
    retentionDaysHint: 'A pequena ficha do painel do operador: sem fotografias.',
    maxImageAgeDays: 'Apagar fotografias ainda sem resposta após (dias)',
    maxImageAgeDaysHint:
      'As fotografias são apagadas assim que a Smile ID responde; este é o tempo máximo que ficam de outro modo.',
    newPin: 'Novo PIN do operador (6 a 12 dígitos)',
    newPinFirstRun: 'Escolha o PIN que os operadores vão usar. Mantenha-o em segredo.',
    newPinOptional: 'Deixe vazio para manter o PIN atual.',
    confirmPin: 'Novo PIN do operador outra vez',
    pinMismatch: 'Os dois PIN não são iguais.',
    recoveryCodeSet: 'Existe um código de recuperação do supervisor.',
    recoveryCodeNotSet: 'Ainda não há código de recuperação do supervisor. Crie um e guarde-o em segurança.',
    newRecoveryCode: 'Criar um novo código de recuperação',
    problems: {
      required: 'Introduza um valor.',
      needed_to_send:
        'Necessário para enviar registos neste ambiente. Escolha formação para experimentar o quiosque sem isto.',
      needed_again:
        'Introduza de novo a chave da API: mudar o ambiente, o URL ou o ID de parceiro apaga a chave guardada.',
      needed_without_polling:
        'Necessário quando o quiosque não espera pelos resultados: a Smile ID envia-os então só para este endereço.',
      whole_number: 'Introduza um número inteiro.',
      too_small: 'Introduza {{limit}} ou mais.',
      too_big: 'Introduza {{limit}} ou menos.',
      too_short: 'Introduza pelo menos {{limit}} caracteres.',
      too_long: 'Introduza no máximo {{limit}} caracteres.',
      digits_only: 'Apenas dígitos, como o portal da Smile ID mostra.',
      not_a_url: 'Introduza um endereço web completo, a começar por https://',
      not_https: 'O endereço tem de começar por https://',
      host_not_allowed: 'Este não é um dos endereços da Smile ID. Peça ao suporte que o autorize.',
      not_a_pattern: 'Este padrão não é válido (sintaxe RE2: sem referências anteriores nem asserções).',
      min_above_max: 'O mínimo de caracteres não pode ser maior do que o máximo.',
      not_allowed: 'Esta definição não pode ser alterada aqui.',
      invalid: 'Este valor não é válido.',
      pin_format: 'Um PIN tem de 6 a 12 dígitos.',
      pins_differ: 'Os dois PIN não são iguais.',
    },
  },

  languages: { en: 'English', fr: 'Français', sw: 'Kiswahili', pt: 'Português' },
};
