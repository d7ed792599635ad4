import { useSyncExternalStore } from 'react';

/** A tiny built-in dictionary: Chinese first, English second; the choice is kept on the device. */
export type Lang = 'zh-CN' | 'en';

const zh = {
  'app.title': '居民诉求', 'app.subtitle': '重点项目 · 有事找专员', 'app.lang': 'English',
  'nav.board': '项目公示', 'nav.track': '查询进度', 'nav.raise': '我要反映',
  'board.intro': '下列重点项目都有一名项目专员驻点。施工给您带来不便，可直接在线反映，无需注册。',
  'board.list': '列表', 'board.map': '地图', 'board.recent': '最近的答复', 'board.none': '暂无', 'board.loading': '正在加载…',
  'board.search': '搜索项目或地址', 'board.count': '共 {n} 个项目',
  'light.green': '进度正常', 'light.yellow': '需关注', 'light.red': '滞后',
  'phase.preparation': '前期', 'phase.construction': '在建', 'phase.completed': '竣工',
  'project.commissioner': '项目专员', 'project.phone': '办公电话', 'project.branch': '临时党支部', 'project.hours': '施工时间',
  'project.notice': '施工影响公告', 'project.raise': '反映问题', 'project.back': '返回项目列表', 'project.answers': '已答复的诉求',
  'project.call': '拨打', 'project.notFound': '没有找到这个项目。',
  'form.title': '反映问题', 'form.project': '涉及项目', 'form.projectNone': '不确定 / 其他地点', 'form.category': '问题类别',
  'form.description': '问题描述', 'form.descriptionHint': '请说明时间、地点和情况（至少 5 个字）', 'form.location': '位置',
  'form.pickOnMap': '在地图上点选位置', 'form.hideMap': '收起地图', 'form.picked': '已选位置：{lat}, {lng}', 'form.clearPoint': '清除',
  'form.address': '或填写地址', 'form.addressHint': '例如：东新路822号北门', 'form.photos': '照片（最多 3 张）',
  'form.addPhoto': '添加照片', 'form.removePhoto': '删除', 'form.contact': '联系方式（选填，仅用于回访）', 'form.name': '称呼',
  'form.phone': '手机号', 'form.anonymous': '匿名反映（不留联系方式）', 'form.privacy': '手机号加密保存，只有负责回访的承办人员可以查看。照片会去除拍摄位置等信息。',
  'form.check': '安全验证', 'form.checking': '正在进行安全验证…', 'form.checked': '安全验证已完成', 'form.submit': '提交',
  'form.submitting': '正在提交…', 'form.needWhere': '请选择项目、在地图上点选或填写地址', 'form.uploading': '正在上传照片…',
  'form.badPhone': '请输入 11 位手机号或座机号', 'form.tooShort': '请至少写 5 个字', 'form.failed': '提交没有成功：{msg}',
  'cat.noise': '噪声', 'cat.dust': '扬尘', 'cat.traffic': '交通', 'cat.safety': '安全', 'cat.damage': '房屋损坏', 'cat.hours': '施工时间', 'cat.other': '其他',
  'done.title': '已收到您的反映', 'done.code': '您的查询码', 'done.keep': '请保存查询码或下面的链接：凭它查看办理进度、评价答复。查询码只显示这一次。',
  'done.link': '进度链接', 'done.copy': '复制', 'done.copied': '已复制', 'done.view': '查看办理进度',
  'track.title': '查询办理进度', 'track.enter': '输入查询码', 'track.go': '查询', 'track.notFound': '没有找到这个查询码，请核对后再试。',
  'track.mine': '本机提交过的诉求',
  'status.title': '办理进度', 'status.expected': '办理期限', 'status.reply': '答复', 'status.timeline': '办理过程', 'status.your': '您反映的问题',
  'st.triage': '待分派', 'st.received': '待受理', 'st.accepted': '已受理', 'st.processing': '办理中', 'st.answered': '已答复',
  'st.rejected': '不予受理', 'st.dismissed': '已答复', 'st.closed': '已结束',
  'tl.submitted': '提交诉求', 'tl.triaged': '已分派到项目', 'tl.accepted': '项目专员已受理', 'tl.rejected': '不予受理', 'tl.dispatched': '已交由 {unit} 办理',
  'tl.signed': '承办单位已签收', 'tl.answered': '承办单位已答复，待专员核实', 'tl.sent-back': '答复未通过核实，重新办理', 'tl.closed': '已办结',
  'tl.rated': '您的评价：{rating}', 'tl.reopened': '已重新办理', 'tl.escalated': '已列入督办', 'tl.merged': '已与同类诉求合并办理', 'tl.withdrawn': '已撤销',
  'tl.dismissed': '不属于重点项目诉求',
  'rate.title': '评价这次答复', 'rate.satisfied': '满意', 'rate.basically_satisfied': '基本满意', 'rate.unsatisfied': '不满意',
  'rate.comment': '意见（选填）', 'rate.reopen': '不满意，申请重新办理（仅一次）', 'rate.submit': '提交评价', 'rate.thanks': '感谢您的评价',
  'common.error': '出错了，请稍后再试', 'common.retry': '重试', 'common.notFound': '页面不存在', 'common.home': '回到首页', 'common.tooMany': '操作太频繁，请一分钟后再试',
};
const en: typeof zh = {
  'app.title': "Residents' appeals", 'app.subtitle': 'Key projects · a commissioner on every site', 'app.lang': '中文',
  'nav.board': 'Projects', 'nav.track': 'Track', 'nav.raise': 'Raise a problem',
  'board.intro': 'Each key project below has a commissioner on site. If the works trouble you, tell us here; no account needed.',
  'board.list': 'List', 'board.map': 'Map', 'board.recent': 'Recent answers', 'board.none': 'None yet', 'board.loading': 'Loading…',
  'board.search': 'Search projects or addresses', 'board.count': '{n} projects',
  'light.green': 'On track', 'light.yellow': 'Watch', 'light.red': 'Behind',
  'phase.preparation': 'Preparation', 'phase.construction': 'Under construction', 'phase.completed': 'Completed',
  'project.commissioner': 'Commissioner', 'project.phone': 'Office phone', 'project.branch': 'Party branch', 'project.hours': 'Working hours',
  'project.notice': 'Impact notice', 'project.raise': 'Raise a problem', 'project.back': 'All projects', 'project.answers': 'Answered appeals',
  'project.call': 'Call', 'project.notFound': 'No such project.',
  'form.title': 'Raise a problem', 'form.project': 'Project', 'form.projectNone': 'Not sure / elsewhere', 'form.category': 'Category',
  'form.description': 'What happened', 'form.descriptionHint': 'When, where and what (at least 5 characters)', 'form.location': 'Location',
  'form.pickOnMap': 'Pick the place on a map', 'form.hideMap': 'Hide the map', 'form.picked': 'Picked: {lat}, {lng}', 'form.clearPoint': 'Clear',
  'form.address': 'Or type an address', 'form.addressHint': 'e.g. 822 Dongxin Rd, north gate', 'form.photos': 'Photos (up to 3)',
  'form.addPhoto': 'Add a photo', 'form.removePhoto': 'Remove', 'form.contact': 'Contact (optional, only for a call back)', 'form.name': 'Name',
  'form.phone': 'Phone', 'form.anonymous': 'Stay anonymous (no contact details)', 'form.privacy': 'Your phone number is stored encrypted; only the officer who calls you back can see it. Photo location data is removed.',
  'form.check': 'Security check', 'form.checking': 'Running the security check…', 'form.checked': 'Security check done', 'form.submit': 'Submit',
  'form.submitting': 'Submitting…', 'form.needWhere': 'Choose a project, pick a point on the map or type an address', 'form.uploading': 'Uploading photos…',
  'form.badPhone': 'Enter an 11-digit mobile or a landline number', 'form.tooShort': 'Please write at least 5 characters', 'form.failed': 'Not submitted: {msg}',
  'cat.noise': 'Noise', 'cat.dust': 'Dust', 'cat.traffic': 'Traffic', 'cat.safety': 'Safety', 'cat.damage': 'Property damage', 'cat.hours': 'Working hours', 'cat.other': 'Other',
  'done.title': 'We have your report', 'done.code': 'Your tracking code', 'done.keep': 'Keep this code or the link below: it shows the progress and lets you rate the answer. The code is shown only once.',
  'done.link': 'Progress link', 'done.copy': 'Copy', 'done.copied': 'Copied', 'done.view': 'See the progress',
  'track.title': 'Track a report', 'track.enter': 'Enter your tracking code', 'track.go': 'Track', 'track.notFound': 'No report has this code. Please check it.',
  'track.mine': 'Reports sent from this device',
  'status.title': 'Progress', 'status.expected': 'Due by', 'status.reply': 'Answer', 'status.timeline': 'What happened', 'status.your': 'Your report',
  'st.triage': 'Being assigned', 'st.received': 'Received', 'st.accepted': 'Accepted', 'st.processing': 'In hand', 'st.answered': 'Answered',
  'st.rejected': 'Not accepted', 'st.dismissed': 'Answered', 'st.closed': 'Closed',
  'tl.submitted': 'Report sent', 'tl.triaged': 'Assigned to a project', 'tl.accepted': 'Accepted by the commissioner', 'tl.rejected': 'Not accepted', 'tl.dispatched': 'Passed to {unit}',
  'tl.signed': 'Taken on by the unit', 'tl.answered': 'Answered; being checked', 'tl.sent-back': 'Answer not accepted; handled again', 'tl.closed': 'Done',
  'tl.rated': 'Your rating: {rating}', 'tl.reopened': 'Being handled again', 'tl.escalated': 'Put under supervision', 'tl.merged': 'Merged with a similar report', 'tl.withdrawn': 'Withdrawn',
  'tl.dismissed': 'Not a key-project matter',
  'rate.title': 'Rate the answer', 'rate.satisfied': 'Satisfied', 'rate.basically_satisfied': 'Mostly satisfied', 'rate.unsatisfied': 'Not satisfied',
  'rate.comment': 'Comment (optional)', 'rate.reopen': 'Not satisfied: ask for it to be handled again (once)', 'rate.submit': 'Send rating', 'rate.thanks': 'Thank you for your rating',
  'common.error': 'Something went wrong; please try again', 'common.retry': 'Retry', 'common.notFound': 'Page not found', 'common.home': 'Home', 'common.tooMany': 'Too many tries; wait a minute',
};
export type Key = keyof typeof zh;
const dicts: Record<Lang, typeof zh> = { 'zh-CN': zh, en };

let lang: Lang = (() => {
  try {
    return localStorage.getItem('portal.lang') === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
})();
const listeners = new Set<() => void>();

export function setLang(l: Lang) {
  lang = l;
  try {
    localStorage.setItem('portal.lang', l);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = l;
  for (const f of listeners) f();
}
export const getLang = () => lang;

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  return dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** Re-renders the caller when the language changes. */
export function useLang(): Lang {
  return useSyncExternalStore((f) => {
    listeners.add(f);
    return () => listeners.delete(f);
  }, () => lang);
}
export const dictionaries = dicts;
