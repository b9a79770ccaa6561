## Напоминания (PRODUCT.md §5) — русский

help-mute = /deal mute payments|stock|key_dates|contracts|stagnation|digest — отключить вид напоминаний
help-unmute = /deal unmute <вид> — снова получать этот вид напоминаний
help-reminders = /deal reminders — напоминания за последние 7 дней: отправленные, запоздавшие, пропущенные (для администраторов)
telegram-menu-mute = Отключить вид напоминаний
telegram-menu-unmute = Снова получать вид напоминаний
telegram-menu-reminders = Напоминания за 7 дней (администраторы)

reminder-topic-payments = платежи
reminder-topic-stock = склад
reminder-topic-key-dates = памятные даты
reminder-topic-contracts = договоры
reminder-topic-stagnation = застывшие сделки
reminder-topic-digest = еженедельная сводка
mute-done = Отключено: напоминаний о теме «{ $topic }» больше не будет.
unmute-done = Включено: напоминания о теме «{ $topic }» снова будут приходить.
mute-list = Отключено: { $topics }.
mute-none = Вы получаете все виды напоминаний.
mute-usage = Виды: { $choices }. /deal mute <вид>, /deal unmute <вид>
error-reminder-topic = «{ $value }» — не вид напоминаний. Укажите один из: { $choices }.
error-reminders-admins = Смотреть отправленные напоминания могут только администраторы.
error-stagnant-not-yours = Это может сделать только владелец { $ref } или руководитель команды.

reminder-late = С опозданием: это нужно было напомнить { $due }.
reminder-item-late = { $text } (с опозданием: срок { $due })
reminder-more = …и ещё { $count }.
reminder-no-owner = без владельца
reminder-contact-unnamed = контактного лица
reminder-heading-payments = { $count ->
    [one] { $count } напоминание о платежах
    [few] { $count } напоминания о платежах
   *[many] { $count } напоминаний о платежах
}
reminder-heading-stock = { $count ->
    [one] { $count } товар вне границ запаса
    [few] { $count } товара вне границ запаса
   *[many] { $count } товаров вне границ запаса
}
reminder-heading-key-dates = { $count ->
    [one] { $count } памятная дата
    [few] { $count } памятные даты
   *[many] { $count } памятных дат
}
reminder-heading-contracts = { $count ->
    [one] { $count } договор заканчивается
    [few] { $count } договора заканчиваются
   *[many] { $count } договоров заканчиваются
}

reminder-installment-soon = Платёж { $number } по { $order } ({ $deal }, { $customer }): { $amount } через { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}, { $date }
reminder-installment-today = Платёж { $number } по { $order } ({ $deal }, { $customer }): { $amount } сегодня
reminder-installment-overdue = Платёж { $number } по { $order } ({ $deal }, { $customer }): { $amount } просрочен на { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
} (срок { $date })
reminder-installment-escalation = Просрочка { $days } дн.: платёж { $number } по { $order } ({ $deal }, { $customer }), осталось { $amount }, срок { $date }; владелец: { $owner }

reminder-founded-soon = Через { $days } дн., { $date }: { $years ->
    [one] { $years } год
    [few] { $years } года
   *[many] { $years } лет
} со дня основания { $customer } ({ $ref })
reminder-founded-today = Сегодня: { $years ->
    [one] { $years } год
    [few] { $years } года
   *[many] { $years } лет
} со дня основания { $customer } ({ $ref })
reminder-founded-past = { $date }: { $years ->
    [one] { $years } год
    [few] { $years } года
   *[many] { $years } лет
} со дня основания { $customer } ({ $ref })
reminder-first-contract-soon = Через { $days } дн., { $date }: { $years ->
    [one] { $years } год
    [few] { $years } года
   *[many] { $years } лет
} с первого договора с { $customer } ({ $ref })
reminder-first-contract-today = Сегодня: { $years ->
    [one] { $years } год
    [few] { $years } года
   *[many] { $years } лет
} с первого договора с { $customer } ({ $ref })
reminder-first-contract-past = { $date }: { $years ->
    [one] { $years } год
    [few] { $years } года
   *[many] { $years } лет
} с первого договора с { $customer } ({ $ref })
reminder-birthday-soon = Через { $days } дн., { $date }: день рождения у { $contact } ({ $customer }, { $ref })
reminder-birthday-today = Сегодня: день рождения у { $contact } ({ $customer }, { $ref })
reminder-birthday-past = { $date }: день рождения у { $contact } ({ $customer }, { $ref })

reminder-contract-end = Договор «{ $title }» с { $customer } ({ $ref }) заканчивается { $days ->
    [0] сегодня
   *[other] через { $days } дн.
}, { $date }: продлите его или предложите новые товары.

reminder-stock-low = { $sku } ({ $name }) ниже минимума: на складе { $on_hand }, минимум { $limit }
reminder-stock-high = { $sku } ({ $name }) выше максимума: на складе { $on_hand }, максимум { $limit }

reminder-stagnation = { $ref } { $title } ({ $customer }): нет движения { $days } дн.
reminder-stagnation-ask = Запишите, что произошло, отложите на 3 дня или отметьте как проигранную.
reminder-stagnation-snoozed = { $ref } { $title }: отложено до { $date } ({ $by })
reminder-stagnation-closed = { $ref } { $title } закрыта: { $status }
button-log-progress = Записать ход
button-snooze = Отложить на 3 дня
button-mark-lost = Проиграна
stagnant-snoozed-reply = { $ref } отложена до { $date }: до этого напоминаний о ней не будет.

reminder-digest = Еженедельная сводка { $team }: { $first } – { $last }
digest-pipeline = Воронка по этапам:
digest-stage = { $stage }: { $count ->
    [one] { $count } сделка
    [few] { $count } сделки
   *[many] { $count } сделок
} · { $amounts }
digest-won = Выиграно за неделю: { $count } · { $amounts }
digest-lost = Проиграно за неделю: { $count } · { $amounts }
digest-deal-line = · { $ref } { $title }
digest-stagnant = Застывшие сделки: { $count }
digest-stagnant-line = · { $ref } { $title } · { $owner } · без движения с { $date }
digest-overdue = Просроченные платежи: { $count } · { $amounts }
digest-overdue-line = · { $order } № { $number } ({ $deal }) · { $amount } · срок { $date }
digest-chart-title = Открытые сделки по этапам и сделки, закрытые за неделю

reminders-report = Напоминания за последние 7 дней: отправлено { $sent }, с опозданием { $late }, пропущено { $missed }
reminders-report-kind = { $kind }: отправлено { $sent }, с опозданием { $late }, пропущено { $missed }
reminders-report-line = { $state } · { $date } · { $kind } · { $label } → { $member } ({ $team })
reminders-report-none = За последние 7 дней напоминаний не было.
reminder-state-sent = отправлено
reminder-state-late = с опозданием
reminder-state-missed = пропущено
reminder-kind-installment = Платежи
reminder-kind-installment-escalation = Просроченные платежи (финансы и руководитель)
reminder-kind-stock-low = Запас ниже минимума
reminder-kind-stock-high = Запас выше максимума
reminder-kind-founded = Годовщины основания
reminder-kind-first-contract = Годовщины первого договора
reminder-kind-birthday = Дни рождения
reminder-kind-contract-end = Окончание договоров
reminder-kind-stagnation = Застывшие сделки
reminder-kind-digest = Еженедельные сводки
