/**
 * Demo profile: a fictional operator that turns every module and order type on (OPS-3), so that the
 * whole portal can be tried out. Contacts and the address are invented.
 * Terms: a generic text built from the elektrum.lv and radioatlaujas.lv terms (seeds/).
 */
import { MODULE_NAMES, ORDER_TYPES } from '../catalog.ts';
import type { OperatorProfile } from '../operator-profile.ts';

const TERMS_LV = `Demo Enerģija SIA klientu portāla lietošanas noteikumi
Versija 1.0, spēkā no 2025. gada 1. janvāra

1. Vispārīgie noteikumi
1.1. Klientu portāls (turpmāk – Portāls) ir Demo Enerģija SIA (turpmāk – Operators) klientu pašapkalpošanās vide. Slēgt līgumus, norēķināties, skatīt un mainīt savus datus var tikai reģistrēti lietotāji.
1.2. Noteikumi nosaka lietotāju kontu izveidi, reģistrācijas un autorizācijas kārtību, lietotāju un Operatora tiesības un pienākumus. Tie ir saistoši visiem Portāla lietotājiem.
1.3. Operators var grozīt Noteikumus, publicējot jauno redakciju Portālā. Jaunā redakcija lietotājam tiek parādīta nākamajā pieslēgšanās reizē, un Portālu var turpināt lietot pēc tās apstiprināšanas.

2. Reģistrācija un lietotāji
2.1. Reģistrēties var klients, kurš ir iepazinies ar Noteikumiem un tos apstiprinājis. Reģistrācijas datus salīdzina ar Operatora klientu datiem.
2.2. Ja dati sakrīt, tiek izveidots lietotāja konts un uz norādīto e-pasta adresi nosūtīta aktivizācijas saite, ar kuru lietotājs izvēlas paroli. Ja dati nesakrīt, reģistrācija tiek atteikta un klientam jāsazinās ar klientu apkalpošanu.
2.3. Kontu var pieteikt arī klientu apkalpošanas centrā, uzrādot personu apliecinošu dokumentu; kontu aktivizē pats lietotājs ar e-pastā saņemto saiti.
2.4. Ja konts 24 stundu laikā nav aktivizēts, tas tiek bloķēts; to atbloķē ar saiti "Aizmirsta parole".
2.5. Pirmais reģistrētais lietotājs ir galvenais lietotājs. Viņš uzaicina papildu lietotājus, maina viņu tiesības un tos dzēš. Papildu lietotāji redz līgumus un maksājumus, bet nevar slēgt līgumus, pievienot lietotājus vai mainīt kontaktinformāciju; rēķinus viņi redz, ja galvenais lietotājs to atļāvis.
2.6. Portālam var pieslēgties arī ar internetbanku vai eID (Vienotā pieteikšanās), ja personas kods atbilst Operatora klientam ar elektroenerģijas piegādes līgumu.

3. Lietotājvārds un parole
3.1. Lietotājvārds ir lietotāja e-pasta adrese.
3.2. Parolē ir vismaz 8 rakstzīmes, no tām vismaz viens burts un viens cipars. Paroli nedrīkst veidot no saviem personas datiem vai plaši lietotām parolēm.
3.3. Parole jāmaina ik pēc 90 dienām vai pēc sistēmas pieprasījuma; to var mainīt jebkurā laikā sadaļā "Mans profils".
3.4. Ja 5 reizes pēc kārtas ievadīta nepareiza parole, pieslēgšanās uz laiku tiek bloķēta. Piekļuvi var atjaunot, nogaidot vai izmantojot saiti "Aizmirsta parole".
3.5. Ja parole aizmirsta, uz lietotāja e-pastu tiek nosūtīta vienreizēja saite jaunas paroles izvēlei. Paroli pa e-pastu nesūta.
3.6. Piekļuves parametri ir konfidenciāli. Ja tie kļuvuši zināmi citiem, lietotājs nekavējoties informē Operatoru.

4. Dati un atbildība
4.1. Lietotājs apliecina, ka viņa sniegtie dati ir patiesi un ka viņam ir tiesības nodot citu personu datus. Ja dati ir nepatiesi, Operators var pārtraukt piekļuvi.
4.2. Operators apstrādā personas datus līguma izpildei un normatīvajos aktos noteiktajā kārtībā. Portālā veiktās darbības un IP adresi reģistrē, lai tās varētu pierādīt.
4.3. Portālā apstiprināts rīkojums vai dokuments ir uzskatāms par klienta parakstītu. Lietotājs atbild par darbībām, kas veiktas ar viņa piekļuves parametriem.
4.4. Elektroniski saņemtiem norēķinu dokumentiem ir tāds pats juridisks spēks kā papīra dokumentiem.

5. Piekļuves pārtraukšana un konta dzēšana
5.1. Operators nekavējoties pārtrauc piekļuvi, ja to pieprasa klients, ja galvenais lietotājs dzēš papildu lietotāju vai ja ir pamatotas aizdomas par nelikumīgu Portāla izmantošanu.
5.2. Kontu dzēš pēc klienta pieprasījuma. Kontu, kuram nav aktīva līguma un kurā neviens nav pieslēdzies ilgāk par 365 dienām, dzēš automātiski.

6. Portāla darbība
6.1. Datu apmaiņa notiek pa šifrētu savienojumu (HTTPS). Pārlūkprogrammā jābūt atļautām sīkdatnēm un JavaScript.
6.2. Portāla darbību var īslaicīgi pārtraukt apkopes darbu dēļ; plānotos pārtraukumus iepriekš paziņo Portālā.
6.3. Par kļūdām vai neprecizitātēm Portālā lietotājs var ziņot no jebkuras lapas.
6.4. Palīdzība: tālrunis +371 60 000 000, e-pasts atbalsts@demo-energija.example.
6.5. Noteicošais ir teksts latviešu valodā; teksti citās valodās ir tulkojumi.`;

const TERMS_EN = `This is a translation. The Latvian text is authoritative.

Demo Enerģija SIA customer portal — terms of use
Version 1.0, valid from 1 January 2025

1. General
1.1. The customer portal (the Portal) is the self-service environment of Demo Enerģija SIA (the Operator). Only registered users can conclude contracts, pay, and view or change their data.
1.2. These terms set out how user accounts are created, how users register and log in, and the rights and duties of users and of the Operator. They bind every user of the Portal.
1.3. The Operator may amend the terms by publishing a new version in the Portal. The new version is shown at the user's next login, and the Portal can be used again once it has been accepted.

2. Registration and users
2.1. A customer may register after reading and accepting these terms. The registration data are checked against the Operator's customer records.
2.2. If the data match, a user account is created and an activation link is sent to the e-mail address given; with it the user chooses a password. If they do not match, registration is refused and the customer should contact customer service.
2.3. An account can also be requested at a customer service centre on showing an identity document; the user activates it through the link sent by e-mail.
2.4. An account not activated within 24 hours is blocked; the "Forgot password" link unblocks it.
2.5. The first registered user is the main user. The main user invites additional users, changes their rights and removes them. Additional users see contracts and payments but cannot conclude contracts, add users or change contact details; they see invoices if the main user allows it.
2.6. Users may also log in through an internet bank or eID (unified login) if their personal code belongs to a customer of the Operator with an electricity supply contract.

3. Username and password
3.1. The username is the user's e-mail address.
3.2. A password has at least 8 characters, including at least one letter and one digit. It must not be made of the user's own personal data or of commonly used passwords.
3.3. The password must be changed every 90 days or when the system asks; it can be changed at any time under "My profile".
3.4. After 5 wrong passwords in a row, login is blocked for a while. Access returns after waiting or through the "Forgot password" link.
3.5. If the password is forgotten, a single-use link for choosing a new one is sent to the user's e-mail. Passwords are never sent by e-mail.
3.6. Login details are confidential. If others have learnt them, the user tells the Operator at once.

4. Data and liability
4.1. The user confirms that the data provided are true and that they may share other people's data. If the data are false, the Operator may end access.
4.2. The Operator processes personal data to perform the contract and as the law requires. Actions taken in the Portal and the IP address are recorded so that they can be proven.
4.3. An order or document confirmed in the Portal counts as signed by the customer. The user is responsible for actions taken with their login details.
4.4. Billing documents received electronically have the same legal force as paper ones.

5. Ending access and deleting an account
5.1. The Operator ends access at once if the customer asks, if the main user removes an additional user, or if unlawful use of the Portal is reasonably suspected.
5.2. An account is deleted at the customer's request. An account with no active contract and no login for over 365 days is deleted automatically.

6. Operation of the Portal
6.1. Data travel over an encrypted connection (HTTPS). The browser must allow cookies and JavaScript.
6.2. The Portal may be briefly unavailable for maintenance; planned downtime is announced in the Portal in advance.
6.3. Users can report errors or inaccuracies from any page of the Portal.
6.4. Help: phone +371 60 000 000, e-mail atbalsts@demo-energija.example.
6.5. The Latvian text is authoritative; texts in other languages are translations.`;

const TERMS_RU = `Это перевод. Текст на латышском языке имеет преимущественную силу.

Правила пользования клиентским порталом Demo Enerģija SIA
Версия 1.0, действует с 1 января 2025 года

1. Общие положения
1.1. Клиентский портал (далее – Портал) – среда самообслуживания клиентов Demo Enerģija SIA (далее – Оператор). Заключать договоры, оплачивать счета, просматривать и изменять свои данные могут только зарегистрированные пользователи.
1.2. Правила определяют создание учётных записей, порядок регистрации и входа, права и обязанности пользователей и Оператора. Они обязательны для всех пользователей Портала.
1.3. Оператор может изменять Правила, публикуя новую редакцию на Портале. Новая редакция показывается пользователю при следующем входе, и пользоваться Порталом можно после её принятия.

2. Регистрация и пользователи
2.1. Зарегистрироваться может клиент, ознакомившийся с Правилами и принявший их. Данные регистрации сверяются с данными клиентов Оператора.
2.2. Если данные совпадают, создаётся учётная запись и на указанный адрес электронной почты отправляется ссылка активации, по которой пользователь выбирает пароль. Если не совпадают, в регистрации отказывают, и клиенту следует обратиться в службу обслуживания.
2.3. Учётную запись можно заказать и в центре обслуживания клиентов, предъявив документ, удостоверяющий личность; активирует её сам пользователь по ссылке из письма.
2.4. Учётная запись, не активированная в течение 24 часов, блокируется; разблокировать её можно ссылкой «Забыли пароль».
2.5. Первый зарегистрированный пользователь – главный пользователь. Он приглашает дополнительных пользователей, меняет их права и удаляет их. Дополнительные пользователи видят договоры и платежи, но не могут заключать договоры, добавлять пользователей или менять контактные данные; счета они видят, если это разрешил главный пользователь.
2.6. Войти на Портал можно также через интернет-банк или eID (единый вход), если персональный код принадлежит клиенту Оператора с договором поставки электроэнергии.

3. Имя пользователя и пароль
3.1. Имя пользователя – адрес электронной почты пользователя.
3.2. Пароль содержит не менее 8 символов, в том числе хотя бы одну букву и одну цифру. Нельзя составлять пароль из своих персональных данных или распространённых паролей.
3.3. Пароль необходимо менять каждые 90 дней или по требованию системы; изменить его можно в любое время в разделе «Мой профиль».
3.4. После 5 неверных паролей подряд вход временно блокируется. Доступ восстанавливается по истечении времени или через ссылку «Забыли пароль».
3.5. Если пароль забыт, на электронную почту пользователя отправляется одноразовая ссылка для выбора нового пароля. Пароли по электронной почте не отправляются.
3.6. Данные для входа конфиденциальны. Если они стали известны другим, пользователь немедленно сообщает об этом Оператору.

4. Данные и ответственность
4.1. Пользователь подтверждает, что предоставленные данные верны и что он вправе передавать данные других лиц. При ложных данных Оператор может прекратить доступ.
4.2. Оператор обрабатывает персональные данные для исполнения договора и в порядке, установленном законом. Действия на Портале и IP-адрес фиксируются, чтобы их можно было доказать.
4.3. Распоряжение или документ, подтверждённые на Портале, считаются подписанными клиентом. Пользователь отвечает за действия, совершённые с его данными для входа.
4.4. Расчётные документы, полученные в электронном виде, имеют ту же юридическую силу, что и бумажные.

5. Прекращение доступа и удаление учётной записи
5.1. Оператор немедленно прекращает доступ, если этого требует клиент, если главный пользователь удаляет дополнительного пользователя или если есть обоснованные подозрения в незаконном использовании Портала.
5.2. Учётная запись удаляется по требованию клиента. Учётная запись без действующего договора, в которую не входили более 365 дней, удаляется автоматически.

6. Работа Портала
6.1. Данные передаются по зашифрованному соединению (HTTPS). В браузере должны быть разрешены файлы cookie и JavaScript.
6.2. Работа Портала может ненадолго прерываться для обслуживания; о плановых перерывах заранее сообщается на Портале.
6.3. Об ошибках и неточностях на Портале можно сообщить с любой страницы.
6.4. Помощь: телефон +371 60 000 000, эл. почта atbalsts@demo-energija.example.
6.5. Преимущественную силу имеет текст на латышском языке; тексты на других языках являются переводами.`;

export const demoProfile: OperatorProfile = {
  id: 'demo',
  legalName: 'Demo Enerģija SIA',
  portalName: 'Utility Portal Demo',
  website: 'https://demo-energija.example',
  branding: {
    primaryColor: '#5b3fa0',
    accentColor: '#0f766e',
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" role="img" aria-label="Utility Portal Demo">' +
      '<rect x="2" y="4" width="32" height="32" rx="8" fill="#5b3fa0"/>' +
      '<path d="M20 9 11 22h7l-2 9 9-13h-7z" fill="#fff"/>' +
      '<text x="44" y="27" font-family="Arial,Helvetica,sans-serif" font-size="18" font-weight="700" fill="#5b3fa0">Demo Enerģija</text>' +
      '</svg>',
  },
  modules: [...MODULE_NAMES],
  orderTypes: [...ORDER_TYPES],
  support: {
    phone: '+371 60 000 000',
    email: 'atbalsts@demo-energija.example',
    serviceCentres: [
      {
        name: {
          lv: 'Rīgas klientu apkalpošanas centrs',
          en: 'Riga customer service centre',
          ru: 'Рижский центр обслуживания клиентов',
        },
        address: 'Demo iela 1, Rīga, LV-1001',
        hours: { lv: 'P.–Pk. 8.30–17.00', en: 'Mon–Fri 8:30–17:00', ru: 'Пн–Пт 8:30–17:00' },
      },
    ],
  },
  rules: {
    additionalUsersSeeInvoices: false,
    passwordMaxAgeDays: 90,
    passwordHistory: 5,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    bankLoginRequiresContractTypes: ['electricity_supply'],
    stepUpOrderTypes: ['contract_conclusion'],
    inactiveAccountDeletionDays: 365,
    // Off so that the printed demo staff logins work without an authenticator app; on in production profiles.
    staffSecondFactorRequired: false,
  },
  metering: { readingWindow: null, netBillingMarginEurPerKwh: '0.0200', spotPriceZone: 'LV' },
  billing: {
    invoiceSeries: 'DE',
    creditNoteSeries: 'DEK',
    paymentTermDays: 14,
    runDayOfMonth: 5,
    defaultVatPercent: '21',
    // BIL-4: the day after the Song and Dance Festival's closing day, declared a public holiday (2018, 2023)
    extraPublicHolidays: ['2018-07-09', '2023-07-10'],
    // the registration and VAT numbers are the company's; the account is illustrative (set the operator's own)
    seller: {
      registrationNumber: '40003000001',
      vatNumber: 'LV40003000001',
      address: { street: 'Demo iela 1', city: 'Rīga', postalCode: 'LV-1001', countryCode: 'LV' },
      email: 'rekini@demo-energija.example',
    },
    payee: { iban: 'LV07HABA0000000000001', bic: 'HABALV22' },
    postDeliveryFee: { price: '1.50', vatPercent: '21' },
    lateInterestPercentPerDay: '0.15',
    collections: { reminderDaysAfterDue: 5, suspensionDaysAfterReminder: 7, gridOrderOnSuspension: true },
  },
  terms: {
    version: '1.0',
    approvedOn: '2024-12-16',
    validFrom: '2025-01-01',
    text: { lv: TERMS_LV, en: TERMS_EN, ru: TERMS_RU },
  },
};
