// The demo helpdesk's sample conversations: what a 星河商城 agent sees on a busy afternoon.
import type { MessageRole } from '../sites/types.ts';

interface DemoMessage {
  role: MessageRole;
  author: string;
  time: string;
  text: string;
}

export interface DemoConversation {
  id: string;
  customer: string;
  channel: string;
  order: string;
  tags: string[];
  unread: number;
  messages: DemoMessage[];
}

export const demoConversations: DemoConversation[] = [
  {
    id: 'c-20481',
    customer: '林晓雨',
    channel: '网页咨询',
    order: 'XH2026111803527',
    tags: ['VIP', '退款'],
    unread: 2,
    messages: [
      { role: 'system', author: '系统', time: '14:02', text: '会话已由 客服·小美 接入' },
      {
        role: 'customer',
        author: '林晓雨',
        time: '14:02',
        text: '你好，我上周买的空气炸锅到现在还没发货，订单号 XH2026111803527。',
      },
      { role: 'agent', author: '客服·小美', time: '14:03', text: '您好，这边马上为您查询订单状态，请稍等。' },
      { role: 'note', author: '客服·小美', time: '14:04', text: '仓库显示缺货，预计周五补货，已联系仓储组。' },
      {
        role: 'customer',
        author: '林晓雨',
        time: '14:05',
        text: '等了一个星期了，如果这周还发不了货我就要申请退款了。',
      },
    ],
  },
  {
    id: 'c-20477',
    customer: '陳志明',
    channel: '微信公众号',
    order: 'XH2026111702210',
    tags: ['物流'],
    unread: 0,
    messages: [
      { role: 'system', author: '系統', time: '13:40', text: '會話已由 客服·阿傑 接入' },
      { role: 'customer', author: '陳志明', time: '13:41', text: '請問我的包裹物流三天沒有更新了，是不是丟件了？' },
      { role: 'agent', author: '客服·阿傑', time: '13:42', text: '您好，已為您聯繫快遞公司核實，稍後回覆您。' },
    ],
  },
  {
    id: 'c-20470',
    customer: 'Emily Zhang',
    channel: 'App 内咨询',
    order: 'XH2026111600871',
    tags: ['发票'],
    unread: 1,
    messages: [
      { role: 'customer', author: 'Emily Zhang', time: '11:15', text: '请问电子发票在哪里下载？公司报销要用。' },
    ],
  },
];
