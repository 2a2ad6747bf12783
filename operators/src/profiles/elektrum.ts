/**
 * AS Latvenergo, elektrum.lv: electricity retail and EV charging.
 * Facts from seeds/elektrum-portal-terms.lv.txt and seeds/elektrum-ev-charging-contract.lv.txt
 * (phone 8400, e-mail klientu.serviss@elektrum.lv, Pulkveža Brieža iela 12). Opening hours and the
 * terms' dates are not in the seeds and are assumed.
 * Changes from the seed text: a forgotten password gives a reset link instead of the password
 * (ACC-8); the outdated certificate chain and browser list became a general TLS clause; the temporary
 * lockout after 5 wrong passwords (ACC-7) is added.
 */
import type { OperatorProfile } from '../operator-profile.ts';

const TERMS_LV = `Elektrum klientu portāla lietošanas noteikumi
AS Latvenergo, versija 1.0

1. Vispārīgie noteikumi
1.1. Portāls elektrum.lv (turpmāk – Portāls) ir AS Latvenergo (turpmāk – Latvenergo) klientu apkalpošanas vietne. Daļa informācijas ir pieejama ikvienam, bet slēgt jaunus līgumus, norēķināties par pakalpojumiem, skatīt un mainīt savus datus var tikai reģistrēti lietotāji.
1.2. Noteikumi nosaka lietotāju kontu un papildu lietotāju izveidi, reģistrācijas un autorizācijas kārtību un atbildību par to neievērošanu. Tie ir saistoši visiem Portāla lietotājiem.
1.3. Latvenergo var grozīt Noteikumus, publicējot tos Portālā. Lietotājam ir pienākums ar tiem iepazīties un tos ievērot; jaunā redakcija tiek parādīta nākamajā pieslēgšanās reizē.

2. Lietotāja konts un lietotāji
2.1. Klients kļūst par reģistrētu lietotāju, pats izveidojot kontu ar saiti "Reģistrēties" un iegūstot lietotājvārdu un paroli.
2.2. Persona, kas aizpilda reģistrācijas anketu, kļūst par konta galveno lietotāju. Galvenais lietotājs sadaļā "Lietotāji" var pievienot papildu lietotājus, kuri redz klienta līgumus un maksājumus, bet nevar slēgt jaunus līgumus un pievienot citus lietotājus. Rēķinus papildu lietotājs redz, ja galvenais lietotājs to atļāvis.
2.3. Kontu var pieteikt arī jebkurā klientu apkalpošanas centrā, uzrādot personu apliecinošu dokumentu. Darbinieks aizpilda anketu klienta vietā, bet kontu aktivizē tikai pats klients ar saiti, kas nosūtīta uz viņa e-pastu.
2.4. Portālam var pieslēgties ar internetbankas starpniecību, arī no internetbankas sadaļas "e-pakalpojumi". Lai klientu atpazītu, viņam jābūt noslēgtam elektroenerģijas piegādes līgumam ar Latvenergo.

3. Reģistrācija
3.1. Reģistrēties var tikai pēc tam, kad klients ir iepazinies ar Noteikumiem un tos apstiprinājis.
3.2. Ja anketas dati atbilst Latvenergo klientu datiem, tiek izveidots konts un uz anketā norādīto e-pastu nosūtīta aktivizācijas saite, kurā klients izvēlas paroli.
3.3. Ja dati neatbilst, reģistrācija tiek atteikta. Lai precizētu datus, jāsazinās ar klientu apkalpošanu pa tālruni 8400 vai jāierodas klientu apkalpošanas centrā; pēc tam var reģistrēties atkārtoti.

4. Datu patiesums un atbildība
4.1. Apstiprinot Noteikumus, klients piekrīt, ka Latvenergo apstrādā Portālā nodotos personas datus saskaņā ar normatīvajiem aktiem, lai izpildītu savstarpējās saistības.
4.2. Lietotājs apliecina, ka viņa sniegtie dati ir patiesi un to apstrādei ir tiesisks pamats. Par citas personas datu nelikumīgu izmantošanu viņš atbild likumā noteiktajā kārtībā un atlīdzina nodarītos zaudējumus.
4.3. Ja lietotājs nodod citu personu datus, viņš atbild par šo personu piekrišanas saņemšanu.
4.4. Latvenergo var nekavējoties pārtraukt piekļuvi, ja konstatē Noteikumu vai normatīvo aktu pārkāpumu.
4.5. Pēc lietotāja pieprasījuma Latvenergo dzēš no viņa saņemtos personas datus, kad to apstrāde vairs nav nepieciešama.

5. Lietotājvārds un parole
5.1. Lietotājvārds ir reģistrācijā norādītā e-pasta adrese.
5.2. Parolē ir vismaz 8 rakstzīmes. Ieteicams lietot lielos un mazos burtus, ciparus un simbolus un neizmantot savus personas datus vai vārdnīcas vārdus.
5.3. Paroli ieteicams regulāri mainīt (vismaz reizi trijos mēnešos) sadaļā "Jūsu profils".
5.4. Ja 5 reizes pēc kārtas ievadīta nepareiza parole, pieslēgšanās uz laiku tiek bloķēta; piekļuvi var atjaunot, nogaidot vai izmantojot saiti "Aizmirsta parole".

6. Aizmirsta parole
6.1. Ja parole aizmirsta, sākumlapā jāizvēlas "Aizmirsta parole" un jāievada lietotājvārds. Uz e-pastu tiek nosūtīta vienreizēja saite jaunas paroles izvēlei.

7. Konta bloķēšana un atbloķēšana
7.1. Konts tiek bloķēts, ja 24 stundu laikā pēc reģistrācijas nav izmantota aktivizācijas saite un izvēlēta parole.
7.2. Kontu atbloķē, sākumlapā izvēloties "Aizmirsta parole" un pieprasot jaunu paroli.

8. Konta dzēšana
8.1. Kontu dzēš klientu apkalpošanas darbinieks pēc klienta pieprasījuma, kas izteikts pa tālruni vai klientu apkalpošanas centrā.
8.2. Galvenais lietotājs var dzēst papildu lietotājus sadaļā "Lietotāji".

9. Drošība
9.1. Datu apmaiņu starp lietotāja ierīci un Portālu aizsargā šifrēts savienojums. Lietotājam jāpārliecinās, ka adrese sākas ar https://www.elektrum.lv un pārlūks rāda derīgu sertifikātu.
9.2. Ieteicams regulāri atjaunināt operētājsistēmu un pretvīrusu programmu, lietot ugunsmūri un pārbaudīt ierīci pret kaitīgām programmām.
9.3. Portāls darbojas mūsdienu pārlūkprogrammās ar atļautām sīkdatnēm un JavaScript.

10. Autortiesības
10.1. Portāls un tā saturs (dizains, teksti, programmatūras kods) ir Latvenergo īpašums un autortiesību objekts, ko aizsargā Latvijas Republikas likumi.
10.2. Portāla materiālus aizliegts pārpublicēt vai izmantot komerciālos nolūkos. Par to izmantošanu jāsazinās, rakstot uz klientu.serviss@elektrum.lv.
10.3. Noteicošais ir teksts latviešu valodā; teksti citās valodās ir tulkojumi.`;

const TERMS_EN = `This is a translation. The Latvian text is authoritative.

Elektrum customer portal — terms of use
AS Latvenergo, version 1.0

1. General
1.1. The elektrum.lv portal (the Portal) is the customer service site of AS Latvenergo (Latvenergo). Part of its information is open to anyone, but only registered users can conclude new contracts, pay for services, and view or change their data.
1.2. These terms set out how user accounts and additional users are created, how users register and log in, and the liability for breaking these terms. They bind every user of the Portal.
1.3. Latvenergo may amend the terms by publishing them in the Portal. Users must read and follow them; a new version is shown at the next login.

2. User account and users
2.1. A customer becomes a registered user by creating an account through the "Register" link and obtaining a username and password.
2.2. The person who fills in the registration form becomes the account's main user. Under "Users" the main user can add additional users, who see the customer's contracts and payments but cannot conclude new contracts or add other users. An additional user sees invoices if the main user allows it.
2.3. An account can also be requested at any customer service centre on showing an identity document. Staff fill in the form for the customer, but only the customer can activate the account, through a link sent to their e-mail.
2.4. Customers can log in through their internet bank, including from the bank's "e-services" section. To be recognised, the customer must have an electricity supply contract with Latvenergo.

3. Registration
3.1. Registration is possible only after the customer has read and accepted these terms.
3.2. If the data in the form match Latvenergo's customer records, an account is created and an activation link is sent to the e-mail given in the form; there the customer chooses a password.
3.3. If they do not match, registration is refused. To correct the data, contact customer service on 8400 or visit a customer service centre; then register again.

4. Accuracy of data and liability
4.1. By accepting these terms the customer agrees that Latvenergo processes the personal data provided through the Portal under the applicable law in order to perform the mutual obligations.
4.2. The user confirms that the data provided are true and that there is a legal basis for processing them. A user who misuses another person's data is liable under the law and compensates the damage caused.
4.3. A user who provides other people's data is responsible for obtaining their consent.
4.4. Latvenergo may end access immediately if it finds a breach of these terms or of the law.
4.5. At the user's request Latvenergo deletes the personal data received from them once processing is no longer needed.

5. Username and password
5.1. The username is the e-mail address given at registration.
5.2. A password has at least 8 characters. Using upper- and lower-case letters, digits and symbols is recommended; avoid your own personal data and dictionary words.
5.3. Changing the password regularly (at least every three months) under "Your profile" is recommended.
5.4. After 5 wrong passwords in a row, login is blocked for a while; access returns after waiting or through the "Forgot password" link.

6. Forgotten password
6.1. If the password is forgotten, choose "Forgot password" on the home page and enter the username. A single-use link for choosing a new password is sent by e-mail.

7. Blocking and unblocking an account
7.1. An account is blocked if the activation link has not been used and a password chosen within 24 hours of registration.
7.2. To unblock it, choose "Forgot password" on the home page and request a new password.

8. Deleting an account
8.1. Customer service staff delete an account at the customer's request, made by phone or at a customer service centre.
8.2. The main user can delete additional users under "Users".

9. Security
9.1. An encrypted connection protects data between the user's device and the Portal. Users should check that the address begins with https://www.elektrum.lv and that the browser shows a valid certificate.
9.2. Keep the operating system and antivirus software up to date, use a firewall and check the device for malicious software.
9.3. The Portal works in current browsers with cookies and JavaScript allowed.

10. Copyright
10.1. The Portal and its content (design, texts, software code) belong to Latvenergo and are protected by copyright under the laws of the Republic of Latvia.
10.2. Republishing the Portal's materials or using them commercially is prohibited. To use them, write to klientu.serviss@elektrum.lv.
10.3. The Latvian text is authoritative; texts in other languages are translations.`;

const TERMS_RU = `Это перевод. Текст на латышском языке имеет преимущественную силу.

Правила пользования клиентским порталом Elektrum
AS Latvenergo, версия 1.0

1. Общие положения
1.1. Портал elektrum.lv (далее – Портал) – сайт обслуживания клиентов AS Latvenergo (далее – Latvenergo). Часть информации доступна всем, но заключать новые договоры, оплачивать услуги, просматривать и изменять свои данные могут только зарегистрированные пользователи.
1.2. Правила определяют создание учётных записей и дополнительных пользователей, порядок регистрации и входа, а также ответственность за несоблюдение Правил. Они обязательны для всех пользователей Портала.
1.3. Latvenergo может изменять Правила, публикуя их на Портале. Пользователь обязан ознакомиться с ними и соблюдать их; новая редакция показывается при следующем входе.

2. Учётная запись и пользователи
2.1. Клиент становится зарегистрированным пользователем, создав учётную запись по ссылке «Зарегистрироваться» и получив имя пользователя и пароль.
2.2. Лицо, заполнившее регистрационную анкету, становится главным пользователем учётной записи. В разделе «Пользователи» главный пользователь может добавлять дополнительных пользователей, которые видят договоры и платежи клиента, но не могут заключать новые договоры и добавлять других пользователей. Счета дополнительный пользователь видит, если это разрешил главный пользователь.
2.3. Учётную запись можно заказать и в любом центре обслуживания клиентов, предъявив документ, удостоверяющий личность. Сотрудник заполняет анкету за клиента, но активировать учётную запись может только сам клиент по ссылке, отправленной на его электронную почту.
2.4. Войти на Портал можно через интернет-банк, в том числе из раздела «э-услуги» интернет-банка. Чтобы клиента распознали, у него должен быть договор поставки электроэнергии с Latvenergo.

3. Регистрация
3.1. Зарегистрироваться можно только после того, как клиент ознакомился с Правилами и принял их.
3.2. Если данные анкеты совпадают с данными клиентов Latvenergo, создаётся учётная запись и на указанную в анкете почту отправляется ссылка активации, по которой клиент выбирает пароль.
3.3. Если данные не совпадают, в регистрации отказывают. Чтобы уточнить данные, обратитесь в службу обслуживания по телефону 8400 или в центр обслуживания клиентов; после этого можно зарегистрироваться повторно.

4. Достоверность данных и ответственность
4.1. Принимая Правила, клиент соглашается, что Latvenergo обрабатывает переданные через Портал персональные данные в соответствии с нормативными актами для исполнения взаимных обязательств.
4.2. Пользователь подтверждает, что предоставленные данные верны и для их обработки есть правовое основание. За незаконное использование данных другого лица он отвечает в установленном законом порядке и возмещает причинённый ущерб.
4.3. Пользователь, передающий данные других лиц, отвечает за получение их согласия.
4.4. Latvenergo может немедленно прекратить доступ, если обнаружит нарушение Правил или нормативных актов.
4.5. По требованию пользователя Latvenergo удаляет полученные от него персональные данные, когда необходимость в их обработке отпала.

5. Имя пользователя и пароль
5.1. Имя пользователя – адрес электронной почты, указанный при регистрации.
5.2. Пароль содержит не менее 8 символов. Рекомендуется использовать заглавные и строчные буквы, цифры и символы и не использовать свои персональные данные или словарные слова.
5.3. Пароль рекомендуется регулярно менять (не реже раза в три месяца) в разделе «Ваш профиль».
5.4. После 5 неверных паролей подряд вход временно блокируется; доступ восстанавливается по истечении времени или через ссылку «Забыли пароль».

6. Забытый пароль
6.1. Если пароль забыт, выберите на главной странице «Забыли пароль» и введите имя пользователя. На электронную почту будет отправлена одноразовая ссылка для выбора нового пароля.

7. Блокировка и разблокировка учётной записи
7.1. Учётная запись блокируется, если в течение 24 часов после регистрации не использована ссылка активации и не выбран пароль.
7.2. Чтобы разблокировать её, выберите на главной странице «Забыли пароль» и запросите новый пароль.

8. Удаление учётной записи
8.1. Учётную запись удаляет сотрудник службы обслуживания по требованию клиента, заявленному по телефону или в центре обслуживания клиентов.
8.2. Главный пользователь может удалять дополнительных пользователей в разделе «Пользователи».

9. Безопасность
9.1. Данные между устройством пользователя и Порталом защищены зашифрованным соединением. Пользователю следует проверить, что адрес начинается с https://www.elektrum.lv и браузер показывает действительный сертификат.
9.2. Рекомендуется регулярно обновлять операционную систему и антивирус, использовать брандмауэр и проверять устройство на вредоносные программы.
9.3. Портал работает в современных браузерах с разрешёнными файлами cookie и JavaScript.

10. Авторские права
10.1. Портал и его содержимое (дизайн, тексты, программный код) принадлежат Latvenergo и охраняются авторским правом по законам Латвийской Республики.
10.2. Перепубликация материалов Портала или их коммерческое использование запрещены. По вопросам их использования пишите на klientu.serviss@elektrum.lv.
10.3. Преимущественную силу имеет текст на латышском языке; тексты на других языках являются переводами.`;

export const elektrumProfile: OperatorProfile = {
  id: 'elektrum',
  legalName: 'AS Latvenergo',
  portalName: 'Elektrum',
  website: 'https://www.elektrum.lv',
  branding: {
    primaryColor: '#007a4d',
    accentColor: '#b84a00',
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 40" role="img" aria-label="Elektrum">' +
      '<circle cx="20" cy="20" r="16" fill="#007a4d"/>' +
      '<path d="M22 8 13 22h7l-2 10 9-14h-7z" fill="#fff"/>' +
      '<text x="44" y="27" font-family="Arial,Helvetica,sans-serif" font-size="20" font-weight="700" fill="#007a4d">Elektrum</text>' +
      '</svg>',
  },
  modules: ['accounts', 'billing', 'charging', 'metering', 'privacy'],
  orderTypes: [
    'meter_reading',
    'service_application',
    'contract_conclusion',
    'contract_amendment',
    'user_change',
    'contact_change',
  ],
  support: {
    phone: '8400',
    email: 'klientu.serviss@elektrum.lv',
    serviceCentres: [
      {
        name: {
          lv: 'Klientu apkalpošanas centrs Rīgā',
          en: 'Customer service centre in Riga',
          ru: 'Центр обслуживания клиентов в Риге',
        },
        address: 'Pulkveža Brieža iela 12, Rīga, LV-1230',
        hours: { lv: 'P.–Pk. 8.00–17.00', en: 'Mon–Fri 8:00–17:00', ru: 'Пн–Пт 8:00–17:00' },
      },
    ],
  },
  rules: {
    additionalUsersSeeInvoices: false,
    // Seed 5.3 only recommends a change every three months (ACC-6).
    passwordMaxAgeDays: null,
    passwordHistory: 5,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    // Seed 2.4: bank login needs an electricity supply contract.
    bankLoginRequiresContractTypes: ['electricity_supply'],
    stepUpOrderTypes: ['contract_conclusion'],
    inactiveAccountDeletionDays: 365,
    staffSecondFactorRequired: true,
  },
  metering: { readingWindow: { firstDay: 25, lastDay: 3 }, netBillingMarginEurPerKwh: '0.0150', spotPriceZone: 'LV' },
  billing: {
    invoiceSeries: 'EL',
    creditNoteSeries: 'ELK',
    paymentTermDays: 14,
    runDayOfMonth: 5,
    defaultVatPercent: '21',
    // BIL-4: the day after the Song and Dance Festival's closing day, declared a public holiday (2018, 2023)
    extraPublicHolidays: ['2018-07-09', '2023-07-10'],
    // the registration and VAT numbers are the company's; the account is illustrative (set the operator's own)
    seller: {
      registrationNumber: '40003032949',
      vatNumber: 'LV40003032949',
      address: { street: 'Pulkveža Brieža iela 12', city: 'Rīga', postalCode: 'LV-1230', countryCode: 'LV' },
      email: 'rekini@elektrum.lv',
    },
    payee: { iban: 'LV50UNLA0000000000002', bic: 'UNLALV2X' },
    postDeliveryFee: { price: '1.65', vatPercent: '21' },
    lateInterestPercentPerDay: '0.15',
    collections: { reminderDaysAfterDue: 5, suspensionDaysAfterReminder: 10, gridOrderOnSuspension: false },
  },
  terms: {
    version: '1.0',
    approvedOn: '2024-12-16',
    validFrom: '2025-01-01',
    text: { lv: TERMS_LV, en: TERMS_EN, ru: TERMS_RU },
  },
};
