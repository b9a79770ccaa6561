## 来自其他系统的商机（PRODUCT.md §4）— 简体中文

field-external-id = external_id
field-team = 团队
deal-status-lead = 线索
button-assign = 分配
form-lead-assign-title = 分配 { $ref }
note-lead_report = 请完成 { $ref } 的开单报告：{ $title }
note-lead_assign = 请分配线索 { $ref }：{ $title }
lead-report-ask = 此商机来自其他系统（{ $source }）。请核对内容并完成开单报告：之后团队动态会发布它，并请您的负责人给出建议。
lead-assign-ask = 您的团队收到一个商机。请选择负责跟进的销售。
lead-assigned-reply = { $ref } 已分配给 { $owner }，并请其完成开单报告。
home-report-task = 完成 { $ref } 的开单报告：{ $title }
home-assign-task = 分配线索 { $ref }：{ $title }

error-deal-lead = { $ref } 是线索：请先完成开单报告。
error-lead-task-not-yours = 关于 { $ref } 的这项任务属于其他人。
error-lead-task-done = 关于 { $ref } 的任务已经完成。
error-lead-assignee = “{ $owner }”不是该商机所属团队的销售。
error-intake-team-unknown = 没有名为“{ $team }”的团队。
error-intake-owner-unknown = 没有账号为“{ $owner }”的在职销售或负责人。
error-intake-owner-team = “{ $owner }”不是该团队的成员。
error-intake-owner-or-team = 请提供 owner（成员账号）或 team（团队名称）。
error-intake-team-leaderless = 团队“{ $team }”没有可以分配商机的负责人。
error-intake-not-text = { $field } 必须是 JSON 字符串。
error-intake-unknown-field = 没有“{ $name }”这个字段；字段有 { $known }。
