# Gold key source for blind set 8, written from the article texts alone, article by article,
# before any system run. A sentence is an exact string or (start, end) anchors (text from `start`
# through the first `end` after it). tools/build_gold.py checks every one is an exact substring.
A = {}

def art(k, **kw):
    A[k] = kw

# ---------------- Venezuela 2024 election and sanctions ----------------
art("k01_es",
    actors=[
        ("United States", ["Estados Unidos", "EE.UU.", "Washington"]),
        ("Nicolás Maduro", ["Nicolás Maduro", "Maduro"]),
        ("US Treasury Department", ["Departamento del Tesoro de EE.UU.", "el Departamento del Tesoro estadounidense"]),
        ("Venezuela", ["Venezuela", "gobierno venezolano"]),
        ("Venezuelan opposition", ["la oposición venezolana"]),
        ("Aníbal Coronado", ["Aníbal Coronado"]),
        ("Freddy Ñáñez", ["Freddy Ñáñez"]),
        ("Julio García Zerpa", ["Julio García Zerpa"]),
        ("Alexis Rodríguez Cabello", ["Alexis Rodríguez Cabello"]),
        ("Diosdado Cabello", ["Diosdado Cabello"]),
        ("Javier Marcana Tabata", ["Javier Marcana Tabata"]),
        ("SEBIN", ["Servicio Bolivariano de Inteligencia Nacional (SEBIN)", "SEBIN"], "minor"),
        ("DGCIM", ["Dirección General de Contrainteligencia Militar (DGCIM)", "DGCIM"], "minor"),
        ("Bolivarian National Guard", ["Guardia Nacional Bolivariana"], "minor"),
        ("Bolivarian National Police", ["Policía Nacional Bolivariana"], "minor"),
    ],
    calendar=[
        ("2024-11-27", "relative ('este miércoles'), publication date Wed 27 Nov 2024", "US imposes sanctions on 21 senior Venezuelan officials over repression after the election",
         ("Washington, D.C. – Estados Unidos impuso", "proclamado como reelecto.")),
        ("2024-07-28", "explicit day ('del 28 de julio'), year from publication", "Venezuelan presidential election; Maduro proclaimed re-elected",
         ("Washington, D.C. – Estados Unidos impuso", "proclamado como reelecto.")),
    ],
    sanctions=[
        dict(label="US sanctions on 21 senior Venezuelan officials (ministers Coronado, Ñáñez, García Zerpa; SEBIN chief Rodríguez Cabello; DGCIM chief Marcana Tabata; Guard and police commanders): freeze of all their US assets and ban on financial transactions with them",
             kind="targeted sanctions (asset freeze, transaction ban)", status="imposed", proposer="United States (US Treasury Department)", target="21 senior officials of Maduro's government",
             src=[("Washington, D.C. – Estados Unidos impuso", "proclamado como reelecto."),
                  ("Entre los sancionados por el Departamento del Tesoro", "Julio García Zerpa."),
                  ("Además, se incluyen altos mandos", "posteriores a los comicios."),
                  ("Entre los sancionados se encuentra", "Guardia de Honor Presidencial."),
                  "Estas sanciones implican el bloqueo de todos los activos de los sancionados en EE.UU. y la prohibición de realizar transacciones financieras con ellos."]),
        dict(label="Earlier US Treasury sanctions on more than 150 Venezuelans and about a hundred entities linked to Maduro's government for anti-democratic actions",
             kind="targeted sanctions", status="imposed (cumulative, in force)", proposer="US Treasury Department", target="Venezuelans and entities linked to Maduro's government",
             src=[("Hasta la fecha, el Departamento del Tesoro estadounidense", "acciones antidemocráticas.")]),
    ],
    positions=[
        ("United States", "Accuses the 21 sanctioned officials of involvement in repressing the protests after the 28 July election, including violent repression of peaceful demonstrations",
         [("Washington, D.C. – Estados Unidos impuso", "proclamado como reelecto."),
          ("Además, se incluyen altos mandos", "posteriores a los comicios.")]),
        ("Venezuelan opposition", "Strongly questions Maduro's re-election",
         [("Esta decisión se produce en un contexto", "diversos sectores internacionales.")]),
    ],
    disagreements=[
        ("Legitimacy of Maduro's re-election in the 28 July 2024 election",
         ("Nicolás Maduro", ("Washington, D.C. – Estados Unidos impuso", "proclamado como reelecto.")),
         ("Venezuelan opposition", ("Esta decisión se produce en un contexto", "diversos sectores internacionales.")),
         "Maduro was proclaimed re-elected; the opposition strongly questions the re-election"),
    ])

art("k02_pt",
    actors=[
        ("Nicolás Maduro", ["Maduro"]),
        ("Venezuelan opposition", ["a oposição", "A oposição"]),
        ("United States", ["EUA", "Washington"]),
        ("Venezuela", ["Venezuela", "o governo do país"]),
        ("María Corina Machado", ["Maria Corina Machado"]),
        ("Edmundo González", ["Gonzalez"]),
        ("Supreme Tribunal of Justice", ["tribunal superior do país"], "minor"),
    ],
    calendar=[
        ("2024-04", "relative ('em abril'), publication 28 May 2024", "Washington restores sanctions on Venezuela's oil industry",
         ("Depois, em abril, Washington restaurou", "seja justo.")),
    ],
    background=[
        ("2023", "Maduro's government reaches an agreement with the opposition to hold the elections ('no ano passado'); the US temporarily eases oil sanctions",
         ("O governo de Maduro chegou a um acordo", "petróleo da Venezuela.")),
    ],
    sanctions=[
        dict(label="Temporary US easing of sanctions on Venezuela's oil sector after Maduro's agreement with the opposition on holding the elections",
             kind="sanctions relief", status="eased temporarily (2023), later reversed", proposer="United States", target="Venezuela's oil sector",
             src=[("O governo de Maduro chegou a um acordo", "petróleo da Venezuela.")]),
        dict(label="US restoration of sanctions on Venezuela's oil industry in April 2024",
             kind="sectoral sanctions (oil)", status="reimposed", proposer="United States", target="Venezuela's oil industry",
             src=[("Depois, em abril, Washington restaurou", "seja justo.")]),
        dict(label="Ban on María Corina Machado holding public office, confirmed by Venezuela's supreme court",
             kind="ban from public office (disqualification)", status="confirmed", proposer="Supreme Tribunal of Justice", target="María Corina Machado",
             src=[("A oposição criticou duramente", "como substituto.")]),
    ],
    positions=[
        ("United States", "Venezuela's government has not done enough for the electoral process to be fair (reason for restoring oil sanctions)",
         [("Depois, em abril, Washington restaurou", "seja justo.")]),
        ("Venezuelan opposition", "Harshly criticises the government's handling of the election, especially after Machado's ban was confirmed",
         [("A oposição criticou duramente", "como substituto.")]),
    ],
    disagreements=[])

# ---------------- Black Sea grain deal ----------------
art("k03_it",
    actors=[
        ("Russia", ["La Russia", "Mosca"]),
        ("Turkey", ["della Turchia"]),
        ("Recep Tayyip Erdoğan", ["il presidente Erdogan", "Erdogan"]),
    ],
    calendar=[
        ("2022-11-02", "relative ('oggi'), publication date 2 Nov 2022", "Russia announces it will rejoin the grain deal, after Turkish mediation",
         ("ODESSA – La Russia ha annunciato oggi", "flotta a Sebastopoli.")),
        ("2022-11-02", "relative ('da mercoledì'); 2 Nov 2022 was a Wednesday", "Erdoğan: the grain deal restarts on Wednesday",
         "\"L'accordo riparte da mercoledì\", ha detto il presidente Erdogan."),
    ],
    undated=[
        ("2022-10-29", "Russia unilaterally suspends the grain deal after attacks on its fleet at Sevastopol",
         ("ODESSA – La Russia ha annunciato oggi", "flotta a Sebastopoli.")),
    ],
    sanctions=[
        dict(label="Russia's unilateral suspension of its participation in the grain deal (Ukrainian grain exports) after attacks on its fleet at Sevastopol; reversed on 2 Nov 2022",
             kind="suspension of the grain deal", status="suspended, then lifted (Russia rejoins)", proposer="Russia", target="Black Sea grain deal / Ukrainian grain exports",
             src=[("ODESSA – La Russia ha annunciato oggi", "flotta a Sebastopoli."),
                  "La sospensione sull'export dei cereali era stata unilateralmente decisa da Mosca dopo gli attacchi alla sua flotta a Sebastopoli.",
                  "Mosca annuncia: \"Ci hanno dato garanzie\". Così riparte l'accordo sul grano ucraino"]),
    ],
    positions=[
        ("Russia", "Will rejoin the grain deal: it has been given guarantees",
         ["Mosca annuncia: \"Ci hanno dato garanzie\". Così riparte l'accordo sul grano ucraino",
          ("ODESSA – La Russia ha annunciato oggi", "flotta a Sebastopoli.")]),
        ("Recep Tayyip Erdoğan", "The grain deal restarts on Wednesday",
         ["\"L'accordo riparte da mercoledì\", ha detto il presidente Erdogan."]),
    ],
    disagreements=[])

art("k04_uk",
    actors=[
        ("Vladimir Putin", ["Володимир Путін", "Путіним", "Путін"]),
        ("Recep Tayyip Erdoğan", ["Реджепом Таїпом Ердоганом", "Ердоган", "Ердогана"]),
        ("Russia", ["РФ", "Росія", "Росії"]),
        ("Turkey", ["Туреччини", "Туреччині"]),
    ],
    calendar=[
        ("2023-09-04", "explicit ('у понеділок, 4 вересня')", "Erdoğan–Putin meeting in Sochi on the grain deal; Putin ready to consider restoring it if restrictions on Russian agricultural exports are lifted",
         ("Президент Туреччини прибув до Сочі", "який блокує Росія.")),
    ],
    undated=[
        ("2023-10", "Russia to start free grain deliveries to six African countries in a few weeks",
         "Путін говорить, мовляв, через декілька тижнів Росія почне постачання безкоштовного зерна шести африканським країнам."),
    ],
    sanctions=[
        dict(label="Restrictions on Russian agricultural exports, whose lifting Putin sets as the condition for restoring the grain deal",
             kind="export restrictions (sanctions)", status="in force; Russia demands their lifting", proposer="not named in the text (Western restrictions)", target="Russia's agricultural exports",
             src=[("Після зустрічі із президентом Туреччини", "російської агропродукції.")]),
        dict(label="Russia's blocking of the Black Sea grain corridor (its exit from the grain deal)",
             kind="blockade / withdrawal from the grain deal", status="in force", proposer="Russia", target="Ukrainian grain exports (grain corridor)",
             src=["Головною темою зустрічі мав стати зерновий коридор, який блокує Росія."]),
    ],
    positions=[
        ("Vladimir Putin", "Ready to consider restoring the grain deal if restrictions on Russian agricultural exports are lifted",
         [("Після зустрічі із президентом Туреччини", "російської агропродукції.")]),
        ("Vladimir Putin", "Russia is organising the supply of one million tonnes of grain at a preferential price for processing in Turkey and transport to the poorest countries",
         [("Так, диктатор сказав", "«найбідніших країн».")]),
        ("Vladimir Putin", "Russia will start free grain deliveries to six African countries in a few weeks",
         ["Путін говорить, мовляв, через декілька тижнів Росія почне постачання безкоштовного зерна шести африканським країнам."]),
        ("Recep Tayyip Erdoğan", "The Black Sea Grain Initiative should be extended, eliminating the existing shortcomings",
         [("Водночас Ердоган під час зустрічі", "агентство Анадолу.")]),
    ],
    disagreements=[
        ("Restoring the Black Sea grain deal",
         ("Recep Tayyip Erdoğan", ("Водночас Ердоган під час зустрічі", "агентство Анадолу.")),
         ("Vladimir Putin", ("Після зустрічі із президентом Туреччини", "російської агропродукції.")),
         "Erdoğan wants the initiative extended; Putin will only consider it if restrictions on Russian agricultural exports are lifted (no agreement reached)"),
    ])

# ---------------- Israel–Hamas ceasefire/hostage talks ----------------
art("k05_pl",
    actors=[
        ("Israel", ["Izrael", "izraelskie oddziały"]),
        ("Hamas", ["Hamas"]),
        ("Egypt", ["Egiptu"]),
        ("Qatar", ["Kataru"]),
        ("Head of Israeli intelligence", ["szef izraelskiego wywiadu"]),
        ("Prime Minister of Qatar", ["premierem Kataru"]),
    ],
    calendar=[
        ("2023-12-15", "relative ('w piątek') from publication Sun 17 Dec 2023", "Israel's intelligence chief talks with Qatar's prime minister, raising hopes of a halt to the fighting",
         ("Reuters podał też, że szef izraelskiego wywiadu", "wstrzymanie walk.")),
    ],
    undated=[
        ("2023-11-24", "First, week-long ceasefire and hostage exchange negotiated by Egypt and Qatar",
         ("Agencja dodała, że przedstawiciele Egiptu i Kataru", "jakichkolwiek negocjacji.")),
    ],
    sanctions=[
        dict(label="Restrictions on humanitarian aid into Gaza: the Kerem Shalom crossing (opened only after Egyptian and Qatari insistence) and aid delayed by inspections",
             kind="restriction of humanitarian access", status="crossing opened; aid still delayed by inspections", proposer="Israel (implied)", target="humanitarian aid to Gaza",
             src=[("Agencja dodała, że przedstawiciele Egiptu i Kataru", "jakichkolwiek negocjacji."),
                  "Gdy przejście otwarto, pomoc była opóźniana przez inspekcje."]),
    ],
    positions=[
        ("Israel", "Open to a renewed ceasefire and hostage release, but no agreement on details",
         [("Dwa zastrzegające sobie anonimowość źródła", "poinformowała w niedzielę agencja Reutera.")]),
        ("Hamas", "Open to a renewed ceasefire and hostage release, but no agreement on details",
         [("Dwa zastrzegające sobie anonimowość źródła", "poinformowała w niedzielę agencja Reutera.")]),
        ("Hamas", "Insists on setting the list of hostages to be released unilaterally and demands Israeli troops withdraw behind a predetermined line",
         [("Hamas nalega na jednostronne", "określoną linię.")]),
        ("Israel", "Ready to let Hamas set the list but wants to see it before fixing the timing and length of the ceasefire; refuses to withdraw troops behind a set line",
         [("Izrael gotów jest się zgodzić", "powołując się na anonimowe źródła.")]),
        ("Egypt", "Insisted on speeding up humanitarian aid and opening the Kerem Shalom crossing before any negotiations",
         [("Agencja dodała, że przedstawiciele Egiptu i Kataru", "jakichkolwiek negocjacji.")]),
        ("Qatar", "Insisted on speeding up humanitarian aid and opening the Kerem Shalom crossing before any negotiations",
         [("Agencja dodała, że przedstawiciele Egiptu i Kataru", "jakichkolwiek negocjacji.")]),
    ],
    disagreements=[
        ("Withdrawal of Israeli troops behind a predetermined line",
         ("Hamas", ("Hamas nalega na jednostronne", "określoną linię.")),
         ("Israel", ("Izrael gotów jest się zgodzić", "powołując się na anonimowe źródła.")),
         "Hamas demands the withdrawal; Israel refuses"),
        ("Hostage list and sequencing of the ceasefire terms",
         ("Hamas", ("Hamas nalega na jednostronne", "określoną linię.")),
         ("Israel", ("Izrael gotów jest się zgodzić", "powołując się na anonimowe źródła.")),
         "Hamas wants to set the list unilaterally; Israel wants to see it before fixing the ceasefire's timing and length"),
    ])

art("k06_ru",
    actors=[
        ("Qatar", ["Катар", "катарских посредников", "Катара"]),
        ("Israel", ["Израилем", "Израиль", "Израиля"]),
        ("Hamas", ["ХАМАС", "военное крыло ХАМАС", "силы ХАМАС"]),
        ("Egypt", ["Египтом"]),
        ("United States", ["США"]),
        ("Donald Trump", ["главе Белого дома"]),
        ("Israel Defense Forces", ["израильской армии"]),
    ],
    calendar=[
        ("2025-09-09", "explicit day ('9 сентября'), year from publication", "Israeli strike on Hamas leadership in Doha; Qatar suspends its mediation",
         ("Катар был одной из ключевых площадок", "руководству ХАМАС в Дохе.")),
        ("2025-09-20", "relative ('в минувшую субботу') from publication Mon 22 Sep 2025", "Hamas's military wing publishes photos of 47 hostages, telling Israelis to 'say goodbye' to them",
         ("В минувшую субботу военное крыло ХАМАС", "в Газе.")),
        ("2025-05", "relative ('в мае этого года')", "Israel launches a new large-scale offensive in Gaza, Operation Gideon's Chariots; Hamas then returns to ceasefire talks",
         ("В мае этого года Израиль начал", "о прекращении огня.")),
    ],
    undated=[
        ("2025-09", "Letter (held by Qatari mediators) to be delivered to the White House this week",
         "Как ожидается, оно будет доставлено главе Белого дома уже «на этой неделе»."),
        ("2023-10-07", "Hamas forces invade Israel and take hostages (almost two years earlier)",
         "Они находятся в плену почти два года — с тех пор как силы ХАМАС вторглись на территорию Израиля."),
    ],
    sanctions=[
        dict(label="Israeli strike on the Hamas leadership in Doha on 9 September (at least six killed, including the son of Hamas's Gaza chief and a Qatari security officer)",
             kind="military strike", status="carried out", proposer="Israel", target="Hamas leadership in Doha (Qatar)",
             src=[("Катар был одной из ключевых площадок", "руководству ХАМАС в Дохе."),
                  "В результате погибли не менее шести человек, включая сына главы ХАМАС в секторе Газа и сотрудника сил безопасности Катара."]),
        dict(label="Qatar's suspension of its mediation efforts between Israel and Hamas after the Doha strike",
             kind="suspension of mediation", status="suspended", proposer="Qatar", target="Israel–Hamas negotiations",
             src=[("Катар был одной из ключевых площадок", "руководству ХАМАС в Дохе.")]),
        dict(label="Israeli military offensive in Gaza (Operation Gideon's Chariots from May; the army's current operation in Gaza)",
             kind="military offensive", status="ongoing", proposer="Israel", target="Hamas / Gaza Strip",
             src=[("В мае этого года Израиль начал", "о прекращении огня."),
                  ("В минувшую субботу военное крыло ХАМАС", "в Газе.")]),
    ],
    positions=[
        ("Hamas", "Its military wing publishes photos of 47 hostages and tells Israelis to 'say goodbye' to them because of the Israeli army's operation in Gaza",
         [("В минувшую субботу военное крыло ХАМАС", "в Газе.")]),
        ("Hamas", "Decided to return to ceasefire negotiations after Israel's May offensive",
         [("В мае этого года Израиль начал", "о прекращении огня.")]),
        ("Qatar", "Suspends its mediation between Israel and Hamas after Israel's strike on Hamas leaders in Doha",
         [("Катар был одной из ключевых площадок", "руководству ХАМАС в Дохе.")]),
    ],
    disagreements=[])
