## Продажи: предложения, заказы, графики оплаты, оплаты, отгрузки (PRODUCT.md §3.2, §9) — русский

field-quantity = Количество
field-discount = Скидка
field-valid-until = Действует до
field-first-due-date = Срок первого платежа
field-installments = Платежи
field-amount-received = Полученная сумма
field-received-on = Дата получения
field-total = Итого
field-order = Заказ
field-quote = Предложение
field-paid = Оплачено
field-left = Осталось оплатить
field-waiting = Ждёт согласования
hint-quantity = Целое число, например 3
hint-unit-price = Оставьте пустым, чтобы взять цену товара
hint-discount = В процентах, например 10 или 12,5; без скидки — оставьте пустым
hint-valid-until = В формате YYYY-MM-DD, например 2026-12-31
hint-installments = Число равных ежемесячных платежей, например 3; или по одному в строке: YYYY-MM-DD сумма, например 2026-12-01 400000
hint-first-due-date = Срок первого платежа в формате YYYY-MM-DD; остальные — каждый месяц
hint-received-on = День, когда пришли деньги, в формате YYYY-MM-DD

form-quote-title = { $deal ->
    [none] Новое предложение
   *[other] Предложение по { $deal }
}
form-quote-revise-title = { $quote } ред. { $number } по { $deal }
form-plan-title = График оплаты { $ref }
form-payment-title = Оплата по { $ref }
form-more-items = Добавить ещё позицию?
button-add-item = Добавить позицию
button-new-quote = Новое предложение
button-submit-quote = Отправить на согласование
button-approve-shipment = Подтвердить отгрузку

## Согласования продаж
approval-what-quote = Предложение { $ref } по { $deal }
approval-what-order = Заказ { $ref } по { $deal }
approval-what-payment = Оплата по { $ref } ({ $deal })
approval-what-shipment = Отгрузка { $ref } ({ $deal })
approval-card-approved-shipment = { $what }: подтверждено, решение принял(а) { $by }
approval-told-approved-shipment = { $what }: подтверждено ({ $by })

## Ответы
quote-made-reply = { $ref } по { $deal } ({ $amount }) сохранено; руководитель получил запрос на согласование.
quote-sent-reply = { $ref } отмечено как отправленное клиенту.
quote-accepted-reply = Клиент принял { $ref }. Оформите заказ командой /deal order { $quote }.
order-made-reply = Заказ { $ref } по { $deal } ({ $amount }) сохранён; руководитель получил запрос на согласование.
plan-set-reply = { $count ->
    [one] График оплаты { $ref }: { $count } платёж
    [few] График оплаты { $ref }: { $count } платежа
   *[other] График оплаты { $ref }: { $count } платежей
}
payment-made-reply = Оплата { $amount } по { $ref } записана; финансы получили запрос на согласование.
shipment-asked-reply = Склад получил запрос на отгрузку { $ref }.
invoiced-reply = { $ref } отмечен как выставленный счёт.

## Предложения и заказы
quote-heading = Предложение { $ref } по { $deal }
quote-lines-heading = Позиции:
quote-line = { $number }. { $sku } { $name }: { $quantity } × { $price }{ $discount } = { $amount }
quote-line-discount = −{ $discount }%
quote-revisions-heading = Редакции:
quote-revision-line = { $ref } · { $at } · { $by } · { $total } · { $state } · { $decided }
quote-state-pending = ждёт согласования
quote-state-approved = одобрено
quote-state-rejected = отклонено
quote-state-sent = отправлено клиенту
quote-state-accepted = принято клиентом
quote-state-revised = заменено новой редакцией
quote-state-closed = закрыто вместе со сделкой
decision-open = ждёт решения
decision-closed = закрыто вместе со сделкой
decision-approved-by = одобрено ({ $by })
decision-confirmed-by = подтверждено ({ $by })
decision-rejected-by = отклонено ({ $by })
decision-with-comment = { $decision }: { $comment }
order-heading = Заказ { $ref } по { $deal }
order-state-pending = ждёт согласования
order-state-approved = одобрен
order-state-rejected = отклонён
shipping-requested = склад получил запрос на отгрузку
shipping-shipped = отгружен
order-invoiced = счёт выставлен
order-paid = оплачен
order-plan-heading = График оплаты:
order-no-plan = Графика оплаты ещё нет: /deal plan { $ref }
installment-line = { $number }. { $due } · { $amount } · { $state }
installment-paid = оплачено
installment-part-paid = осталось { $left }
installment-open = не оплачено
order-payments-heading = Оплаты:
payment-line = { $received } · { $amount } · { $by } · { $decided }
order-shipments-heading = Отгрузки:
shipment-line = { $at } · запросил(а) { $by } · { $decided }
order-decisions = Заказ: { $decided }
stock-reason-shipment = отгрузка по { $ref }

## Хронология сделки
timeline-quote-sent = { $actor } отметил(а) { $ref } как отправленное клиенту
timeline-quote-accepted = { $actor } записал(а), что клиент принял { $ref }
timeline-plan-set = { $count ->
    [one] { $actor } составил(а) график оплаты { $ref }: { $count } платёж
    [few] { $actor } составил(а) график оплаты { $ref }: { $count } платежа
   *[other] { $actor } составил(а) график оплаты { $ref }: { $count } платежей
}
timeline-order-paid = { $ref } оплачен полностью (последнюю оплату одобрил(а) { $actor })
timeline-order-shipped = { $ref } отгружен: { $actor } со склада подтвердил(а)
timeline-order-invoiced = { $actor } отметил(а), что по { $ref } выставлен счёт

## Ошибки
error-selling-not-yours = Это действие с { $ref } доступно только владельцу { $deal }, руководителю команды или администратору.
error-selling-deal-lost = Сделка { $deal } проиграна, поэтому { $ref } дальше не продвигается.
error-quote-unknown = Нет предложения { $ref }, которое вы можете видеть.
error-order-unknown = Нет заказа { $ref }, который вы можете видеть.
error-quote-no-lines = В предложении нужна хотя бы одна позиция.
error-quote-too-many-lines = В предложении может быть не больше { $limit } позиций.
error-quote-price-needed = Цена { $sku } указана в { $product_currency }: введите цену за единицу в { $currency }.
error-quote-total-zero = Итог предложения должен быть больше нуля.
error-quote-pending = { $ref } ещё ждёт согласования.
error-quote-approved = { $ref } уже одобрено.
error-quote-rejected = { $ref } отклонено: сделайте новую редакцию командой /deal revise { $quote }.
error-quote-sent = { $ref } уже отмечено как отправленное.
error-quote-accepted = { $ref } уже принято клиентом.
error-quote-revised = У { $ref } есть более новая редакция.
error-quote-closed = { $ref } закрыто вместе со сделкой.
error-order-needs-accepted = Клиент ещё не принял { $ref }: сначала отметьте это командой /deal quote-accepted { $quote }.
error-order-exists = По { $quote } уже есть заказ { $ref }.
error-order-pending = { $ref } ещё ждёт согласования руководителя.
error-order-rejected = { $ref } отклонён: запросите снова командой /deal order { $quote }.
error-order-invoiced = По { $ref } счёт уже выставлен.
error-order-not-shipped = { $ref } ещё не отгружен: сначала склад подтверждает отгрузку (/deal ship { $ref }).
error-shipping-none = { $ref } сейчас нельзя отгрузить.
error-shipping-requested = Склад уже получил запрос на отгрузку { $ref }.
error-shipping-shipped = { $ref } уже отгружен.
error-shipment-short = Отгрузку { $ref } нельзя подтвердить: на складе { $on_hand } шт. { $sku }, а нужно { $needed }. Остатки не изменились.
error-payment-no-plan = У { $ref } ещё нет графика оплаты: составьте его командой /deal plan { $ref }.
error-payment-too-much = По { $ref } осталось оплатить только { $left } { $currency } (с учётом оплат, ждущих согласования).
error-plan-after-payment = По { $ref } уже записаны оплаты, поэтому график остаётся прежним.
error-plan-sum = Платежи в сумме дают { $sum } { $currency }, а итог — { $total } { $currency }: они должны совпадать.
error-plan-line = Строка { $line }, «{ $value }», не в виде YYYY-MM-DD сумма, например 2026-12-01 400000.
error-date-future = { $value } ещё не наступило. Укажите сегодняшнюю или более раннюю дату.
error-needs-quote = Укажите предложение, например: /deal { $command } Q-3
error-needs-order = Укажите заказ, например: /deal { $command } O-4

## Справка и меню Telegram
help-quote = /deal quote D-12 — предложение с позициями (согласует руководитель)
help-quote-sent = /deal quote-sent Q-3 — одобренное предложение отправлено клиенту
help-quote-accepted = /deal quote-accepted Q-3 — клиент принял предложение
help-revise = /deal revise Q-3 — новая редакция, если клиент просит изменений
help-order = /deal order Q-3 — заказ по принятому предложению (согласует руководитель)
help-plan = /deal plan O-4 — график оплаты заказа
help-payment = /deal payment O-4 — полученная оплата (согласуют финансы)
help-ship = /deal ship O-4 — запросить отгрузку заказа со склада
help-invoiced = /deal invoiced O-4 — по отгруженному заказу выставлен счёт
telegram-menu-quote = Предложение по сделке, например /quote D-12
telegram-menu-order = Заказ по принятому предложению, например /order Q-3
telegram-menu-plan = График оплаты заказа, например /plan O-4
telegram-menu-payment = Полученная оплата, например /payment O-4
telegram-menu-ship = Запросить отгрузку, например /ship O-4
