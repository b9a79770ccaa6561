## Slack front end
slack-modal-close = 取消
slack-open-choice-new = …或输入新的{ $field }
home-my-deals = 我的进行中商机
home-waiting = 待我处理
home-advice-task = 请为 { $ref } 提供建议：{ $title }
slack-form-too-late = 表单未能及时打开，请重试。

slack-sent-to-dm = 已发送到您与 dealbot 的私信：图表只发到那里，绝不发到频道。

slack-typeahead-placeholder = 输入几个字…
