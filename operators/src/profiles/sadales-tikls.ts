/**
 * AS Sadales tīkls, e-st.lv: the distribution grid — objects, metering, outages and orders.
 * Facts from seeds/sadales-tikls-portal-terms.lv.txt: Šmerļa iela 1, free phone 8403,
 * st@sadalestikls.lv, terms valid from 22 May 2019, and clause 3.5.2: additional users have no
 * access to ST's invoices. Opening hours are assumed.
 */
import type { OperatorProfile } from '../operator-profile.ts';

const TERMS_LV = `Sadales tīkla klientu portāla e-st.lv lietošanas noteikumi
AS Sadales tīkls, versija 1.0, spēkā no 2019. gada 22. maija

1. Termini
1.1. ST – AS "Sadales tīkls", reģ. Nr. 40003857687, juridiskā adrese Šmerļa iela 1, Rīga, LV-1160.
1.2. Klientu portāls (turpmāk – Portāls) – ST tiešsaistes pakalpojums www.e-st.lv rīkojumu iesniegšanai un informācijas saņemšanai par objektu (pieslēgumu) tehniskajiem parametriem, skaitītāju rādījumiem, pieslēguma pieteikumu statusu, pakalpojumu pieteikumiem un līgumiem, viedo skaitītāju stundas patēriņu, mikroģeneratoru neto norēķiniem, plānotajiem atslēgumiem un personas datu apstrādi; juridiskām personām arī par ST rēķiniem.
1.3. Galvenais lietotājs – pirmais reģistrētais konta lietotājs, kurš piešķir un atceļ papildlietotāja statusu. Papildlietotājs – katrs nākamais konta lietotājs.
1.4. Rīkojums – lietotāja klienta vārdā dots uzdevums: skaitītāja rādījuma nodošana, pakalpojuma pieteikums, pakalpojuma vai pieslēguma līguma vai tā grozījumu noslēgšana, dokumentu parakstīšana, lietotāju pievienošana vai dzēšana, kontaktinformācijas maiņa.
1.5. Piekļuves parametri – eID karte, internetbanka vai lietotājvārds (e-pasta adrese) un parole.

2. Vispārīgie noteikumi
2.1. Noteikumi ir saistoši lietotājiem; jautājumos, ko tie neregulē, piemēro Latvijas Republikas tiesību aktus.
2.2. Visas Portālā veiktās darbības un ST paziņojumi ir juridiski saistoši visiem klienta lietotājiem. Paziņojums ir saņemts brīdī, kad tas pieejams Portālā vai nosūtīts citā saziņas kanālā.

3. Piekļuve Portālam
3.1. Noteikumi stājas spēkā, kad tie publicēti Portālā, un lietotājam kļūst saistoši konta reģistrācijas brīdī.
3.2. Kontu reģistrē, lietotājam autorizējoties ar eID karti vai internetbanku, vai galvenajam lietotājam pievienojot papildlietotāju, kurš ar e-pastā saņemto saiti izvēlas paroli.
3.3. Par galvenā lietotāja reģistrāciju ST informē klientu – juridisku personu – pa e-pastu. Ja lietotājam jāliedz piekļuve, klients nekavējoties zvana uz bezmaksas tālruni 8403 vai raksta uz st@sadalestikls.lv.
3.4. Galvenajam lietotājam ir pilna piekļuve klienta informācijai un rīkojumiem. Papildlietotājam piekļuve ir ierobežota: viņš neredz ST rēķinus, nevar pievienot vai dzēst lietotājus un mainīt kontaktinformāciju.
3.5. Pieslēguma līgumu noslēgt vai apliecināt elektroietaišu gatavību sprieguma saņemšanai lietotājs var tikai tad, ja klients viņu tam pilnvarojis.
3.6. Piekļuvi liedz, ja lietotājs 24 stundu laikā nav izmantojis autorizācijas saiti, ja to pieprasa klients, ja galvenais lietotājs dzēsis papildlietotāju vai ja ST ir pamatotas aizdomas par nelikumīgu Portāla izmantošanu.

4. Rīkojumi
4.1. Lietotājs iesniedz rīkojumus atbilstoši savām tiesībām; ST tos izpilda norādītajā termiņā, ja rīkojums ir pienācīgi aizpildīts un klients veicis vajadzīgos priekšdarbus.
4.2. Identificēta lietotāja iesniegts rīkojums ir uzskatāms par klienta apstiprinātu un parakstītu.
4.3. Izpilde sākas uzreiz pēc saņemšanas. Pirms iesniegšanas rīkojumu var labot; pēc iesniegšanas no tā var atteikties vai to mainīt tā, kā noteikts konkrētajam pakalpojumam.
4.4. ST var sazināties ar klientu, lai pārbaudītu rīkojumu, un var to neizpildīt, ja nav ievēroti noteikumi, nav iesniegti pieprasītie dokumenti vai klients rīkojumu neapstiprina vai nav sasniedzams.
4.5. ST var anulēt rīkojumu, ja ir pamatotas aizdomas par krāpšanu, piemēram, pieslēgšanos ar citas personas piekļuves parametriem.
4.6. Noteiktu veidu rīkojumiem ST var prasīt apstiprinājumu, autorizējoties ar eID vai internetbanku.

5. Klienta un lietotāju atbildība
5.1. Klients atbild par saviem lietotājiem, un viņu darbības klientam ir saistošas. Darbības, kas veiktas pirms lietotāja piekļuves atcelšanas, paliek spēkā.
5.2. Galvenais lietotājs regulāri pārskata lietotāju sarakstu un viņu tiesības. Klients nekavējoties paziņo ST par izmaiņām kontaktinformācijā un lietotāju sastāvā.
5.3. Lietotājs sniedz patiesus datus, glabā piekļuves parametrus drošībā, neizmanto citu personu piekļuves parametrus un bez tiesiska pamata neizpauž citu personu datus.

6. ST tiesības un atbildība
6.1. ST ir Portāla pārzinis; tas nodrošina lietotāja informācijas konfidencialitāti un personas datu aizsardzību.
6.2. ST var grozīt Noteikumus, mainīt pakalpojumu un rīkojumu klāstu un pārtraukt Portāla vai tā daļas darbību uzturēšanas darbu laikā.
6.3. ST neatbild par traucējumiem, ko rada lietotāja iekārtas, e-pasts vai pārlūks, un par sekām, ja trešā persona izmanto lietotāja piekļuves parametrus.

7. Konta darbības pārtraukšana
7.1. Lietotājs var pārtraukt Portāla lietošanu, iesniedzot iesniegumu Portālā vai rakstot uz st@sadalestikls.lv.
7.2. ST var pārtraukt piekļuvi, iepriekš paziņojot, bet Noteikumu pārkāpuma gadījumā – nekavējoties.
7.3. Ja klientam nav aktīvu līgumu ar ST un konts nav lietots ilgāk par gadu, ST kontu dzēš.

8. Maksa, personas dati un strīdi
8.1. Portāla lietošana ir bez maksas; maksas pakalpojumus apmaksā pēc ST cenrāža vai rēķina.
8.2. ST apstrādā personas datus saskaņā ar Klientu personas datu apstrādes principiem tik ilgi, cik vajadzīgs pakalpojumu sniegšanai un tiesību aktu izpildei. Sīkdatņu iestatījumus var mainīt jebkurā laikā; bez tām Portāls var darboties nepilnīgi.
8.3. Strīdus risina sarunās pēc rakstveida pretenzijas; ja vienoties neizdodas – Latvijas Republikas tiesās.
8.4. Noteicošais ir teksts latviešu valodā; teksti citās valodās ir tulkojumi.`;

const TERMS_EN = `This is a translation. The Latvian text is authoritative.

Terms of use of the Sadales tīkls customer portal e-st.lv
AS Sadales tīkls, version 1.0, valid from 22 May 2019

1. Definitions
1.1. ST – AS "Sadales tīkls", registration No. 40003857687, registered address Šmerļa iela 1, Rīga, LV-1160.
1.2. Customer portal (the Portal) – ST's online service www.e-st.lv for giving orders and getting information on the technical parameters of objects (connections), meter readings, the status of connection applications, service applications and contracts, hourly consumption from smart meters, net settlement for micro-generators, planned outages and the processing of personal data; for legal entities also on ST's invoices.
1.3. Main user – the first registered user of the account, who grants and withdraws additional-user status. Additional user – every later user of the account.
1.4. Order – a task a user gives on the customer's behalf: submitting a meter reading, a service application, concluding a service or connection contract or an amendment, signing documents, adding or removing users, changing contact details.
1.5. Login details – an eID card, an internet bank, or a username (e-mail address) and password.

2. General
2.1. These terms bind users; matters they do not cover are governed by the laws of the Republic of Latvia.
2.2. Every action taken in the Portal and every notice from ST is legally binding on all of the customer's users. A notice counts as received when it is available in the Portal or has been sent through another channel.

3. Access to the Portal
3.1. The terms take effect when published in the Portal and bind a user from the registration of the account.
3.2. An account is registered when the user logs in with an eID card or an internet bank, or when the main user adds an additional user, who chooses a password through the link received by e-mail.
3.3. ST tells a customer that is a legal entity by e-mail when a main user is registered. If a user must be denied access, the customer at once calls the free number 8403 or writes to st@sadalestikls.lv.
3.4. The main user has full access to the customer's information and orders. An additional user has limited access: they do not see ST's invoices and cannot add or remove users or change contact details.
3.5. A user may conclude a connection contract or confirm that electrical installations are ready for voltage only if the customer has authorised them to.
3.6. Access is denied if the user has not used the login link within 24 hours, if the customer asks, if the main user has removed the additional user, or if ST reasonably suspects unlawful use of the Portal.

4. Orders
4.1. Users give orders within their rights; ST carries them out within the stated time if the order is properly completed and the customer has done the necessary preparations.
4.2. An order given by an identified user counts as confirmed and signed by the customer.
4.3. Execution starts as soon as the order is received. Before sending, the user can correct the order; after sending, it can be cancelled or changed as the rules of that service allow.
4.4. ST may contact the customer to check an order, and may refuse it if the rules were not followed, requested documents are missing, or the customer does not confirm it or cannot be reached.
4.5. ST may annul an order on reasonable suspicion of fraud, for example a login with another person's login details.
4.6. For certain order types ST may require confirmation by logging in with eID or an internet bank.

5. Liability of the customer and users
5.1. The customer is responsible for its users, and their actions bind the customer. Actions taken before a user's access was withdrawn remain valid.
5.2. The main user regularly reviews the list of users and their rights. The customer tells ST at once about changes in contact details and in its users.
5.3. Users give true data, keep login details safe, do not use other people's login details and do not disclose other people's data without a legal basis.

6. Rights and liability of ST
6.1. ST is the controller of the Portal; it keeps user information confidential and protects personal data.
6.2. ST may amend the terms, change the range of services and orders, and suspend the Portal or part of it for maintenance.
6.3. ST is not liable for faults caused by the user's equipment, e-mail or browser, nor for the consequences of a third party using the user's login details.

7. Ending use of the account
7.1. A user may stop using the Portal by submitting a request in the Portal or writing to st@sadalestikls.lv.
7.2. ST may end access with prior notice, and at once if the terms are breached.
7.3. If the customer has no active contracts with ST and the account has not been used for over a year, ST deletes the account.

8. Fees, personal data and disputes
8.1. Using the Portal is free; paid services are paid under ST's price list or invoice.
8.2. ST processes personal data under its principles for processing customers' personal data for as long as needed to provide services and meet legal duties. Cookie settings can be changed at any time; without cookies the Portal may not work fully.
8.3. Disputes are settled by negotiation after a written claim; failing agreement, by the courts of the Republic of Latvia.
8.4. The Latvian text is authoritative; texts in other languages are translations.`;

const TERMS_RU = `Это перевод. Текст на латышском языке имеет преимущественную силу.

Правила пользования клиентским порталом e-st.lv Sadales tīkls
AS Sadales tīkls, версия 1.0, действует с 22 мая 2019 года

1. Термины
1.1. ST – AS "Sadales tīkls", рег. № 40003857687, юридический адрес: Šmerļa iela 1, Rīga, LV-1160.
1.2. Клиентский портал (далее – Портал) – онлайн-услуга ST www.e-st.lv для подачи распоряжений и получения информации о технических параметрах объектов (подключений), показаниях счётчиков, статусе заявок на подключение, заявках на услуги и договорах, почасовом потреблении по умным счётчикам, нетто-расчётах для микрогенераторов, плановых отключениях и обработке персональных данных; юридическим лицам – также о счетах ST.
1.3. Главный пользователь – первый зарегистрированный пользователь учётной записи, который присваивает и отменяет статус дополнительного пользователя. Дополнительный пользователь – каждый следующий пользователь учётной записи.
1.4. Распоряжение – задание, которое пользователь даёт от имени клиента: передача показаний счётчика, заявка на услугу, заключение договора об услуге или подключении либо поправок к нему, подписание документов, добавление или удаление пользователей, изменение контактных данных.
1.5. Данные для входа – eID-карта, интернет-банк или имя пользователя (адрес электронной почты) и пароль.

2. Общие положения
2.1. Правила обязательны для пользователей; в вопросах, которые они не регулируют, применяются законы Латвийской Республики.
2.2. Все действия на Портале и уведомления ST юридически обязательны для всех пользователей клиента. Уведомление считается полученным, когда оно доступно на Портале или отправлено по другому каналу связи.

3. Доступ к Порталу
3.1. Правила вступают в силу после публикации на Портале и становятся обязательными для пользователя с момента регистрации учётной записи.
3.2. Учётная запись регистрируется, когда пользователь входит с eID-картой или через интернет-банк, либо когда главный пользователь добавляет дополнительного пользователя, который выбирает пароль по ссылке из письма.
3.3. О регистрации главного пользователя ST сообщает клиенту – юридическому лицу – по электронной почте. Если пользователю нужно закрыть доступ, клиент немедленно звонит по бесплатному номеру 8403 или пишет на st@sadalestikls.lv.
3.4. Главный пользователь имеет полный доступ к информации клиента и распоряжениям. Доступ дополнительного пользователя ограничен: он не видит счета ST, не может добавлять или удалять пользователей и менять контактные данные.
3.5. Заключить договор о подключении или подтвердить готовность электроустановок к подаче напряжения пользователь может, только если клиент его на это уполномочил.
3.6. Доступ закрывается, если пользователь не воспользовался ссылкой для входа в течение 24 часов, если этого требует клиент, если главный пользователь удалил дополнительного пользователя или если у ST есть обоснованные подозрения в незаконном использовании Портала.

4. Распоряжения
4.1. Пользователь подаёт распоряжения в пределах своих прав; ST выполняет их в указанный срок, если распоряжение заполнено надлежащим образом и клиент выполнил необходимые подготовительные действия.
4.2. Распоряжение, поданное идентифицированным пользователем, считается подтверждённым и подписанным клиентом.
4.3. Исполнение начинается сразу после получения. До отправки распоряжение можно исправить; после отправки от него можно отказаться или изменить его в порядке, установленном для конкретной услуги.
4.4. ST может связаться с клиентом для проверки распоряжения и может не выполнить его, если не соблюдены правила, не представлены запрошенные документы либо клиент его не подтверждает или недоступен.
4.5. ST может аннулировать распоряжение при обоснованном подозрении в мошенничестве, например при входе с чужими данными для входа.
4.6. Для отдельных видов распоряжений ST может требовать подтверждения входом через eID или интернет-банк.

5. Ответственность клиента и пользователей
5.1. Клиент отвечает за своих пользователей, и их действия для него обязательны. Действия, совершённые до отмены доступа пользователя, остаются в силе.
5.2. Главный пользователь регулярно проверяет список пользователей и их права. Клиент немедленно сообщает ST об изменениях контактных данных и состава пользователей.
5.3. Пользователь предоставляет верные данные, хранит данные для входа в безопасности, не использует чужие данные для входа и без правового основания не раскрывает данные других лиц.

6. Права и ответственность ST
6.1. ST – распорядитель Портала; он обеспечивает конфиденциальность информации пользователя и защиту персональных данных.
6.2. ST может изменять Правила, перечень услуг и распоряжений и приостанавливать работу Портала или его части на время обслуживания.
6.3. ST не отвечает за сбои, вызванные оборудованием, электронной почтой или браузером пользователя, и за последствия использования третьим лицом данных для входа пользователя.

7. Прекращение использования учётной записи
7.1. Пользователь может прекратить пользоваться Порталом, подав заявление на Портале или написав на st@sadalestikls.lv.
7.2. ST может прекратить доступ с предварительным уведомлением, а при нарушении Правил – немедленно.
7.3. Если у клиента нет действующих договоров с ST и учётная запись не используется более года, ST удаляет её.

8. Плата, персональные данные и споры
8.1. Пользование Порталом бесплатно; платные услуги оплачиваются по прейскуранту ST или счёту.
8.2. ST обрабатывает персональные данные согласно принципам обработки персональных данных клиентов столько, сколько нужно для оказания услуг и выполнения требований закона. Настройки файлов cookie можно изменить в любое время; без них Портал может работать не полностью.
8.3. Споры решаются путём переговоров после письменной претензии, а если договориться не удалось – в судах Латвийской Республики.
8.4. Преимущественную силу имеет текст на латышском языке; тексты на других языках являются переводами.`;

export const sadalesTiklsProfile: OperatorProfile = {
  id: 'sadales-tikls',
  legalName: 'AS Sadales tīkls',
  portalName: 'e-st.lv',
  website: 'https://www.e-st.lv',
  branding: {
    primaryColor: '#005f6b',
    accentColor: '#b45309',
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 190 40" role="img" aria-label="Sadales tīkls">' +
      '<rect x="2" y="4" width="32" height="32" rx="4" fill="#005f6b"/>' +
      '<path d="M8 28h24M12 28V14l6-6 6 6v14M18 8v20" stroke="#fff" stroke-width="2.5" fill="none"/>' +
      '<text x="44" y="27" font-family="Arial,Helvetica,sans-serif" font-size="18" font-weight="700" fill="#005f6b">Sadales tīkls</text>' +
      '</svg>',
  },
  modules: ['accounts', 'grid', 'metering', 'billing', 'privacy'],
  // Seed clause 1 ("Rīkojums") lists exactly these order types.
  orderTypes: [
    'meter_reading',
    'service_application',
    'contract_conclusion',
    'contract_amendment',
    'document_signing',
    'user_change',
    'contact_change',
  ],
  support: {
    phone: '8403',
    email: 'st@sadalestikls.lv',
    serviceCentres: [
      {
        name: {
          lv: 'AS Sadales tīkls birojs Rīgā',
          en: 'AS Sadales tīkls office in Riga',
          ru: 'Офис AS Sadales tīkls в Риге',
        },
        address: 'Šmerļa iela 1, Rīga, LV-1160',
        hours: { lv: 'P.–Pk. 8.00–16.30', en: 'Mon–Fri 8:00–16:30', ru: 'Пн–Пт 8:00–16:30' },
      },
    ],
  },
  rules: {
    // Seed 3.5.2: additional users have no access to ST's invoices.
    additionalUsersSeeInvoices: false,
    passwordMaxAgeDays: null,
    passwordHistory: 5,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    bankLoginRequiresContractTypes: ['grid_connection'],
    // Seed 3.5.1 and 7.8: contracts and confirmations may need eID or bank login.
    stepUpOrderTypes: ['contract_conclusion', 'contract_amendment', 'document_signing'],
    // Seed 8.3: no active contract and unused for over a year.
    inactiveAccountDeletionDays: 365,
    staffSecondFactorRequired: true,
  },
  metering: { readingWindow: { firstDay: 25, lastDay: 3 }, netBillingMarginEurPerKwh: '0.0200', spotPriceZone: 'LV' },
  billing: {
    invoiceSeries: 'ST',
    creditNoteSeries: 'STK',
    paymentTermDays: 14,
    runDayOfMonth: 5,
    defaultVatPercent: '21',
    // BIL-4: the day after the Song and Dance Festival's closing day, declared a public holiday (2018, 2023)
    extraPublicHolidays: ['2018-07-09', '2023-07-10'],
    // the registration and VAT numbers are the company's; the account is illustrative (set the operator's own)
    seller: {
      registrationNumber: '40003857687',
      vatNumber: 'LV40003857687',
      address: { street: 'Šmerļa iela 1', city: 'Rīga', postalCode: 'LV-1160', countryCode: 'LV' },
      email: 'rekini@sadalestikls.lv',
    },
    payee: { iban: 'LV38RIKO0000000000003', bic: 'RIKOLV2X' },
    postDeliveryFee: { price: '1.65', vatPercent: '21' },
    lateInterestPercentPerDay: '0.15',
    collections: { reminderDaysAfterDue: 7, suspensionDaysAfterReminder: null, gridOrderOnSuspension: false },
  },
  terms: {
    version: '1.0',
    approvedOn: '2019-05-22',
    validFrom: '2019-05-22',
    text: { lv: TERMS_LV, en: TERMS_EN, ru: TERMS_RU },
  },
};
