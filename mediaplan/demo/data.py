"""Demo agencies, plan and items of the 2025 media plan against violent extremism."""

from datetime import date
from decimal import Decimal

AGENCIES: list[dict] = [
    {
        "code": "mkism",
        "kind": "state_body",
        "name_ky": (
            "Кыргыз Республикасынын Маданият, маалымат, спорт жана жаштар саясаты министрлиги"
        ),
        "name_ru": (
            "Министерство культуры, информации, спорта и молодежной политики Кыргызской Республики"
        ),
        "name_en": (
            "Ministry of Culture, Information, Sport and Youth Policy of the Kyrgyz Republic"
        ),
        "abbreviation_ky": "ММСЖСМ",
        "abbreviation_ru": "МКИСМП",
        "abbreviation_en": "MCISYP",
    },
    {
        "code": "mvd",
        "kind": "security",
        "name_ky": "Кыргыз Республикасынын Ички иштер министрлиги",
        "name_ru": "Министерство внутренних дел Кыргызской Республики",
        "name_en": "Ministry of Internal Affairs of the Kyrgyz Republic",
        "abbreviation_ky": "ИИМ",
        "abbreviation_ru": "МВД",
        "abbreviation_en": "MIA",
    },
    {
        "code": "gknb",
        "kind": "security",
        "name_ky": "Кыргыз Республикасынын Улуттук коопсуздук мамлекеттик комитети",
        "name_ru": "Государственный комитет национальной безопасности Кыргызской Республики",
        "name_en": "State Committee for National Security of the Kyrgyz Republic",
        "abbreviation_ky": "УКМК",
        "abbreviation_ru": "ГКНБ",
        "abbreviation_en": "SCNS",
    },
    {
        # Reports on the Programme go here (section 5.4), so it is kept apart from the SCNS.
        "code": "atc",
        "kind": "security",
        "name_ky": (
            "Кыргыз Республикасынын Улуттук коопсуздук мамлекеттик комитетинин "
            "Антитеррордук борбору"
        ),
        "name_ru": (
            "Антитеррористический центр Государственного комитета национальной безопасности "
            "Кыргызской Республики"
        ),
        "name_en": (
            "Anti-Terrorism Centre of the State Committee for National Security "
            "of the Kyrgyz Republic"
        ),
        "abbreviation_ky": "УКМКнын АТБ",
        "abbreviation_ru": "АТЦ ГКНБ",
        "abbreviation_en": "ATC SCNS",
    },
    {
        "code": "mon",
        "kind": "state_body",
        "name_ky": "Кыргыз Республикасынын Билим берүү жана илим министрлиги",
        "name_ru": "Министерство образования и науки Кыргызской Республики",
        "name_en": "Ministry of Education and Science of the Kyrgyz Republic",
        "abbreviation_ky": "ББИМ",
        "abbreviation_ru": "МОН",
        "abbreviation_en": "MoES",
    },
    {
        "code": "gkdr",
        "kind": "state_body",
        "name_ky": "Кыргыз Республикасынын Дин иштери боюнча мамлекеттик комиссиясы",
        "name_ru": "Государственная комиссия по делам религий Кыргызской Республики",
        "name_en": "State Commission for Religious Affairs of the Kyrgyz Republic",
        "abbreviation_ky": "ДИБМК",
        "abbreviation_ru": "ГКДР",
        "abbreviation_en": "SCRA",
    },
    {
        # Migrants are a named target group (section 4.1); this ministry reaches them abroad.
        "code": "mtsz",
        "kind": "state_body",
        "name_ky": "Кыргыз Республикасынын Эмгек, социалдык камсыздоо жана миграция министрлиги",
        "name_ru": "Министерство труда, социального обеспечения и миграции Кыргызской Республики",
        "name_en": "Ministry of Labour, Social Security and Migration of the Kyrgyz Republic",
        "abbreviation_ky": "ЭСКММ",
        "abbreviation_ru": "МТСОМ",
        "abbreviation_en": "MLSSM",
    },
    {
        "code": "bishkek_city",
        "kind": "local_government",
        "name_ky": "Бишкек шаарынын мэриясы",
        "name_ru": "Мэрия города Бишкек",
        "name_en": "Bishkek City Hall",
        "abbreviation_ky": "Бишкек мэриясы",
        "abbreviation_ru": "Мэрия г. Бишкек",
        "abbreviation_en": "Bishkek City Hall",
    },
    {
        "code": "osh_city",
        "kind": "local_government",
        "name_ky": "Ош шаарынын мэриясы",
        "name_ru": "Мэрия города Ош",
        "name_en": "Osh City Hall",
        "abbreviation_ky": "Ош мэриясы",
        "abbreviation_ru": "Мэрия г. Ош",
        "abbreviation_en": "Osh City Hall",
    },
    {
        "code": "mpi",
        "kind": "ngo",
        "name_ky": "«Медиа полиси институту» коомдук фонду",
        "name_ru": "Общественный фонд «Институт медиа полиси»",
        "name_en": "Public Foundation “Media Policy Institute”",
        "abbreviation_ky": "МПИ",
        "abbreviation_ru": "ИМП",
        "abbreviation_en": "MPI",
    },
    {
        # The Muftiate is a religious organisation, not a state body; "ngo" is the nearest kind.
        "code": "dumk",
        "kind": "ngo",
        "name_ky": "Кыргызстан мусулмандарынын дин башкармалыгы",
        "name_ru": "Духовное управление мусульман Кыргызстана",
        "name_en": "Spiritual Administration of Muslims of Kyrgyzstan",
        "abbreviation_ky": "КМДБ",
        "abbreviation_ru": "ДУМК",
        "abbreviation_en": "SAMK",
    },
    {
        "code": "osce",
        "kind": "international",
        "name_ky": "ЕККУнун Бишкектеги программалык кеңсеси",
        "name_ru": "Программный офис ОБСЕ в Бишкеке",
        "name_en": "OSCE Programme Office in Bishkek",
        "abbreviation_ky": "ЕККУ",
        "abbreviation_ru": "ОБСЕ",
        "abbreviation_en": "OSCE POiB",
    },
    {
        "code": "ktrk",
        "kind": "media",
        "name_ky": "Кыргыз Республикасынын Коомдук телерадиоберүү корпорациясы",
        "name_ru": "Общественная телерадиовещательная корпорация Кыргызской Республики",
        "name_en": "Public Broadcasting Corporation of the Kyrgyz Republic",
        "abbreviation_ky": "КТРК",
        "abbreviation_ru": "КТРК",
        "abbreviation_en": "KTRK",
    },
    {
        "code": "kabar",
        "kind": "media",
        "name_ky": "«Кабар» Кыргыз улуттук маалымат агенттиги",
        "name_ru": "Кыргызское национальное информационное агентство «Кабар»",
        "name_en": "Kabar National News Agency of Kyrgyzstan",
        "abbreviation_ky": "Кабар",
        "abbreviation_ru": "Кабар",
        "abbreviation_en": "Kabar",
    },
]

PLAN: dict = {
    "code": "MP-2025",
    "year": 2025,
    "title_ky": "Экстремизмдин жана терроризмдин алдын алуу боюнча 2025-жылга медиа-план",
    "title_ru": "Медиаплан по профилактике экстремизма и терроризма на 2025 год",
    "title_en": "Media plan on preventing extremism and terrorism for 2025",
    "starts_on": date(2025, 1, 1),
    "ends_on": date(2025, 12, 31),
}

# Items with an empty title in one language mirror a plan that was not fully translated;
# keywords stay filled in every language because partner releases arrive in all three.
ITEMS: list[dict] = [
    # Direction 1 of section 4.4: information policy run as a media plan of many formats.
    {
        "number": "1.1",
        "direction": "media_plan",
        "format": "publication",
        "title_ky": "Экстремисттик топторго жалдоонун кесепеттери тууралуу макалалар сериясы",
        "title_ru": "Серия публикаций о последствиях вербовки в экстремистские группы",
        "title_en": "Article series on the consequences of recruitment into extremist groups",
        "description_ky": (
            "«Кабар» агенттиги жалдоонун ыкмалары жана анын үй-бүлөлөр үчүн кесепеттери "
            "тууралуу эксперттердин түшүндүрмөлөрү менен макалаларды жарыялайт. Материалдарда "
            "кылмышка тартылган адамдар «баатыр» катары көрсөтүлбөйт."
        ),
        "description_ru": (
            "Агентство «Кабар» публикует материалы с комментариями экспертов о методах вербовки "
            "и её последствиях для семей. Причастные к преступлениям лица не представляются "
            "«героями»."
        ),
        "description_en": (
            "Kabar publishes articles with expert commentary on recruitment methods and their "
            "consequences for families. People involved in crimes are never portrayed as heroes."
        ),
        "lead": "kabar",
        "co_executors": ["mkism", "atc"],
        "target_groups": ["youth", "general_public"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 2, 3),
        "ends_on": date(2025, 6, 30),
        "indicators": [
            ("Опубликовано материалов", 12, "материалов"),
            ("Просмотры на сайте агентства", 60000, "просмотров"),
        ],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "жалдоо, экстремисттик топтор, кесепеттер, Кабар, макалалар сериясы",
        "keywords_ru": "вербовка, экстремистские группы, последствия, Кабар, серия публикаций",
        "keywords_en": "recruitment, extremist groups, consequences, Kabar, article series",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.2",
        "direction": "media_plan",
        "format": "broadcast",
        "title_ky": (
            "КТРКда экстремизмдин жана терроризмдин алдын алуу боюнча «Коопсуз коом» "
            "телеберүүлөр цикли"
        ),
        "title_ru": (
            "Цикл телепрограмм «Коопсуз коом» на КТРК о профилактике экстремизма и терроризма"
        ),
        "title_en": "“Koopsuz Koom” (Safe Society) TV series on KTRK on preventing extremism",
        "description_ky": (
            "Ай сайын чыгуучу берүүдө ИИМдин, УКМКнын кызматкерлери жана эксперттер "
            "экстремисттик жана террористтик коркунучтарды түшүндүрүп, көрүүчүлөрдүн "
            "суроолоруна жооп беришет."
        ),
        "description_ru": (
            "В ежемесячной программе сотрудники МВД, ГКНБ и эксперты разъясняют экстремистские "
            "и террористические угрозы и отвечают на вопросы зрителей."
        ),
        "description_en": (
            "In a monthly programme, officers of the MIA and the SCNS and independent experts "
            "explain extremist and terrorist threats and answer viewers' questions."
        ),
        "lead": "ktrk",
        "co_executors": ["mkism", "mvd", "gknb"],
        "target_groups": ["general_public", "youth"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 3, 1),
        "ends_on": date(2025, 11, 30),
        "indicators": [
            ("Выпущено телепрограмм", 9, "выпусков"),
            ("Охват телеаудитории", 400000, "зрителей"),
        ],
        "budget": Decimal("480000.00"),
        "funding_source": "republican_budget",
        "keywords_ky": "КТРК, телеберүү, Коопсуз коом, экстремизм, терроризм",
        "keywords_ru": "КТРК, телепрограмма, Коопсуз коом, экстремизм, терроризм",
        "keywords_en": "KTRK, TV programme, Safe Society, extremism, terrorism",
        "status": "in_progress",
        "status_reason": "",
    },
    {
        "number": "1.3",
        "direction": "media_plan",
        "format": "broadcast",
        "title_ky": (
            "Эмгек мигранттары үчүн «Кыргыз радиосунда» жалдоо тобокелдиктери тууралуу "
            "радиоберүүлөр"
        ),
        "title_ru": "Радиопередачи на «Кыргыз радиосу» о рисках вербовки для трудовых мигрантов",
        "title_en": "Kyrgyz Radio programmes for labour migrants on recruitment risks",
        "description_ky": (
            "Берүүлөрдө чет өлкөдө иштеген жарандарга социалдык тармактар аркылуу жалдоонун "
            "белгилерин кантип таануу жана кайда кайрылуу керектиги айтылат."
        ),
        "description_ru": (
            "Передачи рассказывают гражданам, работающим за рубежом, как распознать вербовку "
            "через социальные сети и куда обращаться за помощью."
        ),
        "description_en": (
            "The programmes explain how citizens working abroad can recognise recruitment "
            "through social media and where to turn for help."
        ),
        "lead": "ktrk",
        "co_executors": ["mtsz", "mvd"],
        "target_groups": ["migrants"],
        "regions": ["nationwide", "osh", "jalal_abad"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 4, 1),
        "ends_on": date(2025, 9, 30),
        "indicators": [("Выпущено радиопередач", 12, "выпусков")],
        "budget": Decimal("95000.00"),
        "funding_source": "other",
        "keywords_ky": "мигранттар, радио, Кыргыз радиосу, жалдоо, тобокелдиктер",
        "keywords_ru": "мигранты, радиопередача, Кыргыз радиосу, вербовка, риски",
        "keywords_en": "migrants, radio programme, Kyrgyz Radio, recruitment, risks",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.4",
        "direction": "media_plan",
        "format": "video_infographic",
        "title_ky": "«Тармактагы жалдоочуну кантип таануу керек» видеоинфографикасы",
        "title_ru": "Видеоинфографика «Как распознать вербовщика в сети»",
        "title_en": "Video infographics “How to spot a recruiter online”",
        "description_ky": (
            "Социалдык тармактарда жайылтуу үчүн экстремисттик үгүттүн жана онлайн жалдоонун "
            "белгилерин көрсөткөн кыска видеороликтер даярдалат."
        ),
        "description_ru": (
            "Готовится серия коротких роликов для социальных сетей о признаках экстремистской "
            "пропаганды и онлайн-вербовки."
        ),
        "description_en": (
            "A series of short clips for social media shows the signs of extremist propaganda "
            "and online recruitment."
        ),
        "lead": "mkism",
        "co_executors": ["atc"],
        "target_groups": ["youth", "general_public"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru", "uz"],
        "starts_on": None,
        "ends_on": date(2025, 6, 30),
        "indicators": [
            ("Подготовлено видеороликов", 6, "роликов"),
            ("Просмотры в социальных сетях", 200000, "просмотров"),
        ],
        "budget": Decimal("120000.00"),
        "funding_source": "republican_budget",
        "keywords_ky": "видеоинфографика, жалдоочу, онлайн жалдоо, социалдык тармактар",
        "keywords_ru": "видеоинфографика, вербовщик, онлайн-вербовка, социальные сети",
        "keywords_en": "video infographics, recruiter, online recruitment, social media",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.5",
        "direction": "media_plan",
        "format": "video_infographic",
        "title_ky": (
            "Деструктивдүү контенттин белгилери жана ал тууралуу кайда кабарлоо керектиги "
            "боюнча инфографика"
        ),
        "title_ru": "Инфографика о признаках деструктивного контента и о том, куда о нём сообщать",
        "title_en": "Infographics on the signs of destructive content and where to report it",
        "description_ky": (
            "ИИМ оор турмуштук кырдаалдагы адамдарга жана алардын жакындарына арналган, "
            "ишеним телефондору көрсөтүлгөн инфографикаларды жарыялайт."
        ),
        "description_ru": (
            "МВД публикует инфографику с телефонами доверия, адресованную людям в трудной "
            "жизненной ситуации и их близким."
        ),
        "description_en": (
            "The MIA publishes infographics with helpline numbers for people in difficult life "
            "situations and their relatives."
        ),
        "lead": "mvd",
        "co_executors": ["mkism"],
        "target_groups": ["vulnerable_people", "general_public"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru"],
        "starts_on": None,
        "ends_on": date(2025, 3, 31),
        "indicators": [("Подготовлено инфографик", 8, "инфографик")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "инфографика, деструктивдүү контент, ишеним телефону, ИИМ",
        "keywords_ru": "инфографика, деструктивный контент, телефон доверия, МВД",
        "keywords_en": "infographics, destructive content, helpline, Ministry of Internal Affairs",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.6",
        "direction": "media_plan",
        "format": "press_conference",
        "title_ky": (
            "ИИМдин 2025-жылдын биринчи жарым жылдыгындагы экстремизмдин алдын алуу "
            "жыйынтыктары боюнча маалымат жыйыны"
        ),
        "title_ru": (
            "Пресс-конференция МВД об итогах профилактики экстремизма за первое полугодие 2025 года"
        ),
        "title_en": (
            "MIA press conference on extremism prevention results for the first half of 2025"
        ),
        "description_ky": (
            "Ички иштер министрлигинин өкүлдөрү профилактикалык иштин жыйынтыктарын "
            "жарыялап, журналисттердин суроолоруна жооп беришет."
        ),
        "description_ru": (
            "Представители МВД представят итоги профилактической работы и ответят на вопросы "
            "журналистов."
        ),
        "description_en": (
            "MIA officials present the results of prevention work and answer journalists' "
            "questions."
        ),
        "lead": "mvd",
        "co_executors": [],
        "target_groups": ["journalists", "general_public"],
        "regions": ["bishkek"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 7, 15),
        "ends_on": date(2025, 7, 15),
        "indicators": [
            ("Аккредитовано журналистов", 20, "человек"),
            ("Вышло материалов по итогам", 15, "материалов"),
        ],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "ИИМ, маалымат жыйыны, жарым жылдык, экстремизмдин алдын алуу",
        "keywords_ru": "МВД, пресс-конференция, полугодие, профилактика экстремизма",
        "keywords_en": (
            "Ministry of Internal Affairs, press conference, first half of 2025, "
            "extremism prevention"
        ),
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.7",
        "direction": "media_plan",
        "format": "press_conference",
        "title_ky": (
            "УКМКнын мессенджерлер аркылуу жалдоо жана бөгөт коюлган коркунучтар боюнча брифинги"
        ),
        "title_ru": "Брифинг ГКНБ о вербовке через мессенджеры и предотвращённых угрозах",
        "title_en": "SCNS briefing on recruitment via messengers and prevented threats",
        "description_ky": (
            "УКМК жалдоочулардын мессенджерлерде колдонгон ыкмалары тууралуу маалымат берип, "
            "ата-энелерге жана жаштарга сунуштарды айтат."
        ),
        "description_ru": (
            "ГКНБ расскажет о приёмах, которые вербовщики используют в мессенджерах, и даст "
            "рекомендации родителям и молодёжи."
        ),
        "description_en": (
            "The SCNS describes the techniques recruiters use in messengers and gives advice "
            "to parents and young people."
        ),
        "lead": "gknb",
        "co_executors": ["atc"],
        "target_groups": ["general_public", "youth", "journalists"],
        "regions": ["bishkek"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 4, 24),
        "ends_on": date(2025, 4, 24),
        "indicators": [("Вышло материалов по итогам брифинга", 20, "материалов")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "УКМК, брифинг, мессенджерлер, жалдоо, Telegram",
        "keywords_ru": "ГКНБ, брифинг, мессенджеры, вербовка, Telegram",
        "keywords_en": "SCNS, briefing, messengers, recruitment, Telegram",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.8",
        "direction": "media_plan",
        "format": "press_conference",
        "title_ky": "2025-жылдагы медиа-пландын аткарылышынын жыйынтыгы боюнча маалымат жыйыны",
        "title_ru": "Итоговая пресс-конференция об исполнении медиаплана за 2025 год",
        "title_en": "Closing press conference on the implementation of the 2025 media plan",
        "description_ky": (
            "Министрлик жана УКМКнын Антитеррордук борбору медиа-пландын жыйынтыктарын жана "
            "2026-жылга милдеттерди жарыялашат."
        ),
        "description_ru": (
            "Министерство и АТЦ ГКНБ представят результаты медиаплана и задачи на 2026 год."
        ),
        "description_en": (
            "The Ministry and the ATC SCNS present the results of the media plan and the tasks "
            "for 2026."
        ),
        "lead": "mkism",
        "co_executors": ["atc", "mvd"],
        "target_groups": ["journalists", "general_public"],
        "regions": ["bishkek"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 12, 23),
        "ends_on": date(2025, 12, 23),
        "indicators": [("Аккредитовано журналистов", 25, "человек")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "медиа-план, жыйынтыктар, маалымат жыйыны, 2025-жыл",
        "keywords_ru": "медиаплан, итоги года, пресс-конференция, 2025",
        "keywords_en": "media plan, annual results, press conference, 2025",
        "status": "planned",
        "status_reason": "",
    },
    {
        "number": "1.9",
        "direction": "media_plan",
        "format": "roundtable",
        "title_ky": (
            "2023-2027-жылдарга экстремизмге жана терроризмге каршы аракеттенүү боюнча "
            "Программаны жана анын Иш-чаралар планын ишке ашыруу боюнча тегерек стол"
        ),
        "title_ru": (
            "Круглый стол по реализации Программы по противодействию экстремизму и терроризму "
            "на 2023-2027 годы и Плана мероприятий"
        ),
        "title_en": (
            "Roundtable on implementing the 2023-2027 Programme on countering extremism and "
            "terrorism and its Action Plan"
        ),
        "description_ky": (
            "УКМКнын Антитеррордук борбору ЕККУнун Бишкектеги программалык кеңсеси менен "
            "биргеликте ишке ашыруу механизмдерин, аткаруучулардын өз ара аракеттенүүсүн, "
            "мониторинг жана баалоо маселелерин талкуулайт."
        ),
        "description_ru": (
            "АТЦ ГКНБ совместно с Программным офисом ОБСЕ в Бишкеке обсуждает с госорганами "
            "механизмы реализации, взаимодействие исполнителей, мониторинг и оценку."
        ),
        "description_en": (
            "The ATC SCNS and the OSCE Programme Office in Bishkek discuss with state bodies the "
            "implementation mechanisms, co-operation among implementing agencies, and monitoring "
            "and evaluation."
        ),
        "lead": "atc",
        "co_executors": ["osce", "mkism"],
        "target_groups": ["civil_servants", "local_government"],
        "regions": ["bishkek"],
        "languages": ["ky", "ru", "en"],
        "starts_on": date(2025, 5, 20),
        "ends_on": date(2025, 5, 20),
        "indicators": [("Участников от государственных органов", 40, "человек")],
        "budget": Decimal("350000.00"),
        "funding_source": "donor",
        "keywords_ky": (
            "тегерек стол, Антитеррордук борбор, УКМК, ЕККУ, 2023-2027-жылдарга Программа, "
            "Иш-чаралар планы"
        ),
        "keywords_ru": (
            "круглый стол, Антитеррористический центр, АТЦ ГКНБ, ОБСЕ, Программа 2023-2027, "
            "План мероприятий"
        ),
        "keywords_en": (
            "roundtable, Anti-Terrorism Centre, ATC SCNS, OSCE Programme Office in Bishkek, "
            "Programme 2023-2027, Action Plan, countering extremism and terrorism"
        ),
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.10",
        "direction": "media_plan",
        "format": "roundtable",
        "title_ky": (
            "Ош облусунун дин ишмерлери менен радикалдык үгүткө каршы аракеттенүү боюнча "
            "тегерек стол"
        ),
        "title_ru": (
            "Круглый стол с религиозными деятелями Ошской области о противодействии "
            "радикальной пропаганде"
        ),
        "title_en": "",
        "description_ky": (
            "Имамдар жана дин ишмерлери социалдык тармактардагы радикалдык үгүткө жооп берүү "
            "жана жамааттарда түшүндүрүү иштерин жүргүзүү тажрыйбасы менен бөлүшөт."
        ),
        "description_ru": (
            "Имамы и религиозные деятели обмениваются опытом ответа на радикальную пропаганду "
            "в соцсетях и разъяснительной работы в общинах."
        ),
        "description_en": "",
        "lead": "gkdr",
        "co_executors": ["dumk", "osh_city"],
        "target_groups": ["religious_figures"],
        "regions": ["osh", "osh_city"],
        "languages": ["ky", "uz"],
        "starts_on": date(2025, 3, 13),
        "ends_on": date(2025, 3, 13),
        "indicators": [("Участников из числа религиозных деятелей", 35, "человек")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "дин ишмерлери, имамдар, тегерек стол, Ош, радикалдык үгүт",
        "keywords_ru": "религиозные деятели, имамы, круглый стол, Ош, радикальная пропаганда",
        "keywords_en": "religious leaders, imams, roundtable, Osh, radical propaganda",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.11",
        "direction": "media_plan",
        "format": "social_campaign",
        "title_ky": "Түштүк аймактардын жаштары үчүн «Мен тынчтыкты тандайм» социалдык кампаниясы",
        "title_ru": "Социальная кампания «Я выбираю мир» для молодёжи южных регионов",
        "title_en": "“I Choose Peace” social campaign for young people in the southern regions",
        "description_ky": (
            "Кампания мектептерде жана жогорку окуу жайларында квесттер, викториналар жана "
            "кыска видео сынактары сыяктуу интерактивдүү ыкмалар менен өткөрүлөт."
        ),
        "description_ru": (
            "Кампания проходит в школах и вузах в интерактивных форматах: квесты, викторины, "
            "конкурсы коротких видео."
        ),
        "description_en": (
            "The campaign runs in schools and universities with interactive formats: quests, "
            "quizzes and short-video contests."
        ),
        "lead": "mkism",
        "co_executors": ["mon", "atc"],
        "target_groups": ["youth"],
        "regions": ["batken", "jalal_abad", "osh"],
        "languages": ["ky", "uz", "ru"],
        "starts_on": date(2025, 4, 1),
        "ends_on": date(2025, 10, 31),
        "indicators": [
            ("Охвачено молодых людей", 15000, "человек"),
            ("Проведено интерактивных мероприятий", 30, "мероприятий"),
        ],
        "budget": Decimal("600000.00"),
        "funding_source": "republican_budget",
        "keywords_ky": (
            "Мен тынчтыкты тандайм, жаштар, социалдык кампания, Баткен, Жалал-Абад, Ош"
        ),
        "keywords_ru": "Я выбираю мир, молодёжь, социальная кампания, Баткен, Джалал-Абад, Ош",
        "keywords_en": "I Choose Peace, youth, social campaign, Batken, Jalal-Abad, Osh",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.12",
        "direction": "media_plan",
        "format": "social_campaign",
        "title_ky": "Эмгек мигранттары үчүн «Алданба» маалыматтык кампаниясы",
        "title_ru": "Информационная кампания «Не дай себя обмануть» для трудовых мигрантов",
        "title_en": "“Don't Be Deceived” information campaign for labour migrants",
        "description_ky": (
            "Мигранттар көп колдонгон мессенджерлерде жана чек ара өткөөлдөрүндө эскертүүчү "
            "материалдар жана ишеним телефондору таратылат."
        ),
        "description_ru": (
            "В популярных у мигрантов мессенджерах и в пунктах пропуска через границу "
            "распространяются предупредительные материалы и телефоны доверия."
        ),
        "description_en": (
            "Warning materials and helpline numbers are spread in messengers popular with "
            "migrants and at border crossing points."
        ),
        "lead": "mtsz",
        "co_executors": ["mkism", "mvd"],
        "target_groups": ["migrants", "vulnerable_people"],
        "regions": ["nationwide", "osh", "jalal_abad", "batken"],
        "languages": ["ky", "ru", "uz"],
        "starts_on": date(2025, 5, 1),
        "ends_on": date(2025, 12, 15),
        "indicators": [
            ("Охват в мессенджерах", 150000, "пользователей"),
            ("Распространено памяток", 20000, "экземпляров"),
        ],
        "budget": Decimal("250000.00"),
        "funding_source": "donor",
        "keywords_ky": (
            "эмгек мигранттары, маалыматтык кампания, жалдоо, мессенджерлер, ишеним телефону"
        ),
        "keywords_ru": (
            "трудовые мигранты, информационная кампания, вербовка, мессенджеры, телефон доверия"
        ),
        "keywords_en": "labour migrants, information campaign, recruitment, messengers, helpline",
        "status": "in_progress",
        "status_reason": "",
    },
    {
        "number": "1.13",
        "direction": "media_plan",
        "format": "counter_narrative",
        "title_ky": (
            "Альтернативдүү баян: радикалдык идеялардан баш тарткан адамдардын жашоосу "
            "тууралуу видеобаяндар"
        ),
        "title_ru": (
            "Альтернативный нарратив: видеоистории о жизни после отказа от радикальных идей"
        ),
        "title_en": "Alternative narrative: video stories of life after rejecting radical ideas",
        "description_ky": (
            "Видеобаяндар экстремисттик үгүттүн убадаларын чыныгы тагдырлар менен салыштырат; "
            "катышуучулардын жеке маалыматтары корголот."
        ),
        "description_ru": (
            "Видеоистории противопоставляют обещаниям экстремистской пропаганды реальные "
            "судьбы; личные данные участников защищены."
        ),
        "description_en": (
            "The videos contrast the promises of extremist propaganda with real life stories; "
            "participants' personal data is protected."
        ),
        "lead": "mkism",
        "co_executors": ["atc", "mpi"],
        "target_groups": ["youth", "vulnerable_people"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru", "uz"],
        "starts_on": None,
        "ends_on": date(2025, 9, 30),
        "indicators": [
            ("Подготовлено видеоисторий", 5, "видео"),
            ("Просмотры", 150000, "просмотров"),
        ],
        "budget": Decimal("180000.00"),
        "funding_source": "republican_budget",
        "keywords_ky": "альтернативдүү баян, видеобаян, радикалдык идеялар, реинтеграция",
        "keywords_ru": "альтернативный нарратив, контрнарратив, видеоистории, радикальные идеи",
        "keywords_en": "alternative narrative, counter-narrative, video stories, radical ideas",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.14",
        "direction": "media_plan",
        "format": "counter_narrative",
        "title_ky": "Дин аалымдарынын исламды бурмалап чечмелөөгө каршы түшүндүрмө материалдары",
        "title_ru": "Разъяснительные материалы богословов против искажённого толкования ислама",
        "title_en": (
            "Explanatory materials by theologians against distorted interpretations of Islam"
        ),
        "description_ky": (
            "Муфтияттын дин аалымдары экстремисттик топтордун диний тексттерди бурмалап "
            "колдонушун ашкерелеген кыска видеолорду жана макалаларды даярдашат."
        ),
        "description_ru": (
            "Богословы муфтията готовят короткие видео и статьи, разоблачающие искажение "
            "религиозных текстов экстремистскими группами."
        ),
        "description_en": (
            "Theologians of the Muftiate prepare short videos and articles exposing how "
            "extremist groups distort religious texts."
        ),
        "lead": "dumk",
        "co_executors": ["gkdr"],
        "target_groups": ["religious_figures", "general_public"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru", "uz"],
        "starts_on": None,
        "ends_on": date(2025, 9, 30),
        "indicators": [("Подготовлено материалов", 20, "материалов")],
        "budget": Decimal("70000.00"),
        "funding_source": "ngo",
        "keywords_ky": "дин аалымдары, муфтият, ислам, бурмалоо, түшүндүрүү",
        "keywords_ru": "богословы, муфтият, ислам, искажение, разъяснение",
        "keywords_en": "theologians, Muftiate, Islam, distortion, explanation",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.15",
        "direction": "media_plan",
        "format": "publication",
        "title_ky": (
            "Аялдар үчүн үй-бүлөнүн радикалдашуунун алдын алуудагы ролу тууралуу "
            "тематикалык материалдар"
        ),
        "title_ru": "Тематические материалы для женщин о роли семьи в профилактике радикализации",
        "title_en": "",
        "description_ky": (
            "Облустук жана райондук гезиттерде энелерге балдарындагы радикалдашуунун "
            "белгилерин байкоо жана жардам алуу жолдору тууралуу макалалар жарыяланат."
        ),
        "description_ru": (
            "В областных и районных газетах публикуются статьи для матерей о том, как заметить "
            "признаки радикализации у детей и где получить помощь."
        ),
        "description_en": "",
        "lead": "mkism",
        "co_executors": ["gkdr"],
        "target_groups": ["women"],
        "regions": ["talas", "naryn", "jalal_abad"],
        "languages": ["ky"],
        "starts_on": None,
        "ends_on": date(2025, 6, 30),
        "indicators": [("Опубликовано статей", 9, "статей")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "аялдар, энелер, үй-бүлө, радикалдашуу, гезиттер",
        "keywords_ru": "женщины, матери, семья, радикализация, районные газеты",
        "keywords_en": "women, mothers, family, radicalisation, regional newspapers",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.16",
        "direction": "media_plan",
        "format": "publication",
        "title_ky": (
            "Мектеп жана ЖОЖ басылмаларында медиасабаттуулук жана радикалдашуунун алдын алуу "
            "тууралуу материалдар"
        ),
        "title_ru": (
            "Материалы о медиаграмотности и профилактике радикализации в школьных и вузовских "
            "изданиях"
        ),
        "title_en": (
            "Media literacy and radicalisation prevention content in school and university "
            "publications"
        ),
        "description_ky": (
            "Билим берүү мекемелеринин сайттарында жана басылмаларында фейктерди жана "
            "экстремисттик контентти таанууну үйрөткөн материалдар жарыяланат."
        ),
        "description_ru": (
            "На сайтах и в изданиях учебных заведений публикуются материалы, которые учат "
            "распознавать фейки и экстремистский контент."
        ),
        "description_en": (
            "Schools and universities publish materials that teach students to recognise fakes "
            "and extremist content."
        ),
        "lead": "mon",
        "co_executors": ["mkism"],
        "target_groups": ["youth"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru"],
        "starts_on": None,
        "ends_on": date(2025, 12, 31),
        "indicators": [("Охвачено учебных заведений", 120, "учреждений")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "медиасабаттуулук, мектептер, ЖОЖдор, студенттер, фейктер",
        "keywords_ru": "медиаграмотность, школы, вузы, студенты, фейки",
        "keywords_en": "media literacy, schools, universities, students, fakes",
        "status": "in_progress",
        "status_reason": "",
    },
    {
        # Section 5.4: implementers report to the ATC every quarter.
        "number": "1.17",
        "direction": "media_plan",
        "format": "monitoring_report",
        "title_ky": (
            "Медиа-пландын аткарылышы тууралуу УКМКнын Антитеррордук борборуна III кварталдык отчет"
        ),
        "title_ru": "Квартальный отчёт в АТЦ ГКНБ об исполнении медиаплана за III квартал",
        "title_en": "Quarterly report to the ATC SCNS on media plan implementation, Q3",
        "description_ky": (
            "Аткаруучу органдардын маалыматтары жалпыланып, ар бир иш-чаранын индикаторлору "
            "жана ЖМКда чагылдырылышы тиркелет."
        ),
        "description_ru": (
            "Обобщаются данные исполнителей; к отчёту прилагаются сведения об индикаторах и "
            "освещении каждого мероприятия."
        ),
        "description_en": (
            "Data from implementing bodies is consolidated, with indicators and media coverage "
            "attached for every measure."
        ),
        "lead": "mkism",
        "co_executors": ["atc"],
        "target_groups": ["civil_servants"],
        "regions": ["nationwide"],
        "languages": ["ru", "ky"],
        "starts_on": None,
        "ends_on": date(2025, 10, 10),
        "indicators": [("Обобщено отчётов исполнителей", 14, "отчётов")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "кварталдык отчет, мониторинг, Антитеррордук борбор, медиа-план",
        "keywords_ru": "квартальный отчёт, мониторинг, АТЦ ГКНБ, медиаплан",
        "keywords_en": "quarterly report, monitoring, ATC SCNS, media plan",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.18",
        "direction": "media_plan",
        "format": "other",
        "title_ky": "«Тынчтык үчүн кадр» жаштардын кыска метраждуу тасмалар фестивалы",
        "title_ru": "Молодёжный фестиваль короткометражных фильмов «Кадр ради мира»",
        "title_en": "“Frame for Peace” youth short film festival",
        "description_ky": (
            "Бишкектин студенттери жана жаш режиссёрлору зомбулукка жана жалдоого каршы кыска "
            "тасмаларын көрсөтүшөт."
        ),
        "description_ru": (
            "Студенты и молодые режиссёры Бишкека представляют короткометражные фильмы против "
            "насилия и вербовки."
        ),
        "description_en": (
            "Students and young film-makers in Bishkek screen short films against violence and "
            "recruitment."
        ),
        "lead": "bishkek_city",
        "co_executors": ["mkism"],
        "target_groups": ["youth"],
        "regions": ["bishkek"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 6, 14),
        "ends_on": date(2025, 6, 15),
        "indicators": [("Представлено фильмов", 20, "фильмов")],
        "budget": Decimal("150000.00"),
        "funding_source": "local_budget",
        "keywords_ky": "кинофестиваль, кыска метраждуу тасмалар, жаштар, Бишкек",
        "keywords_ru": "кинофестиваль, короткометражные фильмы, молодёжь, Бишкек",
        "keywords_en": "film festival, short films, youth, Bishkek",
        "status": "cancelled",
        "status_reason": (
            "Отменено: средства местного бюджета перераспределены на кампанию "
            "«Безопасный интернет» в школах Бишкека."
        ),
    },
    {
        "number": "1.19",
        "direction": "media_plan",
        "format": "broadcast",
        "title_ky": "Түштүктүн аймактык телеканалдарында жаштардын «Пикир» теледебаттары",
        "title_ru": "Молодёжные теледебаты «Пикир» на региональных телеканалах юга",
        "title_en": "“Pikir” youth TV debates on southern regional channels",
        "description_ky": (
            "Ош шаарынын студенттери диний сабырдуулук жана интернеттеги үгүт темаларында "
            "кыргыз жана өзбек тилдеринде дебатка чыгышат."
        ),
        "description_ru": (
            "Студенты Оша дебатируют на кыргызском и узбекском языках о религиозной терпимости "
            "и пропаганде в интернете."
        ),
        "description_en": (
            "Students in Osh debate religious tolerance and online propaganda in Kyrgyz and Uzbek."
        ),
        "lead": "osh_city",
        "co_executors": ["ktrk", "mon"],
        "target_groups": ["youth"],
        "regions": ["osh_city", "osh", "jalal_abad"],
        "languages": ["ky", "uz"],
        "starts_on": date(2025, 9, 1),
        "ends_on": date(2025, 10, 31),
        "indicators": [("Выпущено телепрограмм", 8, "выпусков")],
        "budget": Decimal("110000.00"),
        "funding_source": "local_budget",
        "keywords_ky": "теледебаттар, Пикир, жаштар, Ош, сабырдуулук",
        "keywords_ru": "теледебаты, Пикир, молодёжь, Ош, толерантность",
        "keywords_en": "TV debates, Pikir, youth, Osh, tolerance",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.20",
        "direction": "media_plan",
        "format": "video_infographic",
        "title_ky": (
            "Балдар жана өспүрүмдөр үчүн интернеттеги коопсуздук тууралуу анимациялык роликтер"
        ),
        "title_ru": "Анимационные ролики для детей и подростков о безопасности в интернете",
        "title_en": "Animated clips for children and teenagers on staying safe online",
        "description_ky": (
            "Роликтер онлайн оюндарда жана чаттарда бейтааныш адамдар менен баарлашуунун "
            "коркунучтарын жөнөкөй тил менен түшүндүрөт."
        ),
        "description_ru": (
            "Ролики простым языком объясняют риски общения с незнакомцами в онлайн-играх и чатах."
        ),
        "description_en": (
            "The clips explain in plain language the risks of talking to strangers in online "
            "games and chats."
        ),
        "lead": "mon",
        "co_executors": ["mkism", "mvd"],
        "target_groups": ["youth"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 8, 1),
        "ends_on": date(2025, 11, 30),
        "indicators": [("Подготовлено роликов", 4, "роликов")],
        "budget": Decimal("140000.00"),
        "funding_source": "republican_budget",
        "keywords_ky": "анимация, балдар, өспүрүмдөр, интернеттеги коопсуздук",
        "keywords_ru": "анимация, дети, подростки, безопасность в интернете",
        "keywords_en": "animation, children, teenagers, online safety",
        "status": "in_progress",
        "status_reason": "",
    },
    {
        "number": "1.21",
        "direction": "media_plan",
        "format": "other",
        "title_ky": "Алыскы айылдарда «Маалымат кербени» көчмө түшүндүрүү жолугушуулары",
        "title_ru": "Выездные разъяснительные встречи «Информационный караван» в отдалённых сёлах",
        "title_en": "“Information Caravan” outreach meetings in remote villages",
        "description_ky": (
            "Жергиликтүү өз алдынча башкаруу органдары менен биргеликте жабык жамааттардын "
            "тургундарына мыйзамдар жана жалдоо коркунучтары түшүндүрүлөт."
        ),
        "description_ru": (
            "Совместно с ОМСУ жителям замкнутых сообществ разъясняются нормы законодательства "
            "и риски вербовки."
        ),
        "description_en": (
            "Together with local self-government bodies, residents of closed communities learn "
            "about the law and the risks of recruitment."
        ),
        "lead": "mkism",
        "co_executors": ["gkdr", "mvd"],
        "target_groups": ["closed_communities", "local_government"],
        "regions": ["batken", "naryn", "issyk_kul"],
        "languages": ["ky"],
        "starts_on": date(2025, 7, 1),
        "ends_on": date(2025, 8, 29),
        "indicators": [
            ("Проведено встреч", 24, "встреч"),
            ("Охвачено жителей", 2400, "человек"),
        ],
        "budget": Decimal("220000.00"),
        "funding_source": "republican_budget",
        "keywords_ky": "Маалымат кербени, айылдар, жабык жамааттар, ЖӨБО",
        "keywords_ru": "Информационный караван, сёла, замкнутые сообщества, ОМСУ",
        "keywords_en": "Information Caravan, villages, closed communities, local self-government",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "1.22",
        "direction": "media_plan",
        "format": "social_campaign",
        "title_ky": "Бишкектин мектептеринде «Коопсуз интернет» кампаниясы",
        "title_ru": "Кампания «Безопасный интернет» в школах Бишкека",
        "title_en": "“Safe Internet” campaign in Bishkek schools",
        "description_ky": (
            "Мэрия ИИМдин инспекторлору менен бирге окуучулар жана ата-энелер үчүн "
            "жолугушууларды өткөрүп, кеңеш берүүчү чат-ботту ишке киргизет."
        ),
        "description_ru": (
            "Мэрия вместе с инспекторами МВД проводит встречи с учениками и родителями и "
            "запускает чат-бот с советами."
        ),
        "description_en": (
            "The City Hall, with MIA inspectors, holds meetings with pupils and parents and "
            "launches an advice chatbot."
        ),
        "lead": "bishkek_city",
        "co_executors": ["mvd", "mon"],
        "target_groups": ["youth", "general_public"],
        "regions": ["bishkek"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 9, 1),
        "ends_on": date(2025, 12, 20),
        "indicators": [("Охвачено школ", 60, "школ")],
        "budget": Decimal("180000.00"),
        "funding_source": "local_budget",
        "keywords_ky": "Коопсуз интернет, мектептер, Бишкек, ата-энелер, окуучулар",
        "keywords_ru": "Безопасный интернет, школы, Бишкек, родители, ученики",
        "keywords_en": "Safe Internet, schools, Bishkek, parents, pupils",
        "status": "in_progress",
        "status_reason": "",
    },
    {
        "number": "1.23",
        "direction": "media_plan",
        "format": "publication",
        "title_ky": (
            "Ош шаарынын муниципалдык басылмаларында экстремизмдин алдын алуу боюнча материалдар"
        ),
        "title_ru": "Материалы о профилактике экстремизма в муниципальных изданиях города Ош",
        "title_en": "",
        "description_ky": (
            "Мэриянын гезитинде жана сайтында махаллалардын тургундарына арналган материалдар "
            "кыргыз, өзбек жана орус тилдеринде жарыяланат."
        ),
        "description_ru": (
            "В газете и на сайте мэрии публикуются материалы для жителей махаллей на "
            "кыргызском, узбекском и русском языках."
        ),
        "description_en": "",
        "lead": "osh_city",
        "co_executors": [],
        "target_groups": ["general_public", "closed_communities"],
        "regions": ["osh_city"],
        "languages": ["ky", "uz", "ru"],
        "starts_on": None,
        "ends_on": date(2025, 9, 30),
        "indicators": [("Опубликовано материалов", 18, "материалов")],
        "budget": Decimal("90000.00"),
        "funding_source": "local_budget",
        "keywords_ky": "Ош мэриясы, махаллалар, муниципалдык гезит, экстремизм",
        "keywords_ru": "мэрия Оша, махалли, муниципальная газета, экстремизм",
        "keywords_en": "Osh City Hall, mahallas, municipal newspaper, extremism",
        "status": "done",
        "status_reason": "",
    },
    # Direction 2 of section 4.4: media organisations of any ownership, experts, training,
    # social media, messengers and active users.
    {
        "number": "2.1",
        "direction": "media_relations",
        "format": "journalist_training",
        "title_ky": (
            "Журналисттер үчүн терроризмди «баатырлаштырбай» объективдүү чагылдыруу боюнча тренинг"
        ),
        "title_ru": "Тренинг для журналистов по объективному освещению терроризма без героизации",
        "title_en": (
            "Training for journalists on objective coverage of terrorism without glorification"
        ),
        "description_ky": (
            "Катышуучулар кол салуулар тууралуу кабарлоонун этикасын, булактарды текшерүүнү "
            "жана жабырлануучулардын укуктарын урматтоону үйрөнүшөт."
        ),
        "description_ru": (
            "Участники изучают этику репортажа о терактах, проверку источников и уважение прав "
            "пострадавших."
        ),
        "description_en": (
            "Participants learn the ethics of reporting on attacks, source verification and "
            "respect for victims' rights."
        ),
        "lead": "mpi",
        "co_executors": ["osce", "atc"],
        "target_groups": ["journalists"],
        "regions": ["bishkek", "chui"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 3, 18),
        "ends_on": date(2025, 3, 20),
        "indicators": [
            ("Обучено журналистов", 25, "человек"),
            ("Участников, улучшивших результат итогового теста", 80, "%"),
        ],
        "budget": Decimal("420000.00"),
        "funding_source": "donor",
        "keywords_ky": (
            "тренинг, журналисттер, объективдүү чагылдыруу, баатырлаштыруу, Медиа полиси институту"
        ),
        "keywords_ru": (
            "тренинг, журналисты, объективное освещение, героизация, Институт медиа полиси"
        ),
        "keywords_en": (
            "training, journalists, objective coverage, glorification, Media Policy Institute"
        ),
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.2",
        "direction": "media_relations",
        "format": "journalist_training",
        "title_ky": (
            "Түштүк аймактын журналисттери үчүн этностук жана диний негизде басмырлоого жол "
            "бербөө боюнча тренинг"
        ),
        "title_ru": (
            "Тренинг для журналистов юга о недопустимости дискриминации по этническому и "
            "религиозному признаку"
        ),
        "title_en": (
            "Training for journalists from the south on avoiding ethnic and religious "
            "discrimination in coverage"
        ),
        "description_ky": (
            "Оштогу тренингде кыргыз, өзбек жана орус тилдүү редакциялардын журналисттери "
            "жек көрүүчүлүк тилинен качууну жана так терминдерди колдонууну үйрөнүшөт."
        ),
        "description_ru": (
            "На тренинге в Оше журналисты кыргызо-, узбеко- и русскоязычных редакций учатся "
            "избегать языка вражды и использовать корректную терминологию."
        ),
        "description_en": (
            "At a training in Osh, journalists from Kyrgyz-, Uzbek- and Russian-language "
            "newsrooms practise avoiding hate speech and using accurate terminology."
        ),
        "lead": "mpi",
        "co_executors": ["osce"],
        "target_groups": ["journalists"],
        "regions": ["osh_city", "osh", "jalal_abad", "batken"],
        "languages": ["ky", "uz", "ru"],
        "starts_on": date(2025, 5, 27),
        "ends_on": date(2025, 5, 29),
        "indicators": [("Обучено журналистов", 24, "человек")],
        "budget": Decimal("390000.00"),
        "funding_source": "donor",
        "keywords_ky": "тренинг, журналисттер, басмырлоо, жек көрүүчүлүк тили, Ош",
        "keywords_ru": "тренинг, журналисты, дискриминация, язык вражды, Ош",
        "keywords_en": "training, journalists, discrimination, hate speech, Osh",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.3",
        "direction": "media_relations",
        "format": "journalist_training",
        "title_ky": "Блогерлер мектеби: альтернативдүү баяндарды илгерилетүү",
        "title_ru": "Школа блогеров: продвижение альтернативных нарративов",
        "title_en": "Bloggers' school: promoting alternative narratives",
        "description_ky": (
            "Коомдук пикирге таасири бар блогерлер экстремисттик үгүткө жооп берген контентти "
            "түзүүнү жана фактыларды текшерүүнү үйрөнүшөт."
        ),
        "description_ru": (
            "Влиятельные блогеры учатся создавать контент, отвечающий на экстремистскую "
            "пропаганду, и проверять факты."
        ),
        "description_en": (
            "Influential bloggers learn to create content that answers extremist propaganda "
            "and to check facts."
        ),
        "lead": "mkism",
        "co_executors": ["mpi", "atc"],
        "target_groups": ["bloggers", "youth"],
        "regions": ["bishkek", "chui"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 8, 12),
        "ends_on": date(2025, 8, 15),
        "indicators": [
            ("Обучено блогеров", 20, "человек"),
            ("Создано материалов выпускниками", 40, "материалов"),
        ],
        "budget": Decimal("200000.00"),
        "funding_source": "republican_budget",
        "keywords_ky": "блогерлер мектеби, альтернативдүү баян, контент, тренинг",
        "keywords_ru": "школа блогеров, альтернативный нарратив, контрнарратив, тренинг",
        "keywords_en": "bloggers' school, alternative narrative, counter-narrative, training",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.4",
        "direction": "media_relations",
        "format": "journalist_training",
        "title_ky": (
            "Мамлекеттик органдардын жана ЖӨБОнун басма сөз кызматтары үчүн кризистик "
            "коммуникация боюнча окутуу"
        ),
        "title_ru": "Обучение пресс-служб государственных органов и ОМСУ кризисной коммуникации",
        "title_en": (
            "Crisis communication training for press services of state bodies and local "
            "self-government"
        ),
        "description_ky": (
            "УКМКнын Антитеррордук борбору террордук коркунуч учурунда калкка маалымат берүүнүн "
            "тартибин жана ЖМК менен иштөөнү түшүндүрөт."
        ),
        "description_ru": (
            "АТЦ ГКНБ разъясняет порядок информирования населения при террористической угрозе "
            "и работу со СМИ."
        ),
        "description_en": (
            "The ATC SCNS explains how to inform the public during a terrorist threat and how "
            "to work with the media."
        ),
        "lead": "atc",
        "co_executors": ["mkism"],
        "target_groups": ["civil_servants", "local_government"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 10, 7),
        "ends_on": date(2025, 10, 9),
        "indicators": [("Обучено пресс-секретарей", 35, "человек")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "басма сөз кызматтары, кризистик коммуникация, ЖӨБО, Антитеррордук борбор",
        "keywords_ru": "пресс-службы, кризисная коммуникация, ОМСУ, АТЦ ГКНБ",
        "keywords_en": "press services, crisis communication, local self-government, ATC SCNS",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.5",
        "direction": "media_relations",
        "format": "journalist_training",
        "title_ky": (
            "Журналистика факультеттеринин студенттери үчүн «Экстремизм жана медиа» атайын курсу"
        ),
        "title_ru": "Спецкурс «Экстремизм и медиа» для студентов факультетов журналистики",
        "title_en": "“Extremism and the Media” special course for journalism students",
        "description_ky": (
            "Бишкек жана Ош шаарларындагы университеттерде болочок журналисттер үчүн "
            "тажрыйбалуу редакторлордун катышуусу менен курс өтөт."
        ),
        "description_ru": (
            "В университетах Бишкека и Оша проходит курс для будущих журналистов с участием "
            "опытных редакторов."
        ),
        "description_en": (
            "Universities in Bishkek and Osh run a course for future journalists with "
            "experienced editors as guest lecturers."
        ),
        "lead": "mon",
        "co_executors": ["mpi"],
        "target_groups": ["youth", "journalists"],
        "regions": ["bishkek", "osh_city"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 2, 3),
        "ends_on": date(2025, 5, 30),
        "indicators": [("Прошли курс студентов", 60, "человек")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "студенттер, журналистика, атайын курс, экстремизм жана медиа",
        "keywords_ru": "студенты, журналистика, спецкурс, экстремизм и медиа",
        "keywords_en": "students, journalism, special course, extremism and the media",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.6",
        "direction": "media_relations",
        "format": "roundtable",
        "title_ky": (
            "Менчигинин түрүнө карабастан ЖМКлардын башкы редакторлору менен өнөктөштүк "
            "боюнча тегерек стол"
        ),
        "title_ru": "Круглый стол с главными редакторами СМИ всех форм собственности о партнёрстве",
        "title_en": (
            "Roundtable with editors-in-chief of media outlets of all forms of ownership on "
            "partnership"
        ),
        "description_ky": (
            "Мамлекеттик жана жеке редакциялар медиа-планга катышуунун шарттарын жана "
            "коопсуздук органдарынан маалымат алуунун тартибин талкуулашат."
        ),
        "description_ru": (
            "Государственные и частные редакции обсуждают условия участия в медиаплане и "
            "порядок получения информации от силовых органов."
        ),
        "description_en": (
            "State and private newsrooms discuss how to take part in the media plan and how to "
            "obtain information from the security agencies."
        ),
        "lead": "mkism",
        "co_executors": ["gknb", "mvd"],
        "target_groups": ["journalists"],
        "regions": ["bishkek"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 2, 25),
        "ends_on": date(2025, 2, 25),
        "indicators": [("Участвовало редакций", 30, "редакций")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "башкы редакторлор, редакциялар, өнөктөштүк, тегерек стол",
        "keywords_ru": "главные редакторы, редакции, партнёрство, круглый стол",
        "keywords_en": "editors-in-chief, newsrooms, partnership, roundtable",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.7",
        "direction": "media_relations",
        "format": "roundtable",
        "title_ky": (
            "Медиа коомдоштуктун эксперттери үчүн террордук актыларды чагылдыруунун "
            "редакциялык стандарттары боюнча диалог аянтчасы"
        ),
        "title_ru": (
            "Диалоговая площадка экспертов медиасообщества о редакционных стандартах освещения "
            "терактов"
        ),
        "title_en": (
            "Dialogue platform for media experts on editorial standards for covering terrorist "
            "attacks"
        ),
        "description_ky": (
            "Эксперттер жана редакторлор кол салуу учурунда жана андан кийин маалымат берүүнүн "
            "үлгү стандарттарын иштеп чыгышат."
        ),
        "description_ru": (
            "Эксперты и редакторы разрабатывают модельные стандарты информирования во время и "
            "после теракта."
        ),
        "description_en": (
            "Experts and editors draft model standards for reporting during and after a "
            "terrorist attack."
        ),
        "lead": "osce",
        "co_executors": ["mpi", "mkism"],
        "target_groups": ["journalists", "bloggers"],
        "regions": ["bishkek"],
        "languages": ["ky", "ru", "en"],
        "starts_on": date(2025, 11, 20),
        "ends_on": date(2025, 11, 21),
        "indicators": [("Участников из медиасообщества", 30, "человек")],
        "budget": Decimal("300000.00"),
        "funding_source": "donor",
        "keywords_ky": "ЕККУ, медиа эксперттер, редакциялык стандарттар, диалог аянтчасы",
        "keywords_ru": "ОБСЕ, медиаэксперты, редакционные стандарты, диалоговая площадка",
        "keywords_en": "OSCE, media experts, editorial standards, dialogue platform",
        "status": "planned",
        "status_reason": "",
    },
    {
        "number": "2.8",
        "direction": "media_relations",
        "format": "other",
        "title_ky": (
            "Аймактык ЖМКлардын редакциялары менен кызматташуу жөнүндө меморандумдарга кол коюу"
        ),
        "title_ru": "Подписание меморандумов о сотрудничестве с редакциями региональных СМИ",
        "title_en": "Signing co-operation memoranda with regional newsrooms",
        "description_ky": (
            "Меморандумдар редакцияларга эксперттик комментарийлерди алууга мүмкүндүк берет "
            "жана медиа-пландын материалдарын жайылтуунун тартибин аныктайт."
        ),
        "description_ru": (
            "Меморандумы дают редакциям доступ к экспертным комментариям и определяют порядок "
            "распространения материалов медиаплана."
        ),
        "description_en": (
            "The memoranda give newsrooms access to expert commentary and set out how media "
            "plan materials are distributed."
        ),
        "lead": "mkism",
        "co_executors": [],
        "target_groups": ["journalists"],
        "regions": ["naryn", "talas", "issyk_kul"],
        "languages": ["ky", "ru"],
        "starts_on": None,
        "ends_on": date(2025, 6, 30),
        "indicators": [("Подписано меморандумов", 15, "меморандумов")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "меморандум, аймактык ЖМК, редакциялар, кызматташуу",
        "keywords_ru": "меморандум, региональные СМИ, редакции, сотрудничество",
        "keywords_en": "memorandum, regional media, newsrooms, co-operation",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.9",
        "direction": "media_relations",
        "format": "other",
        "title_ky": "",
        "title_ru": "Формирование пула экспертов медиасообщества по противодействию экстремизму",
        "title_en": "Building a pool of media experts on countering extremism",
        "description_ky": "",
        "description_ru": (
            "Составляется список экспертов, готовых комментировать темы экстремизма и "
            "терроризма для редакций любой формы собственности."
        ),
        "description_en": (
            "A list is compiled of experts ready to comment on extremism and terrorism for "
            "newsrooms of any form of ownership."
        ),
        "lead": "mkism",
        "co_executors": ["atc", "mpi"],
        "target_groups": ["journalists"],
        "regions": ["nationwide"],
        "languages": ["ru"],
        "starts_on": None,
        "ends_on": date(2025, 3, 31),
        "indicators": [("Включено экспертов в пул", 25, "человек")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "эксперттер, медиа коомдоштук, эксперттер пулу, комментарийлер",
        "keywords_ru": "эксперты, медиасообщество, пул экспертов, комментарии",
        "keywords_en": "experts, media community, expert pool, commentary",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.10",
        "direction": "media_relations",
        "format": "monitoring_report",
        "title_ky": (
            "Социалдык тармактарга жана мессенджерлерге мониторинг: экстремисттик контенттин "
            "жайылышы боюнча аналитикалык маалымкат"
        ),
        "title_ru": (
            "Мониторинг социальных сетей и мессенджеров: аналитическая справка о "
            "распространении экстремистского контента"
        ),
        "title_en": (
            "Social media and messenger monitoring: analytical note on the spread of extremist "
            "content"
        ),
        "description_ky": (
            "Маалымкатта жалдоонун жаңы ыкмалары, негизги аянтчалар жана альтернативдүү "
            "баяндар үчүн сунуштар камтылат."
        ),
        "description_ru": (
            "В справке отражаются новые приёмы вербовки, основные площадки и рекомендации для "
            "альтернативных нарративов."
        ),
        "description_en": (
            "The note covers new recruitment techniques, the main platforms, and "
            "recommendations for alternative narratives."
        ),
        "lead": "gknb",
        "co_executors": ["mkism", "atc"],
        "target_groups": ["general_public", "bloggers"],
        "regions": ["nationwide"],
        "languages": ["ru"],
        "starts_on": None,
        "ends_on": date(2025, 6, 30),
        "indicators": [("Подготовлено аналитических справок", 2, "справки")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "мониторинг, социалдык тармактар, мессенджерлер, экстремисттик контент",
        "keywords_ru": "мониторинг, социальные сети, мессенджеры, экстремистский контент",
        "keywords_en": "monitoring, social media, messengers, extremist content",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.11",
        "direction": "media_relations",
        "format": "monitoring_report",
        "title_ky": "",
        "title_ru": "Мониторинг соблюдения принципов объективного освещения экстремизма в СМИ",
        "title_en": (
            "Monitoring media compliance with principles of objective coverage of extremism"
        ),
        "description_ky": "",
        "description_ru": (
            "Институт медиа полиси анализирует публикации на предмет героизации, языка вражды "
            "и дискриминации по этническому или религиозному признаку."
        ),
        "description_en": (
            "The Media Policy Institute reviews publications for glorification, hate speech "
            "and ethnic or religious discrimination."
        ),
        "lead": "mpi",
        "co_executors": ["mkism"],
        "target_groups": ["journalists"],
        "regions": ["nationwide"],
        "languages": ["ru", "ky"],
        "starts_on": None,
        "ends_on": date(2025, 12, 31),
        "indicators": [("Проанализировано материалов", 500, "материалов")],
        "budget": Decimal("160000.00"),
        "funding_source": "ngo",
        "keywords_ky": "ЖМК мониторинги, баатырлаштыруу, жек көрүүчүлүк тили, басмырлоо",
        "keywords_ru": "мониторинг СМИ, героизация, язык вражды, дискриминация",
        "keywords_en": "media monitoring, glorification, hate speech, discrimination",
        "status": "in_progress",
        "status_reason": "",
    },
    {
        "number": "2.12",
        "direction": "media_relations",
        "format": "counter_narrative",
        "title_ky": (
            "Социалдык тармактардын активдүү колдонуучуларын альтернативдүү баяндарды "
            "жайылтууга тартуу"
        ),
        "title_ru": (
            "Привлечение активных пользователей социальных сетей к распространению "
            "альтернативных нарративов"
        ),
        "title_en": "Engaging active social media users in spreading alternative narratives",
        "description_ky": (
            "Министрлик активдүү колдонуучуларга даяр материалдардын топтомун берип, алардын "
            "постторунун камтуусун ай сайын эсепке алат."
        ),
        "description_ru": (
            "Министерство предоставляет активным пользователям пакеты готовых материалов и "
            "ежемесячно учитывает охват их публикаций."
        ),
        "description_en": (
            "The Ministry gives active users packs of ready-made material and tracks the reach "
            "of their posts every month."
        ),
        "lead": "mkism",
        "co_executors": ["mpi"],
        "target_groups": ["bloggers", "youth"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru", "uz"],
        "starts_on": date(2025, 4, 1),
        "ends_on": date(2025, 12, 31),
        "indicators": [
            ("Привлечено активных пользователей", 50, "человек"),
            ("Охват публикаций", 1000000, "просмотров"),
        ],
        "budget": None,
        "funding_source": None,
        "keywords_ky": (
            "активдүү колдонуучулар, альтернативдүү баян, социалдык тармактар, блогерлер"
        ),
        "keywords_ru": "активные пользователи, альтернативные нарративы, контрнарратив, соцсети",
        "keywords_en": "active users, alternative narratives, counter-narratives, social media",
        "status": "in_progress",
        "status_reason": "",
    },
    {
        "number": "2.13",
        "direction": "media_relations",
        "format": "counter_narrative",
        "title_ky": "Баткен облусунун жаш блогерлери үчүн альтернативдүү баяндар устаканасы",
        "title_ru": "Мастерская контрнарративов для молодых блогеров Баткенской области",
        "title_en": "Counter-narrative workshop for young bloggers in Batken Region",
        "description_ky": (
            "Жаш блогерлер жергиликтүү окуялардын негизинде жергиликтүү тилдерде альтернативдүү "
            "баяндарды түзүүнү үйрөнүшөт."
        ),
        "description_ru": (
            "Молодые блогеры учатся создавать альтернативные нарративы на местных языках на "
            "основе местных историй."
        ),
        "description_en": (
            "Young bloggers learn to build alternative narratives in local languages from local "
            "stories."
        ),
        "lead": "osce",
        "co_executors": ["mkism", "atc"],
        "target_groups": ["bloggers", "youth"],
        "regions": ["batken"],
        "languages": ["ky", "uz"],
        "starts_on": date(2025, 7, 8),
        "ends_on": date(2025, 7, 10),
        "indicators": [("Обучено молодых блогеров", 20, "человек")],
        "budget": Decimal("280000.00"),
        "funding_source": "donor",
        "keywords_ky": "Баткен, жаш блогерлер, альтернативдүү баян, устакана",
        "keywords_ru": "Баткен, молодые блогеры, контрнарратив, мастерская",
        "keywords_en": "Batken, young bloggers, counter-narrative, workshop",
        "status": "postponed",
        "status_reason": (
            "Перенесено на 2026 год по решению донора в связи с пересмотром графика проекта."
        ),
    },
    {
        "number": "2.14",
        "direction": "media_relations",
        "format": "press_conference",
        "title_ky": (
            "«Кабар» аянтчасында Дин иштери боюнча мамлекеттик комиссиянын деструктивдүү "
            "диний агымдар боюнча маалымат жыйыны"
        ),
        "title_ru": (
            "Пресс-конференция ГКДР на площадке «Кабар» о деструктивных религиозных течениях"
        ),
        "title_en": "SCRA press conference at Kabar on destructive religious movements",
        "description_ky": (
            "Комиссиянын адистери журналисттерге тыюу салынган уюмдардын тизмеси жана аларга "
            "тартылып калбоонун жолдору тууралуу маалымат беришет."
        ),
        "description_ru": (
            "Специалисты комиссии рассказывают журналистам о списке запрещённых организаций и "
            "о том, как не оказаться втянутым в их деятельность."
        ),
        "description_en": (
            "Commission specialists brief journalists on the list of banned organisations and "
            "how to avoid being drawn in."
        ),
        "lead": "kabar",
        "co_executors": ["gkdr"],
        "target_groups": ["journalists", "religious_figures"],
        "regions": ["bishkek"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 9, 16),
        "ends_on": date(2025, 9, 16),
        "indicators": [("Вышло материалов по итогам", 15, "материалов")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": (
            "Кабар, маалымат жыйыны, Дин иштери боюнча мамлекеттик комиссия, деструктивдүү агымдар"
        ),
        "keywords_ru": "Кабар, пресс-конференция, ГКДР, деструктивные течения",
        "keywords_en": (
            "Kabar, press conference, State Commission for Religious Affairs, destructive movements"
        ),
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.15",
        "direction": "media_relations",
        "format": "social_campaign",
        "title_ky": (
            "Белгилүү блогерлердин катышуусу менен «Бөлүшүүдөн мурун ойлон» социалдык кампаниясы"
        ),
        "title_ru": (
            "Социальная кампания «Подумай, прежде чем поделиться» с участием популярных блогеров"
        ),
        "title_en": "“Think Before You Share” social campaign with popular bloggers",
        "description_ky": (
            "Instagram жана TikTok тармактарында блогерлер текшерилбеген маалыматтарды жана "
            "үгүттү таратпоого чакырышат."
        ),
        "description_ru": (
            "В Instagram и TikTok блогеры призывают не распространять непроверенную информацию "
            "и пропаганду."
        ),
        "description_en": (
            "On Instagram and TikTok, bloggers urge followers not to share unverified "
            "information and propaganda."
        ),
        "lead": "mkism",
        "co_executors": ["mpi"],
        "target_groups": ["youth", "bloggers"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 10, 1),
        "ends_on": date(2025, 12, 31),
        "indicators": [
            ("Охват кампании", 800000, "просмотров"),
            ("Участвующих блогеров", 15, "человек"),
        ],
        "budget": Decimal("300000.00"),
        "funding_source": "republican_budget",
        "keywords_ky": "Бөлүшүүдөн мурун ойлон, блогерлер, Instagram, TikTok",
        "keywords_ru": "Подумай, прежде чем поделиться, блогеры, Instagram, TikTok",
        "keywords_en": "Think Before You Share, bloggers, Instagram, TikTok",
        "status": "in_progress",
        "status_reason": "",
    },
    {
        "number": "2.16",
        "direction": "media_relations",
        "format": "broadcast",
        "title_ky": "КТРКда медиа эксперттердин катышуусундагы «Ачык маек» ток-шоусу",
        "title_ru": "Ток-шоу «Ачык маек» на КТРК с участием экспертов медиасообщества",
        "title_en": "“Achyk Maek” talk show on KTRK with media experts",
        "description_ky": (
            "Эксперттер жана журналисттер экстремизм темасын чагылдыруудагы каталарды жана "
            "ийгиликтүү тажрыйбаларды талкуулашат."
        ),
        "description_ru": (
            "Эксперты и журналисты обсуждают ошибки и удачные практики освещения темы экстремизма."
        ),
        "description_en": (
            "Experts and journalists discuss mistakes and good practice in covering extremism."
        ),
        "lead": "ktrk",
        "co_executors": ["mpi", "mkism"],
        "target_groups": ["journalists", "general_public"],
        "regions": ["nationwide"],
        "languages": ["ky"],
        "starts_on": None,
        "ends_on": date(2025, 9, 30),
        "indicators": [("Выпущено программ", 4, "выпусков")],
        "budget": Decimal("60000.00"),
        "funding_source": "other",
        "keywords_ky": "КТРК, ток-шоу, Ачык маек, медиа эксперттер",
        "keywords_ru": "КТРК, ток-шоу, Ачык маек, медиаэксперты",
        "keywords_en": "KTRK, talk show, Achyk Maek, media experts",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.17",
        "direction": "media_relations",
        "format": "publication",
        "title_ky": (
            "Редакциялар үчүн экстремизм жана терроризм темаларын чагылдыруу боюнча "
            "методикалык сунуштар"
        ),
        "title_ru": (
            "Методические рекомендации для редакций по освещению тем экстремизма и терроризма"
        ),
        "title_en": "Guidelines for newsrooms on covering extremism and terrorism",
        "description_ky": (
            "Сунуштар так терминдердин глоссарийин, жабырлануучулар жөнүндө кабарлоонун "
            "эрежелерин жана «баатырлаштырууга» жол бербөө принциптерин камтыйт."
        ),
        "description_ru": (
            "Рекомендации включают глоссарий корректных терминов, правила сообщения о "
            "пострадавших и принципы недопущения героизации."
        ),
        "description_en": (
            "The guidelines include a glossary of accurate terms, rules for reporting on "
            "victims and principles against glorification."
        ),
        "lead": "mpi",
        "co_executors": ["mkism", "atc"],
        "target_groups": ["journalists", "bloggers"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru"],
        "starts_on": None,
        "ends_on": date(2025, 6, 30),
        "indicators": [("Распространено экземпляров", 500, "экземпляров")],
        "budget": Decimal("85000.00"),
        "funding_source": "ngo",
        "keywords_ky": "методикалык сунуштар, редакциялар, глоссарий, баатырлаштыруу",
        "keywords_ru": "методические рекомендации, редакции, глоссарий, героизация",
        "keywords_en": "guidelines, newsrooms, glossary, glorification",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.18",
        "direction": "media_relations",
        "format": "journalist_training",
        "title_ky": (
            "Нарын жана Ысык-Көл облустарынын ЖӨБО кызматкерлери үчүн жергиликтүү ЖМК менен "
            "иштөө боюнча семинар"
        ),
        "title_ru": (
            "Семинар для сотрудников ОМСУ Нарынской и Иссык-Кульской областей по работе с "
            "местными СМИ"
        ),
        "title_en": (
            "Seminar for local self-government staff of Naryn and Issyk-Kul regions on working "
            "with local media"
        ),
        "description_ky": (
            "Айыл өкмөттөрүнүн кызматкерлери алдын алуу маалыматтарын жергиликтүү ЖМК жана "
            "тургундардын чаттары аркылуу жеткирүүнү үйрөнүшөт."
        ),
        "description_ru": (
            "Сотрудники айыл окмоту учатся доносить профилактическую информацию через местные "
            "СМИ и чаты жителей."
        ),
        "description_en": (
            "Staff of village administrations learn to share prevention messages through local "
            "media and residents' chat groups."
        ),
        "lead": "mkism",
        "co_executors": ["atc"],
        "target_groups": ["local_government"],
        "regions": ["naryn", "issyk_kul"],
        "languages": ["ky"],
        "starts_on": date(2025, 9, 23),
        "ends_on": date(2025, 9, 25),
        "indicators": [("Обучено сотрудников ОМСУ", 40, "человек")],
        "budget": Decimal("130000.00"),
        "funding_source": "republican_budget",
        "keywords_ky": "ЖӨБО, айыл өкмөтү, семинар, Нарын, Ысык-Көл, жергиликтүү ЖМК",
        "keywords_ru": "ОМСУ, айыл окмоту, семинар, Нарын, Иссык-Куль, местные СМИ",
        "keywords_en": (
            "local self-government, village administrations, seminar, Naryn, Issyk-Kul, local media"
        ),
        "status": "postponed",
        "status_reason": (
            "Перенесено на I квартал 2026 года: учебная программа не согласована с АТЦ ГКНБ, "
            "тренеры не утверждены."
        ),
    },
    {
        "number": "2.19",
        "direction": "media_relations",
        "format": "other",
        "title_ky": (
            "Экстремизмдин алдын алуу темасындагы журналисттик иштердин республикалык сынагы"
        ),
        "title_ru": "Республиканский конкурс журналистских работ о профилактике экстремизма",
        "title_en": "National contest for journalism on preventing extremism",
        "description_ky": (
            "Сынакка ар кандай менчиктеги ЖМКлардын журналисттеринин жана блогерлердин "
            "объективдүү, басмырлоосуз даярдалган материалдары кабыл алынат."
        ),
        "description_ru": (
            "На конкурс принимаются объективные, свободные от дискриминации материалы "
            "журналистов СМИ любой формы собственности и блогеров."
        ),
        "description_en": (
            "The contest accepts objective, non-discriminatory work by journalists from outlets "
            "of any ownership and by bloggers."
        ),
        "lead": "mkism",
        "co_executors": ["osce", "mpi"],
        "target_groups": ["journalists", "bloggers"],
        "regions": ["nationwide"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 9, 1),
        "ends_on": date(2025, 12, 10),
        "indicators": [("Подано конкурсных работ", 60, "работ")],
        "budget": Decimal("250000.00"),
        "funding_source": "donor",
        "keywords_ky": "сынак, журналисттик иштер, блогерлер, сыйлык",
        "keywords_ru": "конкурс, журналистские работы, блогеры, награждение",
        "keywords_en": "contest, journalism award, bloggers, award ceremony",
        "status": "in_progress",
        "status_reason": "",
    },
    {
        "number": "2.20",
        "direction": "media_relations",
        "format": "press_conference",
        "title_ky": "Түштүктөгү кыргыз, өзбек жана орус тилдүү ЖМКлар үчүн ИИМдин онлайн брифинги",
        "title_ru": "Онлайн-брифинг МВД для кыргызо-, узбеко- и русскоязычных СМИ юга",
        "title_en": "",
        "description_ky": (
            "Ош жана Жалал-Абад облустарынын ички иштер башкармалыктары аймактагы "
            "профилактикалык иштер жана жалдоонун жаңы ыкмалары тууралуу маалымат беришет."
        ),
        "description_ru": (
            "УВД Ошской и Джалал-Абадской областей рассказывают о профилактической работе в "
            "регионе и новых приёмах вербовки."
        ),
        "description_en": "",
        "lead": "mvd",
        "co_executors": ["osh_city"],
        "target_groups": ["journalists"],
        "regions": ["osh_city", "jalal_abad", "osh"],
        "languages": ["ky", "uz", "ru"],
        "starts_on": date(2025, 8, 20),
        "ends_on": date(2025, 8, 20),
        "indicators": [("Подключилось редакций", 18, "редакций")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "ИИМ, онлайн брифинг, түштүк, өзбек тилдүү ЖМК, Жалал-Абад",
        "keywords_ru": "МВД, онлайн-брифинг, юг, узбекоязычные СМИ, Джалал-Абад",
        "keywords_en": (
            "Ministry of Internal Affairs, online briefing, south, Uzbek-language media, Jalal-Abad"
        ),
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.21",
        "direction": "media_relations",
        "format": "journalist_training",
        "title_ky": (
            "Дин ишмерлери үчүн социалдык тармактарда альтернативдүү баяндарды жайылтуу "
            "боюнча тренинг"
        ),
        "title_ru": (
            "Тренинг для религиозных деятелей по продвижению альтернативных нарративов в "
            "социальных сетях"
        ),
        "title_en": (
            "Training for religious leaders on promoting alternative narratives on social media"
        ),
        "description_ky": (
            "Имамдар жана медреселердин мугалимдери кыска видео жана посттор аркылуу жаштарга "
            "туура диний билим берүүнү үйрөнүшөт."
        ),
        "description_ru": (
            "Имамы и преподаватели медресе учатся доносить до молодёжи достоверные "
            "религиозные знания через короткие видео и посты."
        ),
        "description_en": (
            "Imams and madrasa teachers learn to reach young people with sound religious "
            "knowledge through short videos and posts."
        ),
        "lead": "gkdr",
        "co_executors": ["dumk", "osce"],
        "target_groups": ["religious_figures"],
        "regions": ["jalal_abad", "talas"],
        "languages": ["ky", "uz"],
        "starts_on": date(2025, 4, 15),
        "ends_on": date(2025, 4, 17),
        "indicators": [("Обучено религиозных деятелей", 30, "человек")],
        "budget": Decimal("210000.00"),
        "funding_source": "donor",
        "keywords_ky": "дин ишмерлери, имамдар, социалдык тармактар, тренинг, альтернативдүү баян",
        "keywords_ru": "религиозные деятели, имамы, социальные сети, тренинг",
        "keywords_en": "religious leaders, imams, social media, training",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.22",
        "direction": "media_relations",
        "format": "roundtable",
        "title_ky": (
            "«Аялдар жана медиа»: радикалдашуунун алдын алуудагы аялдардын ролу боюнча тегерек стол"
        ),
        "title_ru": "Круглый стол «Женщины и медиа» о роли женщин в профилактике радикализации",
        "title_en": "“Women and the Media” roundtable on women's role in preventing radicalisation",
        "description_ky": (
            "Аял журналисттер, блогерлер жана аялдар уюмдарынын активисттери аялдарга "
            "багытталган маалыматтык иштин форматтарын талкуулашат."
        ),
        "description_ru": (
            "Журналистки, блогеры и активистки женских организаций обсуждают форматы "
            "информационной работы с женщинами."
        ),
        "description_en": (
            "Women journalists, bloggers and activists of women's organisations discuss "
            "formats for outreach to women."
        ),
        "lead": "mkism",
        "co_executors": ["osce", "mtsz"],
        "target_groups": ["women", "bloggers"],
        "regions": ["chui", "jalal_abad"],
        "languages": ["ky", "ru"],
        "starts_on": date(2025, 3, 6),
        "ends_on": date(2025, 3, 6),
        "indicators": [("Участниц", 35, "человек")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "аялдар, медиа, тегерек стол, аял журналисттер",
        "keywords_ru": "женщины, медиа, круглый стол, журналистки",
        "keywords_en": "women, media, roundtable, women journalists",
        "status": "done",
        "status_reason": "",
    },
    {
        "number": "2.23",
        "direction": "media_relations",
        "format": "monitoring_report",
        "title_ky": (
            "ЖМК менен өз ара аракеттенүүнүн 2025-жылдагы жыйынтыктары боюнча УКМКнын "
            "Антитеррордук борборуна жылдык отчет"
        ),
        "title_ru": "Годовой отчёт в АТЦ ГКНБ о взаимодействии со СМИ за 2025 год",
        "title_en": "Annual report to the ATC SCNS on media relations in 2025",
        "description_ky": (
            "Отчетко тренингдердин, меморандумдардын жана мониторингдин жыйынтыктары, ошондой "
            "эле индикаторлордун аткарылышы кирет."
        ),
        "description_ru": (
            "В отчёт входят итоги тренингов, меморандумов, мониторинга и выполнение индикаторов."
        ),
        "description_en": (
            "The report covers trainings, memoranda, monitoring results and progress against "
            "indicators."
        ),
        "lead": "mkism",
        "co_executors": ["atc", "mpi"],
        "target_groups": ["civil_servants"],
        "regions": ["nationwide"],
        "languages": ["ru", "ky"],
        "starts_on": None,
        "ends_on": date(2025, 12, 31),
        "indicators": [("Представлено отчётов", 1, "отчёт")],
        "budget": None,
        "funding_source": None,
        "keywords_ky": "жылдык отчет, ЖМК менен өз ара аракеттенүү, Антитеррордук борбор",
        "keywords_ru": "годовой отчёт, взаимодействие со СМИ, АТЦ ГКНБ",
        "keywords_en": "annual report, media relations, ATC SCNS",
        "status": "planned",
        "status_reason": "",
    },
]

# A methodologist's review remarks on two items, in the languages reviewers write in.
REVIEW_COMMENTS = [
    (
        "Проверьте, чтобы в материалах не приводились цитаты вербовщиков без комментария "
        "эксперта и не назывались этнические группы."
    ),
    "Видеолордун сценарийин жарыялоодон мурун методикалык топко жөнөтүп коюңуздар.",
]
