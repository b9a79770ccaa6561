## Slack front end
slack-modal-close = 取消
slack-open-choice-new = …或输入新的{ $field }
home-my-deals = 我的进行中商机
home-waiting = 待我处理
home-advice-task = 请为 { $ref } 提供建议：{ $title }
slack-form-too-late = 表单未能及时打开，请重试。
slack-typeahead-placeholder = 输入几个字…
