## dealbot — русский. Сообщения и плейсхолдеры должны точно совпадать с английской версией (locales/en/dealbot.ftl).

language-name-in-sentence = русский
language-name = Русский

## Поля форм (PRODUCT.md §9)
field-customer = Клиент
field-title = Название сделки
field-industry = Отрасль
field-company-size = Размер компании
field-amount = Сумма
field-currency = Валюта
field-expected-close = Ожидаемая дата закрытия
field-source = Источник
field-notes = Заметки
field-deal = Сделка
field-activity = Активность
field-status = Статус
field-lost-reason = Причина проигрыша
field-advice = Совет
field-comment = Комментарий
field-owner = Ответственный
hint-amount = Положительное число, например 12000 или 12 000,50
hint-currency = Трёхбуквенный код, например USD, EUR или JPY
hint-expected-close = В формате YYYY-MM-DD, например 2026-12-31

## Формы
form-deal-new-title = Новая сделка
form-deal-update-title = Отчёт о ходе сделки
form-advice-title = Совет по сделке { $ref }
form-submit = Сохранить
form-cancelled = Отменено, ничего не сохранено.

## Варианты выбора
industry-manufacturing = Производство
industry-retail = Розничная торговля
industry-software = ИТ и программное обеспечение
industry-finance = Финансы и страхование
industry-healthcare = Здравоохранение
industry-construction = Строительство
industry-logistics = Логистика
industry-public = Государственный сектор
industry-education = Образование
industry-other = Другое
size-1-9 = 1–9 сотрудников
size-10-49 = 10–49 сотрудников
size-50-249 = 50–249 сотрудников
size-250-999 = 250–999 сотрудников
size-1000plus = 1000 сотрудников и более
activity-visit = Визит
activity-call = Звонок
activity-meeting = Встреча
activity-quote = Отправлено КП
activity-email = Письмо
activity-other = Другое
status-log-only = Только записать
status-negotiation = В переговорах
status-won = Выиграна
status-lost = Проиграна
deal-status-open = Открыта
deal-status-negotiation = В переговорах
deal-status-won = Выиграна
deal-status-lost = Проиграна

## Кнопки
button-give-advice = Дать совет
button-approve = Одобрить
button-reject = Отклонить
button-open-report = Открыть отчёт

## Ошибки
error-heading = Извините —
error-generic = Что-то пошло не так; ничего не изменено.
error-not-found = Не найдено.
error-not-allowed = У вас нет прав на это действие.
error-invalid = Недопустимое значение.
error-conflict = Это уже сделано.
error-required = Поле «{ $field }» обязательно для заполнения.
error-too-long = Поле «{ $field }» может содержать не более { $limit ->
    [one] { $limit } символа
    [few] { $limit } символов
    [many] { $limit } символов
   *[other] { $limit } символа
} (сейчас: { $length }).
error-choice = «{ $value }» — недопустимое значение для поля «{ $field }». Выберите одно из: { $choices }.
error-amount-not-number = «{ $value }» — не сумма. Введите число, например { $example }.
error-amount-not-positive = Сумма должна быть больше нуля.
error-amount-precision = Суммы в { $currency } могут содержать не более { $digits ->
    [one] { $digits } знака
    [few] { $digits } знаков
    [many] { $digits } знаков
   *[other] { $digits } знака
} после запятой.
error-currency-unknown = «{ $currency }» — не код валюты. Введите, например, USD, EUR или JPY.
error-date-format = «{ $value }» — не дата в формате YYYY-MM-DD (например, 2026-12-31).
error-date-invalid = Даты «{ $value }» не существует. Проверьте день и месяц.
error-not-on-team = Вы пока не состоите ни в одной команде. Попросите администратора добавить вас в dealbot.toml.
error-deal-unknown = Сделка { $ref } не найдена среди доступных вам.
error-ref-bare-number = Одно число «{ $value }» ничего не указывает: введите номер, например { $ref } или #{ $value }.
error-cannot-open-deals = Открывать сделки могут только менеджеры по продажам и руководители.
error-task-unknown = Этой задачи больше нет.
error-advice-not-yours = Дать совет по сделке { $ref } может только руководитель, которого об этом попросили.
error-advice-done = Совет по сделке { $ref } уже дан.
error-not-your-deal = Отчитываться по сделке { $ref } может только её ответственный.
error-deal-closed = Сделка { $ref } уже закрыта.
error-unknown-command = «{ $command }» — не команда. Введите /deal help, чтобы увидеть все команды.
error-lang-unknown = dealbot не говорит на языке «{ $value }». Выберите { $choices }.
error-filter = «{ $value }» — недопустимое значение для { $filter }. Выберите одно из: { $choices }.

## Ошибки конфигурации (для администратора)
config-route-audience = В «{ $route }» не указана аудитория; используйте одну из: { $allowed }.
config-route-placement = В «{ $route }» не указано место публикации; используйте одно из: { $allowed }.
config-route-mismatch = «{ $route }» не подходит: эта аудитория допускает только { $allowed }.
config-route-event = «{ $event }» — не событие; используйте одно из: { $allowed }.
config-route-list = Маршрутизация для { $event } должна быть списком строк, например "feed:post".
config-route-lost-feed = { $event } нельзя отправлять в ленту команды: о проигранных сделках сообщается только руководителю.

## Уведомления
note-deal_opened-feed = Новая сделка { $ref }: { $title }
note-deal_opened-leader = Нужен ваш совет по сделке { $ref }: { $title }
note-deal_opened = Новая сделка { $ref }: { $title }
note-advice_given = Совет по сделке { $ref } от { $actor }
note-progress_shared = Прогресс по сделке { $ref }: в переговорах ({ $actor })
note-progress_logged = Прогресс по сделке { $ref } ({ $actor })
note-deal_won-feed = Мы выиграли сделку! { $ref }: { $title }
note-deal_won = Сделка { $ref } выиграна ({ $owner }): { $title }
note-deal_lost = Сделка { $ref } проиграна: { $title }
advice-task-ask = Автор сделки — { $owner }. Ваш совет получит автор, и он появится в ветке сделки.

## Сделки
deal-heading = { $ref }: { $title }
deal-line = { $ref } · { $title } · { $customer } · { $amount } · { $owner } · { $status }
timeline-heading = Хронология:
timeline-opened = Сделка открыта ({ $actor })
timeline-advice = Совет от { $actor }
timeline-progress = Отчёт о ходе сделки ({ $actor })
timeline-won = Отмечена как выигранная ({ $actor })
timeline-lost = Отмечена как проигранная ({ $actor })
list-mine = { $count ->
    [0] У вас нет открытых сделок
    [one] У вас { $count } открытая сделка
    [few] У вас { $count } открытые сделки
    [many] У вас { $count } открытых сделок
   *[other] У вас { $count } открытой сделки
}
list-team = { $count ->
    [0] У команды нет открытых сделок
    [one] У команды { $count } открытая сделка
    [few] У команды { $count } открытые сделки
    [many] У команды { $count } открытых сделок
   *[other] У команды { $count } открытой сделки
}
list-empty = Здесь пока ничего нет.
search-found = { $count ->
    [0] Сделок не найдено
    [one] Найдена { $count } сделка
    [few] Найдено { $count } сделки
    [many] Найдено { $count } сделок
   *[other] Найдено { $count } сделки
}
stats-heading = { $count ->
    [one] Статистика по { $count } сделке
    [few] Статистика по { $count } сделкам
    [many] Статистика по { $count } сделкам
   *[other] Статистика по { $count } сделки
}
stats-total = Все сделки
stats-by-industry = По отраслям:
stats-by-size = По размеру компании:
stats-funnel = Воронка:
stats-line = { $label }: { $count ->
    [one] { $count } сделка
    [few] { $count } сделки
    [many] { $count } сделок
   *[other] { $count } сделки
}, выиграно: { $won }, проиграно: { $lost }, доля выигранных: { $rate }, сумма: { $amount }
stats-funnel-step = { $stage }: { $count }

## Ответы
deal-opened-reply = Сделка { $ref } сохранена: { $title }. Она опубликована в ленте команды, а вашего руководителя попросили дать совет.
progress-reply-log_only = Записано в хронологию сделки { $ref }. Никто не получил уведомления.
progress-reply-negotiation = Сохранено и опубликовано для команды в ветке сделки { $ref }.
progress-reply-won = Поздравляем! Сделка { $ref } выиграна; команда и ваш руководитель уведомлены.
progress-reply-lost = Сделка { $ref } закрыта как проигранная. Уведомлён только ваш руководитель, причина передана ему.
advice-reply = Спасибо! Ваш совет по сделке { $ref } отправлен пользователю { $owner } и опубликован в ветке сделки.

## Справка
help-heading = Команды dealbot
help-new = /deal new — сообщить о новой сделке
help-update = /deal update [D-12] — отчёт о ходе сделки
help-won = /deal won [D-12] — закрыть сделку как выигранную
help-lost = /deal lost [D-12] — закрыть сделку как проигранную (причину увидит только ваш руководитель)
help-show = /deal show D-12, Q-3 или O-4 — сделка и её хронология, предложение, заказ
help-list = /deal list — открытые сделки
help-search = /deal search [industry:…] [size:…] [status:…] [owner:…] [from:YYYY-MM-DD] [to:YYYY-MM-DD] [текст]
help-stats = /deal stats [те же фильтры, что и в search] — доля выигранных, количество, суммы и воронка, с диаграммами в личных сообщениях
help-help = /deal help — этот список
help-lang = /deal lang [en|ja|zh|ru] — язык, на котором dealbot общается с вами
help-refs = У каждой сделки есть номер, например D-12; его принимает любая команда, работающая со сделкой.
lang-current = dealbot общается с вами на языке: { $locale }. Сменить его можно командой /deal lang и кодом: { $choices }.
lang-set = Готово! Теперь dealbot общается с вами на языке: { $locale }.

## Оболочка
shell-welcome = Оболочка dealbot: /help — список команд, /as <handle> — действовать от имени другого человека, /quit — выйти.
shell-you-are = Вы — { $name } (@{ $handle }), { $team }.
shell-help = Оболочка: /as <handle> — сменить пользователя, /who — список людей, число — нажать кнопку с этим номером, /cancel — выйти из формы, /back — вернуться к предыдущему вопросу, /quit — выйти.
shell-unknown = Здесь нет команды «{ $text }». Введите /help.
shell-no-such-person = Пользователя с именем «{ $handle }» нет. Введите /who, чтобы увидеть всех.
shell-no-such-button = Кнопки [{ $number }] нет.
shell-optional = необязательно, Enter — пропустить
shell-choose = Введите номер или название из списка.
shell-choose-or-type = Введите номер из списка или новое название.
shell-cancel-hint = /cancel — отмена, /back — назад
shell-to-dm = Личное сообщение для { $name } (@{ $handle })
shell-to-feed = лента команды · { $team }
shell-to-thread = ветка сделки { $ref } · лента { $team }
shell-to-thread-broadcast = ветка сделки { $ref } · лента { $team }, также отправлено в канал

## Pickers, review, roles and delivery notices
error-amount-too-large = Сумма может быть не больше { $limit }.
error-date-past = { $value } уже прошло. Укажите сегодняшнюю или более позднюю дату.
error-task-deal-closed = Сделка { $ref } закрыта, поэтому и эта задача закрыта.
error-choice-range = В списке нет номера { $value }; введите номер от 1 до { $last }.
error-name-is-number = «{ $value }» — это номер, а не название: введите само значение поля «{ $field }» или выберите его из списка.
error-name-only-number = «{ $value }» — только число: введите значение поля «{ $field }» словами, например название компании.
error-button-unknown = Эта кнопка больше не действует.
error-owner-unknown = Нет участника с именем пользователя «{ $owner }».
hint-deal = Выберите сделку по номеру в списке или введите её номер, например D-12.
form-use-review-controls = Все ответы получены. Сохраните их, вернитесь, чтобы что-то изменить, или отмените.
form-stale = На этот вопрос уже ответили.
form-no-match = Ничего не найдено по «{ $value }». Попробуйте другие буквы.
form-new-value = Новый: { $value }
form-pick-match = Найдено по «{ $value }»: выберите вариант или введите ещё раз.
shell-review = Проверьте ответы:
shell-review-how = Введите y, чтобы сохранить, /back — изменить последний ответ, /cancel — отменить всё.
role-sales = продажи
role-leader = руководитель
role-finance = финансы
role-warehouse = склад
role-admin = администратор
note-delivery_parked = Сообщение для «{ $place }» в { $platform } не удалось доставить; оно ждёт вас.
note-delivery_parked-what = Последняя ошибка: { $error }. Отправить снова: dealbot outbox retry { $delivery }
note-lane_parked = { $platform } не принимает сообщения для «{ $place }»: туда ничего не отправляется, пока это не исправят.
note-lane_parked-what = Ошибка: { $error }. Исправьте её (например, снова добавьте бота), затем выполните: dealbot outbox retry { $delivery }
note-person_unreachable-what = Всё, что ждёт, будет доставлено, как только будет нажата кнопка «Старт».
note-chat_moved = Чат «{ $place }» в { $platform } получил новый id ({ $old } → { $new }); бот отправляет туда.
note-chat_moved-what = Укажите новый id { $new } в dealbot.toml, чтобы он использовался и после перезапуска.

## Cards that change
card-task-done = Совет по { $ref } дан: { $title }
card-task-done-by = Совет дал(а) { $actor }.
card-task-closed = { $ref } закрыта: { $title }
card-task-closed-why = Сделка { $ref } закрыта ({ $status }) до того, как задача была выполнена, поэтому задача тоже закрыта.
shell-card-changed = карточка изменена · { $where }

## Диаграммы (PRODUCT.md §2.5): только тому, кто спросил, в личные сообщения
help-chart = /deal chart funnel|industry|size [те же фильтры, что и в search] — одна диаграмма с её числами
chart-funnel = { $count ->
    [one] Воронка: { $count } сделка
    [few] Воронка: { $count } сделки
    [many] Воронка: { $count } сделок
   *[other] Воронка: { $count } сделки
}
chart-win-rate-industry = Доля выигранных сделок по отраслям
chart-win-rate-size = Доля выигранных сделок по размеру компании
chart-axis-deals = Сделки
chart-axis-win-rate = Доля выигранных = выиграно ÷ (выиграно + проиграно)
chart-nothing-to-draw = Диаграммы нет: среди этих сделок ещё нет закрытых или ни одна сделка не подходит.
error-chart-which = Какую диаграмму? Введите /deal chart и затем { $choices }.
error-chart-unknown = Диаграммы «{ $value }» нет. Введите /deal chart и затем { $choices }.
shell-chart-file = Диаграмма «{ $title }» сохранена: { $path }
shell-chart-not-drawn = Диаграмму «{ $title }» не удалось нарисовать (причина в журнале); её числа приведены выше.

## Approvals
field-requested-by = Запросил(а)
approval-card = { $what } ждёт вашего решения
approval-card-approved = { $what }: одобрено, решение принял(а) { $by }
approval-card-rejected = { $what }: отклонено, решение принял(а) { $by }
approval-card-closed = { $what }: решение больше не нужно, сделка — { $status }
approval-comment = Комментарий: { $comment }
approval-told-approved = { $what }: одобрено ({ $by })
approval-told-rejected = { $what }: отклонено ({ $by })
approvals-none = Ваших решений ничего не ждёт.
approvals-heading = { $count ->
    [one] { $count } запрос ждёт вашего решения
    [few] { $count } запроса ждут вашего решения
   *[many] { $count } запросов ждут вашего решения
}
approval-done-approved = Одобрено: { $what }. Запросивший получит уведомление.
approval-done-rejected = Отклонено: { $what }. Запросивший узнает причину.
help-approvals = /deal approvals — что ждёт вашего решения
home-approvals = Ждут моего решения
form-approval-reject-title = Отклонить: { $what }
timeline-approval-requested = { $approval_kind ->
    [quote] { $actor } отправил(а) предложение { $ref } на согласование
    [order] { $actor } отправил(а) заказ { $ref } на согласование
    [payment] { $actor } записал(а) оплату по { $ref } на согласование финансам
    [shipment] { $actor } запросил(а) со склада отгрузку { $ref }
   *[other] { $actor } отправил(а) { $ref } на согласование
}
timeline-approval-approved = { $approval_kind ->
    [quote] { $actor } одобрил(а) предложение { $ref }
    [order] { $actor } одобрил(а) заказ { $ref }
    [payment] { $actor } одобрил(а) оплату по { $ref }
    [shipment] { $actor } подтвердил(а) отгрузку { $ref }
   *[other] { $actor } одобрил(а) { $ref }
}
timeline-approval-rejected = { $approval_kind ->
    [quote] { $actor } отклонил(а) предложение { $ref }: { $comment }
    [order] { $actor } отклонил(а) заказ { $ref }: { $comment }
    [payment] { $actor } отклонил(а) оплату по { $ref }: { $comment }
    [shipment] { $actor } отклонил(а) отгрузку { $ref }: { $comment }
   *[other] { $actor } отклонил(а) { $ref }: { $comment }
}
error-approval-unknown = Такого запроса на согласование нет.
error-approval-own = { $kind ->
    [payment] Свой запрос решать нельзя: оплату по { $ref } согласует кто-то другой.
    [shipment] Свой запрос решать нельзя: отгрузку { $ref } подтвердит кто-то другой.
   *[other] Свой запрос решать нельзя: { $ref } решит кто-то другой.
}
error-approval-not-yours = { $kind ->
    [payment] Вы не можете согласовать оплату по { $ref }.
    [shipment] Вы не можете подтвердить отгрузку { $ref }.
   *[other] Вы не можете принимать решение по { $ref }.
}
error-approval-closed = Решение по { $ref } больше не нужно: сделка закрыта.
error-approval-already-approved = { $kind ->
    [payment] Оплата по { $ref } уже одобрена ({ $by }).
    [shipment] Отгрузка { $ref } уже подтверждена ({ $by }).
   *[other] { $ref } уже одобрено ({ $by }).
}
error-approval-already-rejected = { $kind ->
    [payment] Оплата по { $ref } уже отклонена ({ $by }).
    [shipment] Отгрузка { $ref } уже отклонена ({ $by }).
   *[other] { $ref } уже отклонено ({ $by }).
}

## Forms with repeated rows, counts and percentages
form-row-label = Позиция { $row } · { $label }
answer-yes = Да
answer-no = Нет
error-count-not-number = «{ $value }» — не целое число (например, 3).
error-count-range = Число должно быть от 1 до { $limit }.
error-percent = «{ $value }» — не процент от 0 до 100 (например, 10 или 12,5).
error-show-unknown = Укажите, что показать, например: /deal show D-12, /deal show Q-3 или /deal show O-4
