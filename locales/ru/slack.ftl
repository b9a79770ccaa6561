## Slack front end
slack-modal-close = Отмена
slack-open-choice-new = …или введите новое значение: { $field }
home-my-deals = Мои открытые сделки
home-waiting = Ждёт моего ответа
home-advice-task = Нужен совет по { $ref }: { $title }
slack-form-too-late = Форма не успела открыться. Попробуйте ещё раз.
slack-typeahead-placeholder = Наберите несколько букв…
