## Slack front end
slack-modal-close = Отмена
slack-open-choice-new = …или введите новое значение: { $field }
slack-home-my-deals = Мои открытые сделки
slack-home-waiting = Ждёт моего ответа
slack-home-advice-task = Нужен совет по { $ref }: { $title }
slack-form-too-late = Форма не успела открыться. Попробуйте ещё раз.
