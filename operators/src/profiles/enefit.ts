/**
 * Enefit SIA: electricity and gas retail, with the privacy module in front (PRV-*).
 * Facts from seeds/enefit-data-principles.lv.txt: phone +371 67780590, Roberta Hirša iela 1,
 * controller Eesti Energia AS, principles in force from 25 May 2018. The seed's e-mail address is
 * obfuscated, so info@enefit.lv is assumed; opening hours are assumed too.
 * The terms are the seed's data-use principles; the portal's own rules (privacy requests from the
 * portal, one-month answer, cookie consent) are added where the seed is silent.
 */
import type { OperatorProfile } from '../operator-profile.ts';

const TERMS_LV = `Enefit klientu portāla lietošanas noteikumi un klientu datu lietošanas principi
Enefit SIA, versija 1.0

1. Vispārīgi
1.1. Principi attiecas uz Enefit SIA (turpmāk – Enefit) un ikvienu personu, kas izmanto Enefit pakalpojumus, arī šo klientu portālu (e-vidi). Tie ir līguma un vispārējo noteikumu neatņemama daļa.
1.2. Principi apraksta, kā Enefit izmanto klientu datus, sniedzot pakalpojumus. Tie neattiecas uz citu uzņēmumu pakalpojumiem un tiešsaistes vidēm.
1.3. Dati ir klienta personas dati, ar saziņu saistīti dati un citi ar klientu saistīti dati, kas Enefit rīcībā nonākuši, sniedzot pakalpojumus.

2. Datu izmantošanas pamatprincipi
2.1. Enefit izmanto datus tikai tam nolūkam, kuram tie savākti, un tikai vajadzīgajā apmērā, ievērojot personas datu aizsardzības tiesību aktus un labu uzņēmējdarbības praksi.
2.2. Enefit aizsargā datu integritāti, pieejamību un konfidencialitāti ar organizatoriskiem, fiziskiem un informācijas tehnoloģiju pasākumiem. Šīs prasības ievēro Enefit darbinieki un pilnvarotie datu apstrādātāji.
2.3. Klients lieto pakalpojumus rūpīgi un uztur drošas ierīces, ar kurām tos izmanto (piemēram, nomaina noklusējuma paroles). Ja klients to nedara, viņš atbild par sekām.
2.4. Ja klients ļauj pakalpojumu izmantot citam lietotājam (piemēram, ģimenes loceklim vai darbiniekam), klients nodrošina, ka lietotājs iepazīstas ar šiem principiem un tos apstiprina.

3. Datu vākšana
3.1. Enefit saņem datus no klienta (piemēram, pasūtot pakalpojumu vai reģistrējoties), dati rodas, klientam lietojot pakalpojumus, vai tiek saņemti no citiem avotiem, piemēram, publiskiem reģistriem, ja tas vajadzīgs līguma izpildei, to paredz tiesību akts vai klients tam piekritis.

4. Datu izmantošana līguma izpildei
4.1. Bez atsevišķas piekrišanas Enefit izmanto datus, lai identificētu klientu un viņa pārstāvi, sniegtu pakalpojumus un piegādātu preces, apkalpotu klientu un novērstu traucējumus, aprēķinātu maksu un nosūtītu rēķinus un paziņojumus, uzlabotu pakalpojumus, ierakstītu telefonsarunas pierādījumiem, novērtētu riskus un kredītspēju, aizsargātu savas tiesības un piedzītu parādus.
4.2. Šim nolūkam izmanto klienta pamatdatus (vārds, uzvārds, personas kods, kontaktinformācija, saziņas valoda) un saziņas datus (līgumi, pasūtījumi, rēķini, maksājumi, pakalpojumu lietojums, sīkdatņu dati, maksājumu disciplīna).
4.3. Kamēr klients izmanto pakalpojumu, viņš nevar aizliegt šādu datu izmantošanu, jo bez tās pakalpojumu nevar sniegt.

5. Datu izmantošana mārketingam
5.1. Mārketingam un personalizētiem piedāvājumiem datus izmanto tikai ar klienta piekrišanu. Piekrišana ir spēkā, līdz klients to atsauc.
5.2. Klients var piekrišanu nedot vai jebkurā laikā to atsaukt portālā vai rakstiski. Piekrišanu dot vai atsaukt var tikai pats klients.
5.3. Ar piekrišanu Enefit izmanto datus, lai apzinātu klienta vajadzības, izstrādātu jaunus pakalpojumus, sagatavotu un elektroniski nosūtītu personalizētus piedāvājumus un nodotu datus Enefit grupas uzņēmumiem kopīgu pakalpojumu sniegšanai.
5.4. Neatkarīgi no piekrišanas ikviens var aizliegt sūtīt piedāvājumus elektroniski, izmantojot atteikšanās saiti ziņā vai portāla iestatījumus.

6. Pārzinis, apstrādātāji un glabāšana
6.1. Pārzinis ir Eesti Energia AS (Enefit), reģ. Nr. 10421629, Lelle 22, Tallina, Igaunija. Apstrādātājs ir Enefit SIA, reģ. Nr. 40003824046, Roberta Hirša iela 1, Rīga, LV-1045.
6.2. Enefit var uzticēt datu apstrādi partneriem (rēķinu sagatavošana, klientu apkalpošana, krāpšanas atklāšana u. c.), kuri datus izmanto tikai Enefit uzdevumā un saskaņā ar konfidencialitātes līgumu.
6.3. Datus glabā, kamēr tas vajadzīgs nolūka sasniegšanai, vai tiesību aktos noteikto termiņu.

7. Klienta tiesības
7.1. Klients var saņemt informāciju par saviem datiem un to apstrādi, saņemt datu kopiju, prasīt datu labošanu, dzēšanu vai apstrādes ierobežošanu, iebilst pret apstrādi, prasīt datu pārnesamību un atsaukt piekrišanu.
7.2. Pieprasījumus var iesniegt portāla sadaļā "Privātums"; atbildi sniedz viena mēneša laikā. Ja dati jāglabā saskaņā ar likumu (piemēram, rēķini), atbildē to norāda.
7.3. Klients var vērsties Datu valsts inspekcijā (www.dvi.gov.lv) vai tiesā un prasīt atlīdzināt nodarīto kaitējumu.

8. Sīkdatnes
8.1. E-vide izmanto sīkdatnes, lai atpazītu lietotāja pārlūku, saglabātu izvēles un uzlabotu pakalpojumus. Nebūtiskās sīkdatnes izmanto tikai ar piekrišanu, ko var mainīt jebkurā laikā; portāls darbojas arī bez tām.

9. Saziņa un grozījumi
9.1. Jautājumus un pieprasījumus var iesniegt pa tālruni +371 67780590 vai e-pastu info@enefit.lv.
9.2. Enefit var vienpusēji grozīt šos principus vispārējos noteikumos aprakstītajā kārtībā; jaunā redakcija tiek parādīta portālā nākamajā pieslēgšanās reizē.
9.3. Noteicošais ir teksts latviešu valodā; teksti citās valodās ir tulkojumi.`;

const TERMS_EN = `This is a translation. The Latvian text is authoritative.

Enefit customer portal terms of use and principles of customer data use
Enefit SIA, version 1.0

1. General
1.1. These principles apply to Enefit SIA (Enefit) and to everyone who uses Enefit's services, including this customer portal (e-environment). They are an integral part of the contract and of the general terms.
1.2. The principles describe how Enefit uses customer data when providing services. They do not apply to other companies' services or online environments.
1.3. Data means the customer's personal data, communication data and other customer-related data that Enefit has obtained while providing services.

2. Basic principles of data use
2.1. Enefit uses data only for the purpose for which they were collected and only to the extent needed, following data protection law and good business practice.
2.2. Enefit protects the integrity, availability and confidentiality of data with organisational, physical and IT measures. Enefit's staff and authorised processors follow these requirements.
2.3. The customer uses the services with care and keeps the devices used for them secure (for example by changing default passwords). A customer who does not is responsible for the consequences.
2.4. If the customer lets another user (for example a family member or an employee) use the service, the customer makes sure that the user reads and accepts these principles.

3. Collecting data
3.1. Enefit receives data from the customer (for example when ordering a service or registering), data arise when the customer uses the services, or they come from other sources such as public registers, where this is needed to perform the contract, required by law or consented to by the customer.

4. Using data to perform the contract
4.1. Without separate consent Enefit uses data to identify the customer and their representative, provide services and deliver goods, serve the customer and fix faults, calculate charges and send invoices and notices, improve services, record phone calls as evidence, assess risks and creditworthiness, protect its rights and collect debts.
4.2. For this it uses the customer's basic data (name, surname, personal code, contact details, language of communication) and communication data (contracts, orders, invoices, payments, service use, cookie data, payment history).
4.3. While using a service, the customer cannot forbid this use of data, because without it the service cannot be provided.

5. Using data for marketing
5.1. Data are used for marketing and personalised offers only with the customer's consent. Consent is valid until the customer withdraws it.
5.2. The customer may refuse consent or withdraw it at any time in the portal or in writing. Only the customer can give or withdraw consent.
5.3. With consent, Enefit uses data to understand the customer's needs, develop new services, prepare and send personalised offers electronically, and share data with Enefit group companies to provide services jointly.
5.4. Whatever their consent, anyone can forbid electronic offers by using the unsubscribe link in the message or the portal settings.

6. Controller, processors and retention
6.1. The controller is Eesti Energia AS (Enefit), reg. No. 10421629, Lelle 22, Tallinn, Estonia. The processor is Enefit SIA, reg. No. 40003824046, Roberta Hirša iela 1, Rīga, LV-1045.
6.2. Enefit may entrust processing to partners (invoicing, customer service, fraud detection, etc.), who use the data only on Enefit's instructions and under a confidentiality agreement.
6.3. Data are kept as long as needed for their purpose or for the period set by law.

7. The customer's rights
7.1. The customer may get information about their data and its processing, get a copy of the data, ask for the data to be corrected, erased or their processing restricted, object to processing, ask for data portability and withdraw consent.
7.2. Requests can be made in the portal's "Privacy" section; they are answered within one month. Where the law requires data to be kept (for example invoices), the answer says so.
7.3. The customer may turn to the Data State Inspectorate (www.dvi.gov.lv) or a court and claim compensation for damage.

8. Cookies
8.1. The e-environment uses cookies to recognise the user's browser, remember choices and improve services. Non-essential cookies are used only with consent, which can be changed at any time; the portal also works without them.

9. Contact and amendments
9.1. Questions and requests can be made by phone +371 67780590 or e-mail info@enefit.lv.
9.2. Enefit may amend these principles unilaterally as described in the general terms; the new version is shown in the portal at the next login.
9.3. The Latvian text is authoritative; texts in other languages are translations.`;

const TERMS_RU = `Это перевод. Текст на латышском языке имеет преимущественную силу.

Правила пользования клиентским порталом Enefit и принципы использования данных клиентов
Enefit SIA, версия 1.0

1. Общие положения
1.1. Принципы распространяются на Enefit SIA (далее – Enefit) и на каждого, кто пользуется услугами Enefit, в том числе этим клиентским порталом (э-средой). Они являются неотъемлемой частью договора и общих условий.
1.2. Принципы описывают, как Enefit использует данные клиентов при оказании услуг. Они не распространяются на услуги и онлайн-среды других компаний.
1.3. Данные – это персональные данные клиента, данные, связанные с коммуникацией, и другие связанные с клиентом данные, полученные Enefit при оказании услуг.

2. Основные принципы использования данных
2.1. Enefit использует данные только для той цели, для которой они собраны, и только в необходимом объёме, соблюдая законодательство о защите персональных данных и добросовестную деловую практику.
2.2. Enefit защищает целостность, доступность и конфиденциальность данных организационными, физическими и ИТ-мерами. Эти требования соблюдают сотрудники Enefit и уполномоченные обработчики данных.
2.3. Клиент пользуется услугами бережно и поддерживает безопасность устройств, через которые ими пользуется (например, меняет пароли по умолчанию). Если клиент этого не делает, он отвечает за последствия.
2.4. Если клиент разрешает пользоваться услугой другому пользователю (например, члену семьи или работнику), клиент обеспечивает, чтобы тот ознакомился с этими принципами и принял их.

3. Сбор данных
3.1. Enefit получает данные от клиента (например, при заказе услуги или регистрации), данные возникают при пользовании услугами или поступают из других источников, например публичных регистров, если это нужно для исполнения договора, предусмотрено законом или клиент на это согласился.

4. Использование данных для исполнения договора
4.1. Без отдельного согласия Enefit использует данные, чтобы идентифицировать клиента и его представителя, оказывать услуги и поставлять товары, обслуживать клиента и устранять неполадки, рассчитывать плату и отправлять счета и уведомления, улучшать услуги, записывать телефонные разговоры в качестве доказательства, оценивать риски и кредитоспособность, защищать свои права и взыскивать долги.
4.2. Для этого используются основные данные клиента (имя, фамилия, персональный код, контактные данные, язык общения) и данные коммуникации (договоры, заказы, счета, платежи, пользование услугами, данные cookie, платёжная дисциплина).
4.3. Пока клиент пользуется услугой, он не может запретить такое использование данных, так как без него услугу невозможно оказать.

5. Использование данных в маркетинговых целях
5.1. Для маркетинга и персонализированных предложений данные используются только с согласия клиента. Согласие действует, пока клиент его не отзовёт.
5.2. Клиент может не давать согласия или в любое время отозвать его на портале или письменно. Давать и отзывать согласие может только сам клиент.
5.3. С согласия клиента Enefit использует данные, чтобы понимать его потребности, разрабатывать новые услуги, готовить и отправлять в электронном виде персонализированные предложения и передавать данные компаниям группы Enefit для совместного оказания услуг.
5.4. Независимо от согласия любой может запретить электронную рассылку предложений с помощью ссылки для отказа в сообщении или в настройках портала.

6. Распорядитель, обработчики и хранение
6.1. Распорядитель данных – Eesti Energia AS (Enefit), рег. № 10421629, Lelle 22, Таллин, Эстония. Обработчик – Enefit SIA, рег. № 40003824046, Roberta Hirša iela 1, Rīga, LV-1045.
6.2. Enefit может поручать обработку данных партнёрам (выставление счетов, обслуживание клиентов, выявление мошенничества и др.), которые используют данные только по поручению Enefit и по договору о конфиденциальности.
6.3. Данные хранятся, пока это нужно для достижения цели, или в течение срока, установленного законом.

7. Права клиента
7.1. Клиент может получить информацию о своих данных и их обработке, получить копию данных, потребовать исправить или удалить данные или ограничить их обработку, возразить против обработки, потребовать переносимости данных и отозвать согласие.
7.2. Запросы можно подать в разделе портала «Конфиденциальность»; ответ даётся в течение одного месяца. Если данные по закону нужно хранить (например, счета), это указывается в ответе.
7.3. Клиент может обратиться в Государственную инспекцию данных (www.dvi.gov.lv) или в суд и потребовать возмещения причинённого вреда.

8. Файлы cookie
8.1. Э-среда использует файлы cookie, чтобы распознавать браузер пользователя, запоминать его выбор и улучшать услуги. Необязательные файлы cookie используются только с согласия, которое можно изменить в любое время; портал работает и без них.

9. Связь и изменения
9.1. Вопросы и запросы можно направить по телефону +371 67780590 или на эл. почту info@enefit.lv.
9.2. Enefit может в одностороннем порядке изменять эти принципы в порядке, описанном в общих условиях; новая редакция показывается на портале при следующем входе.
9.3. Преимущественную силу имеет текст на латышском языке; тексты на других языках являются переводами.`;

export const enefitProfile: OperatorProfile = {
  id: 'enefit',
  legalName: 'Enefit SIA',
  portalName: 'Enefit',
  website: 'https://www.enefit.lv',
  branding: {
    primaryColor: '#0b3d5c',
    accentColor: '#00785a',
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 140 40" role="img" aria-label="Enefit">' +
      '<circle cx="20" cy="20" r="16" fill="#0b3d5c"/>' +
      '<path d="M12 26c4-12 12-14 16-14-2 8-8 14-16 14z" fill="#00a878"/>' +
      '<text x="44" y="27" font-family="Arial,Helvetica,sans-serif" font-size="20" font-weight="700" fill="#0b3d5c">Enefit</text>' +
      '</svg>',
  },
  modules: ['accounts', 'billing', 'metering', 'privacy'],
  orderTypes: [
    'meter_reading',
    'service_application',
    'contract_conclusion',
    'contract_amendment',
    'user_change',
    'contact_change',
  ],
  support: {
    phone: '+371 67780590',
    email: 'info@enefit.lv',
    serviceCentres: [
      {
        name: { lv: 'Enefit birojs Rīgā', en: 'Enefit office in Riga', ru: 'Офис Enefit в Риге' },
        address: 'Roberta Hirša iela 1, Rīga, LV-1045',
        hours: { lv: 'P.–Pk. 9.00–17.00', en: 'Mon–Fri 9:00–17:00', ru: 'Пн–Пт 9:00–17:00' },
      },
    ],
  },
  rules: {
    // Not in the seed: an operator choice, so that one shipped profile shows the other setting.
    additionalUsersSeeInvoices: true,
    passwordMaxAgeDays: null,
    passwordHistory: 5,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    bankLoginRequiresContractTypes: ['electricity_supply', 'gas_supply'],
    stepUpOrderTypes: ['contract_conclusion'],
    inactiveAccountDeletionDays: 365,
    staffSecondFactorRequired: true,
  },
  metering: { readingWindow: { firstDay: 25, lastDay: 3 }, netBillingMarginEurPerKwh: '0.0200', spotPriceZone: 'LV' },
  billing: {
    invoiceSeries: 'EN',
    creditNoteSeries: 'ENK',
    paymentTermDays: 14,
    runDayOfMonth: 5,
    defaultVatPercent: '21',
    // BIL-4: the day after the Song and Dance Festival's closing day, declared a public holiday (2018, 2023)
    extraPublicHolidays: ['2018-07-09', '2023-07-10'],
    // the registration and VAT numbers are the company's; the account is illustrative (set the operator's own)
    seller: {
      registrationNumber: '40003824046',
      vatNumber: 'LV40003824046',
      address: { street: 'Roberta Hirša iela 1', city: 'Rīga', postalCode: 'LV-1045', countryCode: 'LV' },
      email: 'rekini@enefit.lv',
    },
    payee: { iban: 'LV23HABA0000000000004', bic: 'HABALV22' },
    postDeliveryFee: { price: '1.50', vatPercent: '21' },
    lateInterestPercentPerDay: '0.15',
    collections: { reminderDaysAfterDue: 5, suspensionDaysAfterReminder: 10, gridOrderOnSuspension: false },
  },
  terms: {
    version: '1.0',
    approvedOn: '2018-05-25',
    validFrom: '2018-05-25',
    text: { lv: TERMS_LV, en: TERMS_EN, ru: TERMS_RU },
  },
};
