/**
 * SIA Elektroniskie sakari, radioatlaujas.lv: radio permits.
 * Facts from seeds/elektroniskie-sakari-portal-terms.lv.txt: Eksporta iela 5, phone +371 67332179,
 * info@esakari.lv, version 4 of the terms approved on 18 April 2023, password change every three
 * months (15.3), temporary block after 5 wrong attempts (12.1). Opening hours are assumed.
 * Change from the seed text: a lost password gives a reset link, not new credentials by e-mail (ACC-8).
 */
import type { OperatorProfile } from '../operator-profile.ts';

const TERMS_LV = `SIA "Elektroniskie sakari" klientu portāla www.radioatlaujas.lv lietošanas noteikumi
Versija 1.0 (pēc valdes 2023. gada 18. aprīlī apstiprinātās redakcijas)

1. Mērķis un termini
1.1. Noteikumi nosaka SIA "Elektroniskie sakari" (reģ. Nr. 40003021907, Eksporta iela 5, Rīga, LV-1010; turpmāk – Sabiedrība) klientu portāla www.radioatlaujas.lv (turpmāk – portāls) lietošanas kārtību un klienta un Sabiedrības saistības.
1.2. Klients ir fiziska vai juridiska persona, kas pieprasa vai saņem Sabiedrības pakalpojumus. Portāla lietotājs ir klients – fiziska persona – vai klienta pilnvarots pārstāvis, kas autorizējies portālā.
1.3. Piekļuves parametri ir lietotājvārds (e-pasta adrese) un parole vai Vienotā pieteikšanās (eID, eParaksts, eParaksts mobile, eIDAS vai internetbanka).
1.4. Portālā var uzzināt norēķinu stāvokli, iesniegt iesniegumus un pieprasījumus, maksāt par pakalpojumiem, veidot rēķinus un pārskatus un apskatīt esošo atļauju tehniskos parametrus.

2. Vispārīgie noteikumi
2.1. Noteikumi ir saistoši klientam un portāla lietotājam. Pirms konta reģistrācijas ar tiem jāiepazīstas un tiem jāpiekrīt.
2.2. Lietotājs apliecina, ka reģistrācijā sniegtie dati ir patiesi, spēkā esoši un pilnīgi; ja tie ir nepatiesi, Sabiedrība var pārtraukt piekļuvi.
2.3. Klients nekavējoties rakstiski paziņo, ja pilnvarotas personas tiesības lietot portālu jāizbeidz pirms termiņa.
2.4. Pieejamo pakalpojumu apjoms var atšķirties atkarībā no klienta pakalpojumiem, norēķinu kārtības un tā, vai klients ir fiziska vai juridiska persona.
2.5. Sabiedrība kā pārzinis apstrādā lietotāja personas datus, lai sniegtu elektromagnētiskās saderības nodrošināšanas un citus pakalpojumus, uzskaitītu klientus, aizsargātu savas tiesības un pildītu normatīvo aktu prasības.

3. Identifikācija un autorizācija
3.1. Klients iesniedz pieteikumu portāla lietošanai. Pēc datu pārbaudes lietotājam izveido kontu; ja pieteikumā norādīts personas kods, var lietot arī Vienoto pieteikšanos.
3.2. Lietotājvārds un parole ir konfidenciāli; tos nedrīkst izpaust trešajām personām.
3.3. Piekļuvi uz laiku bloķē, ja parole vai lietotājvārds 5 reizes pēc kārtas ievadīts kļūdaini vai ja ir pamatotas aizdomas par nelikumīgu portāla izmantošanu. Piekļuvi var atjaunot, nogaidot vai izmantojot saiti "Aizmirsta parole".
3.4. Ja parole nozaudēta, uz lietotāja e-pastu tiek nosūtīta saite jaunas paroles izvēlei.
3.5. Pieslēdzoties ar kredītiestādes starpniecību, lietotāju identificē pēc tās procedūras; pakalpojumi pieejami tikai tad, ja saņemtie dati sakrīt ar Sabiedrības datiem.

4. Lietotāja pienākumi un tiesības
4.1. Lietotājs izvēlas drošu paroli: vismaz 8 rakstzīmes, no tām vismaz viens burts un viens cipars.
4.2. Parole jāmaina reizi trīs mēnešos (ik pēc 90 dienām) vai pēc sistēmas pieprasījuma.
4.3. Ja piekļuves parametri kļuvuši zināmi citiem, lietotājs nekavējoties informē Sabiedrību rakstiski vai pa tālruni +371 67332179.
4.4. Lietotājs nodrošina, ka pārlūkprogrammā ir atļautas sīkdatnes un JavaScript, savlaicīgi atjauno savu informāciju portālā un seko noteikumu izmaiņām.
4.5. Lietotājs var ziņot par pamanītām kļūdām vai neprecizitātēm portālā un jebkurā laikā pārtraukt portāla lietošanu.
4.6. Elektroniski saņemtiem norēķinu dokumentiem ir tāds pats juridisks spēks kā papīra dokumentiem.
4.7. Lietotājs atbild par visām darbībām, kas veiktas ar viņa piekļuves parametriem, un nedrīkst pasliktināt portāla drošību. Portālā apstiprināts paziņojums vai iesniegums ir saistošs klientam un lietotājam.
4.8. Sabiedrība pārtrauc pakalpojumu, ja to pieprasa klients vai lietotājs, ja zudis tiesiskais pamats, ja ir pamatotas aizdomas par nesankcionētu lietošanu vai ja pārkāpti noteikumi.

5. Sabiedrības tiesības un atbildība
5.1. Sabiedrība identificē lietotāju, sniedz pakalpojumus saskaņā ar noteikumiem, savlaicīgi publicē noteikumus un to izmaiņas un apstrādā personas datus atbilstoši normatīvajiem aktiem.
5.2. Sabiedrība reģistrē portālā veiktās darbības un lietotāja ierīces IP adresi un var tās izmantot, lai pamatotu un pierādītu saņemtos pakalpojumus un iesniegtos paziņojumus.
5.3. Sabiedrība var mainīt portāla pakalpojumu klāstu un risinājumu; īslaicīgi darbības pārtraukumi uzturēšanas darbu dēļ ir pieļaujami.
5.4. Sabiedrība neatbild par traucējumiem, ko rada lietotāja iekārtas, e-pasts, elektroapgāde vai internets, un par sekām, ja trešā persona izmanto lietotāja piekļuves parametrus vai lietotājs sniedzis kļūdainu informāciju.
5.5. Informācija ir uzskatāma par nosūtītu ar tās nosūtīšanas brīdi.

6. Citi noteikumi
6.1. Noteikumi stājas spēkā pēc publicēšanas Sabiedrības vietnē un portālā; jaunā redakcija tiek parādīta nākamajā pieslēgšanās reizē.
6.2. Lietotāja apstiprināts elektronisks dokuments ir uzskatāms par pašrocīgi parakstītu Civillikuma izpratnē.
6.3. Datu apmaiņa notiek pa šifrētu savienojumu.
6.4. Palīdzība: Klientu attiecību vadības nodaļa, tālrunis +371 67332179, e-pasts info@esakari.lv.
6.5. Noteicošais ir teksts latviešu valodā; teksti citās valodās ir tulkojumi.`;

const TERMS_EN = `This is a translation. The Latvian text is authoritative.

Terms of use of the SIA "Elektroniskie sakari" customer portal www.radioatlaujas.lv
Version 1.0 (based on the version approved by the board on 18 April 2023)

1. Purpose and definitions
1.1. These terms set out how the customer portal www.radioatlaujas.lv (the portal) of SIA "Elektroniskie sakari" (reg. No. 40003021907, Eksporta iela 5, Rīga, LV-1010; the Company) is used, and the obligations of the customer and the Company.
1.2. A customer is a natural or legal person who requests or receives the Company's services. A portal user is a customer who is a natural person, or a customer's authorised representative, who has logged in to the portal.
1.3. Login details are a username (e-mail address) and password, or unified login (eID, eParaksts, eParaksts mobile, eIDAS or an internet bank).
1.4. In the portal one can check the account balance, submit applications and requests, pay for services, produce invoices and reports, and view the technical parameters of existing permits.

2. General
2.1. The terms bind the customer and the portal user. They must be read and accepted before an account is registered.
2.2. The user confirms that the data given at registration are true, valid and complete; if they are false, the Company may end access.
2.3. The customer informs the Company in writing at once if an authorised person's right to use the portal must end early.
2.4. The services available may differ depending on the customer's services, billing arrangement and whether the customer is a natural or legal person.
2.5. As controller, the Company processes the user's personal data to provide electromagnetic compatibility and other services, keep customer records, protect its rights and meet legal requirements.

3. Identification and login
3.1. The customer applies to use the portal. After the data are checked, an account is created for the user; if the application gives a personal code, unified login can be used as well.
3.2. The username and password are confidential and must not be disclosed to third parties.
3.3. Access is blocked for a while after 5 wrong passwords or usernames in a row, or on reasonable suspicion of unlawful use of the portal. Access returns after waiting or through the "Forgot password" link.
3.4. If the password is lost, a link for choosing a new one is sent to the user's e-mail.
3.5. When logging in through a credit institution, the user is identified by its procedure; services are available only if the data received match the Company's records.

4. Duties and rights of the user
4.1. The user chooses a secure password: at least 8 characters, including at least one letter and one digit.
4.2. The password must be changed every three months (every 90 days) or when the system asks.
4.3. If login details have become known to others, the user informs the Company at once in writing or by phone +371 67332179.
4.4. The user makes sure the browser allows cookies and JavaScript, keeps their information in the portal up to date and follows changes to the terms.
4.5. The user may report errors or inaccuracies noticed in the portal and may stop using the portal at any time.
4.6. Billing documents received electronically have the same legal force as paper ones.
4.7. The user is responsible for all actions taken with their login details and must not weaken the portal's security. A notice or application confirmed in the portal binds the customer and the user.
4.8. The Company ends the service at the request of the customer or user, when the legal basis has ceased, on reasonable suspicion of unauthorised use, or when the terms are breached.

5. Rights and liability of the Company
5.1. The Company identifies the user, provides services under these terms, publishes the terms and their changes in good time and processes personal data as the law requires.
5.2. The Company records actions taken in the portal and the IP address of the user's device and may use them to support and prove services received and notices given.
5.3. The Company may change the portal's services and design; short interruptions for maintenance may occur.
5.4. The Company is not liable for faults caused by the user's equipment, e-mail, power supply or internet connection, nor for the consequences of a third party using the user's login details or of the user giving wrong information.
5.5. Information counts as delivered when it is sent.

6. Other provisions
6.1. The terms take effect when published on the Company's website and in the portal; a new version is shown at the next login.
6.2. An electronic document confirmed by the user counts as signed in their own hand within the meaning of the Civil Law.
6.3. Data travel over an encrypted connection.
6.4. Help: Customer Relations Management Department, phone +371 67332179, e-mail info@esakari.lv.
6.5. The Latvian text is authoritative; texts in other languages are translations.`;

const TERMS_RU = `Это перевод. Текст на латышском языке имеет преимущественную силу.

Правила пользования клиентским порталом www.radioatlaujas.lv SIA "Elektroniskie sakari"
Версия 1.0 (по редакции, утверждённой правлением 18 апреля 2023 года)

1. Цель и термины
1.1. Правила определяют порядок пользования клиентским порталом www.radioatlaujas.lv (далее – портал) SIA "Elektroniskie sakari" (рег. № 40003021907, Eksporta iela 5, Rīga, LV-1010; далее – Общество) и обязательства клиента и Общества.
1.2. Клиент – физическое или юридическое лицо, которое запрашивает или получает услуги Общества. Пользователь портала – клиент, являющийся физическим лицом, или уполномоченный представитель клиента, вошедший на портал.
1.3. Данные для входа – имя пользователя (адрес электронной почты) и пароль либо единый вход (eID, eParaksts, eParaksts mobile, eIDAS или интернет-банк).
1.4. На портале можно узнать состояние расчётов, подать заявления и запросы, оплатить услуги, сформировать счета и отчёты и посмотреть технические параметры действующих разрешений.

2. Общие положения
2.1. Правила обязательны для клиента и пользователя портала. До регистрации учётной записи с ними необходимо ознакомиться и согласиться.
2.2. Пользователь подтверждает, что данные, указанные при регистрации, верны, действительны и полны; если они ложны, Общество может прекратить доступ.
2.3. Клиент немедленно письменно сообщает, если право уполномоченного лица пользоваться порталом нужно прекратить досрочно.
2.4. Объём доступных услуг может различаться в зависимости от услуг клиента, порядка расчётов и того, является ли клиент физическим или юридическим лицом.
2.5. Общество как распорядитель обрабатывает персональные данные пользователя, чтобы оказывать услуги по обеспечению электромагнитной совместимости и другие услуги, вести учёт клиентов, защищать свои права и выполнять требования нормативных актов.

3. Идентификация и вход
3.1. Клиент подаёт заявку на пользование порталом. После проверки данных для пользователя создаётся учётная запись; если в заявке указан персональный код, можно пользоваться и единым входом.
3.2. Имя пользователя и пароль конфиденциальны; их нельзя раскрывать третьим лицам.
3.3. Доступ временно блокируется после 5 неверных вводов пароля или имени пользователя подряд или при обоснованных подозрениях в незаконном использовании портала. Доступ восстанавливается по истечении времени или через ссылку «Забыли пароль».
3.4. Если пароль утерян, на электронную почту пользователя отправляется ссылка для выбора нового пароля.
3.5. При входе через кредитное учреждение пользователь идентифицируется по его процедуре; услуги доступны, только если полученные данные совпадают с данными Общества.

4. Обязанности и права пользователя
4.1. Пользователь выбирает надёжный пароль: не менее 8 символов, в том числе хотя бы одна буква и одна цифра.
4.2. Пароль необходимо менять раз в три месяца (каждые 90 дней) или по требованию системы.
4.3. Если данные для входа стали известны другим, пользователь немедленно сообщает Обществу письменно или по телефону +371 67332179.
4.4. Пользователь обеспечивает, чтобы в браузере были разрешены файлы cookie и JavaScript, своевременно обновляет свою информацию на портале и следит за изменениями правил.
4.5. Пользователь может сообщать о замеченных ошибках и неточностях на портале и в любое время прекратить пользоваться порталом.
4.6. Расчётные документы, полученные в электронном виде, имеют ту же юридическую силу, что и бумажные.
4.7. Пользователь отвечает за все действия, совершённые с его данными для входа, и не должен ухудшать безопасность портала. Уведомление или заявление, подтверждённое на портале, обязательно для клиента и пользователя.
4.8. Общество прекращает услугу по заявлению клиента или пользователя, при утрате правового основания, при обоснованных подозрениях в несанкционированном использовании или при нарушении правил.

5. Права и ответственность Общества
5.1. Общество идентифицирует пользователя, оказывает услуги по этим правилам, своевременно публикует правила и их изменения и обрабатывает персональные данные согласно нормативным актам.
5.2. Общество фиксирует действия на портале и IP-адрес устройства пользователя и может использовать их для обоснования и доказательства полученных услуг и поданных уведомлений.
5.3. Общество может изменять перечень услуг и решение портала; допускаются кратковременные перерывы в работе для обслуживания.
5.4. Общество не отвечает за сбои, вызванные оборудованием, электронной почтой, электроснабжением или интернетом пользователя, а также за последствия использования третьим лицом данных для входа пользователя или предоставления пользователем ошибочной информации.
5.5. Информация считается доставленной в момент её отправки.

6. Прочие положения
6.1. Правила вступают в силу после публикации на сайте Общества и на портале; новая редакция показывается при следующем входе.
6.2. Электронный документ, подтверждённый пользователем, считается собственноручно подписанным в смысле Гражданского закона.
6.3. Данные передаются по зашифрованному соединению.
6.4. Помощь: отдел управления отношениями с клиентами, телефон +371 67332179, эл. почта info@esakari.lv.
6.5. Преимущественную силу имеет текст на латышском языке; тексты на других языках являются переводами.`;

export const eSakariProfile: OperatorProfile = {
  id: 'e-sakari',
  legalName: 'SIA Elektroniskie sakari',
  portalName: 'radioatlaujas.lv',
  website: 'https://www.radioatlaujas.lv',
  branding: {
    primaryColor: '#0058a3',
    accentColor: '#0e6ea8',
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 190 40" role="img" aria-label="Elektroniskie sakari">' +
      '<circle cx="20" cy="28" r="4" fill="#0058a3"/>' +
      '<path d="M12 20a11 11 0 0 1 16 0M7 15a18 18 0 0 1 26 0" stroke="#0058a3" stroke-width="3" fill="none"/>' +
      '<text x="44" y="27" font-family="Arial,Helvetica,sans-serif" font-size="18" font-weight="700" fill="#0058a3">e-sakari</text>' +
      '</svg>',
  },
  modules: ['accounts', 'permits', 'billing'],
  orderTypes: ['service_application', 'document_signing', 'user_change', 'contact_change'],
  support: {
    phone: '+371 67332179',
    email: 'info@esakari.lv',
    serviceCentres: [
      {
        name: {
          lv: 'Klientu attiecību vadības nodaļa',
          en: 'Customer Relations Management Department',
          ru: 'Отдел управления отношениями с клиентами',
        },
        address: 'Eksporta iela 5, Rīga, LV-1010',
        hours: { lv: 'P.–Pk. 8.30–17.00', en: 'Mon–Fri 8:30–17:00', ru: 'Пн–Пт 8:30–17:00' },
      },
    ],
  },
  rules: {
    additionalUsersSeeInvoices: false,
    // Seed 15.3: the password must be changed every three months.
    passwordMaxAgeDays: 90,
    passwordHistory: 5,
    // Seed 12.1: temporary block after 5 wrong attempts in a row.
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    bankLoginRequiresContractTypes: ['radio_permit'],
    stepUpOrderTypes: [],
    inactiveAccountDeletionDays: 365,
    staffSecondFactorRequired: true,
  },
  metering: { readingWindow: null, netBillingMarginEurPerKwh: '0.0200', spotPriceZone: 'LV' },
  billing: {
    invoiceSeries: 'ES',
    creditNoteSeries: 'ESK',
    paymentTermDays: 14,
    runDayOfMonth: 5,
    defaultVatPercent: '21',
    // BIL-4: the day after the Song and Dance Festival's closing day, declared a public holiday (2018, 2023)
    extraPublicHolidays: ['2018-07-09', '2023-07-10'],
    // the registration and VAT numbers are the company's; the account is illustrative (set the operator's own)
    seller: {
      registrationNumber: '40003011203',
      vatNumber: 'LV40003011203',
      address: { street: 'Ērgļu iela 7', city: 'Rīga', postalCode: 'LV-1012', countryCode: 'LV' },
      email: 'rekini@e-sakari.lv',
    },
    payee: { iban: 'LV64PARX0000000000005', bic: 'PARXLV22' },
    postDeliveryFee: { price: '2.00', vatPercent: '21' },
    lateInterestPercentPerDay: '0.15',
    collections: { reminderDaysAfterDue: 7, suspensionDaysAfterReminder: 14, gridOrderOnSuspension: false },
  },
  terms: {
    version: '1.0',
    approvedOn: '2023-04-18',
    validFrom: '2023-04-18',
    text: { lv: TERMS_LV, en: TERMS_EN, ru: TERMS_RU },
  },
};
