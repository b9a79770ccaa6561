## Сделки из других систем (PRODUCT.md §4) — русский

field-external-id = external_id
field-team = Команда
deal-status-lead = Лид
button-assign = Назначить
form-lead-assign-title = Назначить { $ref }
note-lead_report = Заполните открывающий отчёт по { $ref }: { $title }
note-lead_assign = Назначьте лид { $ref }: { $title }
lead-report-ask = Эта сделка пришла из другой системы ({ $source }). Проверьте данные и заполните открывающий отчёт: тогда сделка появится в ленте команды, а руководитель получит запрос на совет.
lead-assign-ask = Для вашей команды пришла сделка. Выберите продавца, который её возьмёт.
lead-assigned-reply = { $ref } передана: { $owner }; ему направлен запрос заполнить открывающий отчёт.
home-report-task = Заполнить открывающий отчёт по { $ref }: { $title }
home-assign-task = Назначить лид { $ref }: { $title }

error-deal-lead = { $ref } — лид: сначала заполните открывающий отчёт.
error-lead-task-not-yours = Эта задача по { $ref } поручена другому человеку.
error-lead-task-done = Задача по { $ref } уже выполнена.
error-lead-assignee = «{ $owner }» — не продавец команды этой сделки.
error-intake-team-unknown = команды «{ $team }» нет.
error-intake-owner-unknown = нет активного продавца или руководителя с логином «{ $owner }».
error-intake-owner-team = «{ $owner }» не состоит в этой команде.
error-intake-owner-or-team = укажите owner (логин участника) или team (название команды).
error-intake-team-leaderless = у команды «{ $team }» нет руководителя, который назначит сделку.
error-intake-not-text = { $field } должно быть строкой JSON.
error-intake-unknown-field = поля «{ $name }» нет; есть поля { $known }.
