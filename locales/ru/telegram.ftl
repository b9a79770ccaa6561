## dealbot в Telegram — русский

telegram-menu-new = Сообщить о новой сделке
telegram-menu-update = Отчёт о ходе сделки
telegram-menu-won = Закрыть сделку как выигранную
telegram-menu-lost = Закрыть сделку как проигранную
telegram-menu-show = Сделка, предложение или заказ, например /show D-12, /show Q-3
telegram-menu-list = Открытые сделки
telegram-menu-search = Поиск сделок
telegram-menu-stats = Доля побед, количество, суммы и воронка, с диаграммами
telegram-menu-lang = Язык, на котором dealbot говорит с вами
telegram-menu-help = Все команды
telegram-menu-approvals = Что ждёт вашего решения
telegram-menu-customer = Клиенты: новый, карточка, правка, поиск, договор
telegram-menu-product = Товары: список, карточка
telegram-menu-stock = Остаток товара и его движения
telegram-menu-cancel = Прервать заполнение формы
telegram-welcome = Здравствуйте, { $name }! Вы в команде { $team }.
telegram-start-help = /new — новая сделка, /update — отчёт о ходе, /help — все команды.
telegram-open-private = Формы и ответы приходят в личный чат со мной. Откройте его и нажмите «Старт»: { $link }
telegram-nothing-to-cancel = Нет формы, которую можно отменить.
telegram-no-form = Открытой формы нет. Наберите /help, чтобы увидеть команды.
telegram-optional = необязательно
telegram-choose = Выберите ниже или введите.
telegram-choose-or-type = Выберите ниже или введите новое название.
telegram-button-skip = Пропустить
telegram-button-back = ◀ Назад
telegram-button-cancel = ✖ Отмена
telegram-confirm = Проверьте ответы и сохраните.
telegram-form-gone = Эта форма уже закрыта.
note-person_unreachable = { $person } (@{ $handle }) ещё не запустил(а) бота dealbot в { $platform }, поэтому уведомления ждут. Попросите открыть личный чат с ботом и нажать «Старт».

telegram-menu-chart = Одна диаграмма: funnel, industry или size
