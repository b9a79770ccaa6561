## dealbot on Telegram — 简体中文

telegram-menu-new = 报告新商机
telegram-menu-update = 报告商机进展
telegram-menu-won = 将商机标记为赢单
telegram-menu-lost = 将商机标记为输单
telegram-menu-show = 查看商机、报价或订单，例如 /show D-12、/show Q-3
telegram-menu-list = 进行中的商机
telegram-menu-search = 搜索商机
telegram-menu-stats = 赢单率、数量、金额和漏斗，附图表
telegram-menu-lang = dealbot 对你使用的语言
telegram-menu-help = 全部命令
telegram-menu-approvals = 等待您审批的申请
telegram-menu-customer = 客户：新建、查看、编辑、搜索、合同
telegram-menu-product = 产品：列表、查看
telegram-menu-stock = 产品库存及出入库记录
telegram-menu-cancel = 停止正在填写的表单
telegram-welcome = { $name }，你好！你属于 { $team }。
telegram-start-help = 输入 /new 报告商机，/update 报告进展，其他请输入 /help。
telegram-open-private = 表单和回复会发到与我的私聊中。请打开私聊并点击“开始”：{ $link }
telegram-nothing-to-cancel = 没有可取消的表单。
telegram-no-form = 当前没有打开的表单。输入 /help 查看命令。
telegram-optional = 可选
telegram-choose = 请在下方选择，或直接输入。
telegram-choose-or-type = 请在下方选择，或输入新的名称。
telegram-button-skip = 跳过
telegram-button-back = ◀ 返回
telegram-button-cancel = ✖ 取消
telegram-confirm = 请核对后保存。
telegram-form-gone = 该表单已不再打开。
note-person_unreachable = { $person }（@{ $handle }）尚未在 { $platform } 上启动 dealbot 机器人，发给其的通知正在等待。请让其打开与机器人的私聊并点击“开始”。

telegram-menu-chart = 一张图表：funnel、industry 或 size
