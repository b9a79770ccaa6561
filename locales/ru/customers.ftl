## Клиенты (PRODUCT.md §3.1) — русский

field-name = Полное наименование
field-contact-name = Контактное лицо
field-contact-position = Должность контактного лица
field-legal-address = Юридический адрес
field-contact-address = Контактный адрес
field-channel = Канал для коммерческих предложений
field-channel-address = Адрес в этом канале
field-founded = Дата основания компании
field-first-contract = Первый договор
field-contact-birthday = День рождения контактного лица
field-contract-title = Договор
field-contract-start = Начало договора
field-contract-end = Окончание договора
hint-founded = В виде ГГГГ-ММ-ДД, например 1998-04-01
hint-first-contract = В виде ГГГГ-ММ-ДД, например 2024-10-01
hint-contact-birthday = В виде ГГГГ-ММ-ДД, например 1980-07-15
hint-contract-start = В виде ГГГГ-ММ-ДД, например 2026-01-01
hint-contract-end = В виде ГГГГ-ММ-ДД, например 2027-12-31
hint-customer = Наберите несколько букв наименования, контакта или адреса либо номер, например C-7.
channel-email = Электронная почта
channel-phone = Телефон
channel-post = Почта
channel-messenger = Мессенджер
channel-visit = Визит
form-customer-new-title = Новый клиент
form-customer-edit-title = Правка { $ref }
form-customer-contract-title = Новый договор
form-typeahead = Наберите несколько букв, чтобы увидеть совпадения.

customer-heading = { $ref }: { $name }
customer-contracts = { $count ->
    [0] Договоров нет
    [one] Договоры ({ $count }):
    [few] Договоры ({ $count }):
    [many] Договоры ({ $count }):
   *[other] Договоры ({ $count }):
}
customer-contract-line = { $title }: { $start } – { $end }
customer-deals = { $count ->
    [0] Сделок нет
   *[other] Сделки ({ $count }):
}
customer-deal-line = { $ref } · { $title } · { $status }
customer-search-found = { $count ->
    [0] Нет клиентов по запросу «{ $query }»
    [one] { $count } клиент по запросу «{ $query }»
    [few] { $count } клиента по запросу «{ $query }»
    [many] { $count } клиентов по запросу «{ $query }»
   *[other] { $count } клиента по запросу «{ $query }»
}
customer-created-reply = Сохранено: { $ref }, { $name }.
customer-edited-reply = Обновлено: { $ref }, { $name }.
contract-added-reply = Договор «{ $title }» добавлен клиенту { $ref }, { $name }.
customer-usage = Команды для клиентов:
help-customer = /customer new · /customer show C-7|наименование · /customer edit C-7 · /customer search текст · /customer contract C-7 (в Slack: /deal customer …)

error-customer-unknown = Клиента { $ref } среди доступных вам нет.
error-customer-exists = В вашей команде уже есть клиент «{ $name }».
error-customer-owner-unknown = «{ $owner }» не состоит в команде этого клиента.
error-cannot-keep-customers = Изменять клиентов могут только продавцы, руководители и администраторы.
error-contract-ends-before = Договор не может закончиться ({ $end }) раньше, чем начнётся ({ $start }).
error-contract-exists = У этого клиента уже есть договор «{ $title }».
error-import-choice = «{ $value }» нет среди вариантов: { $choices }.
error-import-owner = «{ $owner }» — не логин участника этой команды.
error-import-contract-ends = договор заканчивается ({ $end }) раньше, чем начинается ({ $start }).
error-import-contract-title = для дат договора нужен contract_title.
error-import-repeated = то же наименование снова в строке { $later } с другим значением { $column }; импортирована строка { $later }.
error-import-broken = строка — не корректный CSV ({ $reason }).
error-import-cells = в строке { $count } ячеек, а в заголовке { $expected }.
