## Slack front end
slack-modal-close = Отмена
slack-open-choice-new = …или введите новое значение: { $field }
home-my-deals = Мои открытые сделки
home-waiting = Ждёт моего ответа
home-advice-task = Нужен совет по { $ref }: { $title }
slack-form-too-late = Форма не успела открыться. Попробуйте ещё раз.

slack-sent-to-dm = Отправлено вам в личные сообщения с dealbot: диаграммы приходят только туда, никогда в канал.

slack-typeahead-placeholder = Наберите несколько букв…
