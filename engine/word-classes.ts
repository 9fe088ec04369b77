// The standard word classes every pack's rule patterns may name as <name>: the small closed sets of words that
// Chinese and English service talk swaps freely (who speaks, to whom, how strongly, which secret). A pack may add
// members to one of these or define its own under "classes".
export const STANDARD_CLASSES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  // ---- Chinese (simplified; traditional text reaches them through normalization) ----
  /** The agent's side. */
  we: ['我', '我们', '咱', '咱们', '本人', '我这边', '我们这边', '我这里', '我们这里', '本店', '小店', '我方', '小妹', '客服这边'],
  /** The customer. */
  you: ['你', '您', '你们', '您们', '亲', '亲亲', '阁下', '客官'],
  /** Words that only make a statement stronger. */
  very: ['真', '真的', '真滴', '实在', '根本', '确实', '完全', '压根', '压根儿', '的确', '真心', '是真的', '实在是', '也', '都', '就', '是'],
  /** Secrets no agent may ask for. */
  secret: [
    '密码', '支付密码', '登录密码', '登陆密码', '交易密码', '取款密码', '网银密码', '银行卡密码', '账号密码', '帐号密码',
    '验证码', '短信验证码', '动态码', '动态密码', '校验码', '短信码', '安全码', '一次性密码', '口令', 'u盾密码',
    'cvv', 'cvv2', 'cvc', 'pin', 'pin码', 'otp',
  ],
  /** Passing something to the agent. */
  give: ['告诉', '发', '发给', '发过来', '发来', '给', '报', '报给', '提供', '说', '讲', '念', '读', '透露', '输入', '打', '传', '传给', '私信', '截图', '贴'],
  /** Flat inability. */
  cannot: [
    '不能', '没法', '没办法', '没有办法', '无法', '做不到', '办不到', '弄不了', '搞不定', '做不了', '办不了', '帮不了',
    '处理不了', '改不了', '不可以', '办不来', '弄不来', '做不来', '搞不了',
  ],
  /** Another company, shop or brand. */
  rival: [
    '别家', '别人家', '其他家', '其它家', '别的店', '别的家', '那家', '隔壁', '隔壁那家', '他们家', '他们', '对面', '同行',
    '别的牌子', '其他牌子', '那个牌子', '那牌子', '那个品牌', '那家店', '那个店', '那个平台', '那个app', '其他品牌', '别的品牌', '其他运营商', '别的运营商', '其他平台', '别的平台', '外面',
  ],
  /** Companies and platforms that agents name when they run them down. */
  brand: [
    '京东', '淘宝', '拼多多', '天猫', '某猫', '某宝', '某东', '某多多', '美团', '饿了么', '网易', '腾讯', '移动', '联通', '电信',
    '顺丰', '圆通', '中通', '申通', '韵达', '苹果', '华为', '小米', '中华电信', '远传', '台湾大哥大', '台哥大', '亚太', '虾皮',
    '竞品', '竞争对手', '别家银行', '其他银行', '那间', '那家银行', '纯网银', '其他家', '别家业者', '其他业者',
  ],
  /** Running something down. */
  trash: [
    '垃圾', '骗人', '骗子', '骗钱', '坑人', '坑钱', '坑死人', '假货', '山寨', '翻新', '烂', '差劲', '很差', '太差', '差得',
    '屎', '糊弄', '忽悠', '唬烂', '废', '不靠谱', '文字游戏', '智商税', '破烂', '辣鸡', '水货', '黑心', '高仿', '三无',
    '摆设', '白搭', '偷吃', '没眼看', '圈钱', '离谱', '半成品', '噱头', '不算数', '乱推', '飞丝', '谁用谁后悔', '土豆',
    '水分', '会倒', '爆', '上当', '跟没有一样', '没有一样', '差劲', '不会理', '坑', '骗',
  ],

  // ---- English ----
  i: ['i', 'we', "i'm", "we're", 'im', 'our team', 'my team'],
  u: ['you', 'u', 'ya', 'yourself'],
  secret_en: [
    'password', 'passcode', 'pin', 'otp', 'one-time code', 'one time code', 'verification code', 'security code', 'cvv',
    'cvc', 'login', 'code we sent', 'code we just sent', 'code we texted', 'code we just texted', 'sms code', 'banking pin', 'online banking',
  ],
  trash_en: [
    'scam', 'scams', 'scammers', 'garbage', 'junk', 'trash', 'a joke', 'useless', 'rip off', 'rips off', 'ripoff', 'fake',
    'fakes', 'knockoffs', 'liars', 'crap', 'crappy', 'sucks', 'suck', 'terrible', 'awful', 'rubbish', 'frauds',
  ],
});
