import type { EmailTemplate } from '../notifications/index.js';

/** The e-mails the accounts module sends, in lv, en and ru; {name}-style placeholders are filled when queued. */
export const ACCOUNTS_EMAILS = {
  activation: {
    lv: { subject: '{portal}: konta aktivizēšana', body: 'Labdien, {name}!\n\nLai aktivizētu savu {portal} kontu un izvēlētos paroli, atveriet šo saiti 24 stundu laikā:\n{link}\n\nJa kontu neaktivizēsiet 24 stundās, tas tiks bloķēts; to atbloķēs "Aizmirsu paroli".' },
    en: { subject: '{portal}: activate your account', body: 'Hello {name},\n\nTo activate your {portal} account and choose a password, open this link within 24 hours:\n{link}\n\nAn account not activated within 24 hours is blocked; "Forgot password" unblocks it.' },
    ru: { subject: '{portal}: активация учётной записи', body: 'Здравствуйте, {name}!\n\nЧтобы активировать учётную запись {portal} и выбрать пароль, откройте ссылку в течение 24 часов:\n{link}\n\nНеактивированная за 24 часа учётная запись блокируется; её разблокирует «Забыли пароль».' },
  },
  already_registered: {
    lv: { subject: '{portal}: jums jau ir konts', body: 'Labdien!\n\nKāds mēģināja reģistrēties portālā {portal} ar šo e-pasta adresi, bet jums jau ir konts. Ja aizmirsāt paroli, izmantojiet:\n{link}' },
    en: { subject: '{portal}: you already have an account', body: 'Hello,\n\nSomeone tried to register at {portal} with this e-mail address, but you already have an account. If you forgot your password, use:\n{link}' },
    ru: { subject: '{portal}: у вас уже есть учётная запись', body: 'Здравствуйте!\n\nКто-то пытался зарегистрироваться в {portal} с этим адресом, но у вас уже есть учётная запись. Если вы забыли пароль:\n{link}' },
  },
  password_reset: {
    lv: { subject: '{portal}: paroles atjaunošana', body: 'Labdien, {name}!\n\nLai izvēlētos jaunu paroli, atveriet šo vienreizējo saiti (derīga 1 stundu):\n{link}\n\nJa paroli neprasījāt, šo vēstuli varat neņemt vērā.' },
    en: { subject: '{portal}: reset your password', body: 'Hello {name},\n\nTo choose a new password, open this single-use link (valid for 1 hour):\n{link}\n\nIf you did not ask for this, you can ignore this e-mail.' },
    ru: { subject: '{portal}: восстановление пароля', body: 'Здравствуйте, {name}!\n\nЧтобы выбрать новый пароль, откройте одноразовую ссылку (действует 1 час):\n{link}\n\nЕсли вы не запрашивали смену пароля, проигнорируйте письмо.' },
  },
  invitation: {
    lv: { subject: '{portal}: ielūgums', body: 'Labdien, {name}!\n\n{inviter} jūs pievienoja kā papildu lietotāju klientam "{customer}". Lai izvēlētos paroli un sāktu darbu, atveriet šo saiti 24 stundu laikā:\n{link}' },
    en: { subject: '{portal}: invitation', body: 'Hello {name},\n\n{inviter} added you as an additional user of "{customer}". To choose a password and start, open this link within 24 hours:\n{link}' },
    ru: { subject: '{portal}: приглашение', body: 'Здравствуйте, {name}!\n\n{inviter} добавил(а) вас дополнительным пользователем клиента «{customer}». Чтобы выбрать пароль, откройте ссылку в течение 24 часов:\n{link}' },
  },
  login_blocked: {
    lv: { subject: '{portal}: pieslēgšanās uz laiku bloķēta', body: 'Labdien, {name}!\n\nJūsu kontā {attempts} reizes pēc kārtas ievadīta nepareiza parole, tāpēc pieslēgšanās ir bloķēta līdz {until}. Pagaidiet vai atjaunojiet paroli ar šo saiti, kas bloķējumu noņems uzreiz:\n{link}\n\nJa tas nebijāt jūs, sazinieties ar klientu apkalpošanu: {support}.' },
    en: { subject: '{portal}: login temporarily blocked', body: 'Hello {name},\n\nA wrong password was entered {attempts} times in a row for your account, so login is blocked until {until}. Wait, or reset your password with this link, which lifts the block at once:\n{link}\n\nIf it was not you, contact customer service: {support}.' },
    ru: { subject: '{portal}: вход временно заблокирован', body: 'Здравствуйте, {name}!\n\nНеверный пароль был введён {attempts} раз подряд, поэтому вход заблокирован до {until}. Подождите или восстановите пароль по ссылке — это снимет блокировку сразу:\n{link}\n\nЕсли это были не вы, свяжитесь со службой поддержки: {support}.' },
  },
  main_user_registered: {
    lv: { subject: '{portal}: reģistrēts galvenais lietotājs', body: 'Labdien!\n\nKlientam "{customer}" portālā {portal} reģistrēts galvenais lietotājs: {name} ({email}).\n\nJa to nedarījāt jūs un tas nav saskaņots, paziņojiet mums ar šo saiti — lietotāja piekļuve tiks pārtraukta uzreiz:\n{link}\n\nVar arī zvanīt klientu apkalpošanai: {support}.' },
    en: { subject: '{portal}: main user registered', body: 'Hello,\n\nA main user was registered for "{customer}" at {portal}: {name} ({email}).\n\nIf this was not you and was not agreed, tell us with this link and that user\'s access stops at once:\n{link}\n\nYou can also call customer service: {support}.' },
    ru: { subject: '{portal}: зарегистрирован главный пользователь', body: 'Здравствуйте!\n\nДля клиента «{customer}» в {portal} зарегистрирован главный пользователь: {name} ({email}).\n\nЕсли это были не вы и это не согласовано, сообщите нам по этой ссылке — доступ пользователя будет сразу прекращён:\n{link}\n\nМожно также позвонить в службу поддержки: {support}.' },
  },
  account_deleted: {
    lv: { subject: '{portal}: konts dzēsts', body: 'Labdien, {name}!\n\nJūsu {portal} konts ir dzēsts ({reason}). Jūsu iepriekš veiktās darbības paliek spēkā.' },
    en: { subject: '{portal}: account deleted', body: 'Hello {name},\n\nYour {portal} account has been deleted ({reason}). What you did before stays valid.' },
    ru: { subject: '{portal}: учётная запись удалена', body: 'Здравствуйте, {name}!\n\nВаша учётная запись {portal} удалена ({reason}). Ваши прежние действия остаются в силе.' },
  },
  access_ended: {
    lv: { subject: '{portal}: piekļuve pārtraukta', body: 'Labdien, {name}!\n\nJūsu piekļuve klienta "{customer}" datiem portālā {portal} ir pārtraukta.' },
    en: { subject: '{portal}: access ended', body: 'Hello {name},\n\nYour access to the data of "{customer}" at {portal} has ended.' },
    ru: { subject: '{portal}: доступ прекращён', body: 'Здравствуйте, {name}!\n\nВаш доступ к данным клиента «{customer}» в {portal} прекращён.' },
  },
} satisfies Record<string, EmailTemplate>;
