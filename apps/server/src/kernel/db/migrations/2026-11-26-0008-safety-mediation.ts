import type { Kysely } from 'kysely';
import { newId } from '../../ids.js';

/**
 * The default checklist: the groups of 建筑施工安全检查标准 (JGJ 59-2011) that commissioners walk on Hangzhou sites.
 * Major items are the ones the Ministry's 重大事故隐患判定标准 (建质规〔2022〕2号) names: they stop work until re-inspected.
 */
const DEFAULT_ITEMS: [category: string, text: string, severity: 'general' | 'major', basis: string | null][] = [
  ['临边防护', '楼层、屋面、阳台等临边设置防护栏杆（上杆1.2m、下杆0.6m）并满挂密目安全网', 'major', 'JGJ 80-2016 4.1'],
  ['临边防护', '楼梯口、电梯井口设置防护门或栏杆，电梯井内每隔两层且不大于10m设一道安全平网', 'major', 'JGJ 80-2016 4.2'],
  ['临边防护', '边长≥1.5m的预留洞口四周设防护栏杆并满挂安全平网', 'major', 'JGJ 80-2016 4.2.1'],
  ['临边防护', '进出建筑物的通道口搭设双层防护棚', 'general', 'JGJ 59-2011 3.13'],
  ['临边防护', '基坑周边设置不低于1.2m的防护栏杆及排水沟', 'general', 'JGJ 59-2011 3.11'],
  ['脚手架与防护网', '脚手架有专项施工方案，超过一定规模的经专家论证', 'major', '建办质〔2018〕31号'],
  ['脚手架与防护网', '立杆基础平整坚实，设置底座、垫板和纵横向扫地杆', 'general', 'JGJ 130-2011 6.3'],
  ['脚手架与防护网', '连墙件按方案设置，数量和间距符合规范', 'major', 'JGJ 130-2011 6.4'],
  ['脚手架与防护网', '作业层脚手板满铺且固定可靠，设挡脚板和防护栏杆', 'general', 'JGJ 130-2011 7.3'],
  ['脚手架与防护网', '架体外侧采用密目式安全网全封闭', 'general', 'JGJ 59-2011 3.3'],
  ['脚手架与防护网', '脚手架经验收合格并挂验收合格牌', 'general', 'JGJ 130-2011 8.1'],
  ['起重机械', '塔式起重机安装单位具有相应资质，经检测合格并办理使用登记', 'major', '建设部令第166号'],
  ['起重机械', '力矩限制器、起重量限制器、高度与幅度限位装置齐全有效', 'major', 'JGJ 196-2010'],
  ['起重机械', '施工升降机防坠安全器在有效标定期内，层门联锁可靠', 'major', 'JGJ 215-2010'],
  ['起重机械', '司机、信号司索工持证上岗，群塔作业有防碰撞措施', 'general', 'JGJ 59-2011 3.16'],
  ['起重机械', '钢丝绳、吊钩等吊索具无断丝变形，在报废标准以内使用', 'general', 'GB/T 5972-2023'],
  ['临时用电', '采用TN-S接零保护系统，三级配电两级漏电保护', 'major', 'JGJ 46-2005 5.1'],
  ['临时用电', '实行“一机、一闸、一漏、一箱”', 'general', 'JGJ 46-2005 8.1'],
  ['临时用电', '配电箱、开关箱有门有锁、有防雨措施，标识清楚', 'general', 'JGJ 46-2005 8.1'],
  ['临时用电', '电缆无老化破损，不沿地面明敷或拖地', 'general', 'JGJ 46-2005 7.2'],
  ['临时用电', '外电线路安全距离符合要求或有防护措施', 'major', 'JGJ 46-2005 4.1'],
  ['消防', '设置消防通道和消防水源，配备足量有效的灭火器', 'general', 'GB 50720-2011 5.1'],
  ['消防', '动火作业办理动火审批，配备监护人和灭火器材', 'major', 'GB 50720-2011 6.3'],
  ['消防', '易燃易爆物品分类存放，专人管理', 'general', 'GB 50720-2011 6.2'],
  ['消防', '宿舍、办公区与作业区分开设置，宿舍内无违规用电', 'major', 'GB 50720-2011 3.2'],
  ['扬尘', '施工现场围挡连续封闭，主要路段高度不低于2.5m', 'general', '杭州市建设工程扬尘防治规定'],
  ['扬尘', '主要道路及加工区硬化，裸露土方覆盖', 'general', '杭州市建设工程扬尘防治规定'],
  ['扬尘', '出入口设车辆冲洗设施，车辆不带泥上路', 'general', '杭州市建设工程扬尘防治规定'],
  ['扬尘', '建筑垃圾及时清运，高处垃圾采用封闭管道或容器吊运', 'general', 'JGJ 146-2013'],
  ['夜间施工', '22时至次日6时施工持有夜间施工证明并公示', 'general', '杭州市环境噪声管理条例'],
  ['夜间施工', '夜间作业照明充足，危险部位设置警示灯', 'general', 'JGJ 59-2011'],
  ['夜间施工', '高噪声设备夜间停止作业或采取降噪措施', 'general', 'GB 12523-2011'],
  ['安全管理', '危险性较大的分部分项工程有专项方案并按方案施工', 'major', '住建部令第37号'],
  ['安全管理', '作业前进行安全技术交底，特种作业人员持证上岗', 'general', 'JGJ 59-2011 3.1'],
];

/** Safety supervision (inspections, hazards, stop-work) and dispute mediation (parties, sessions, agreements). */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = 'bigint' as const;
  const id = (t: any) => t.addColumn('id', 'varchar(64)', (c: any) => c.primaryKey());
  const stamps = (t: any) => t.addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c: any) => c.notNull()).addColumn('updated_at', ts, (c: any) => c.notNull());

  await stamps(id(db.schema.createTable('inspection_templates'))
    .addColumn('name', 'varchar(100)', (c: any) => c.notNull())
    .addColumn('description', 'text', (c: any) => c.notNull())
    .addColumn('is_active', 'integer', (c: any) => c.notNull())).execute();
  await id(db.schema.createTable('inspection_template_items'))
    .addColumn('template_id', 'varchar(64)', (c: any) => c.notNull().references('inspection_templates.id'))
    .addColumn('position', 'integer', (c: any) => c.notNull())
    .addColumn('category', 'varchar(40)', (c: any) => c.notNull())
    .addColumn('text', 'text', (c: any) => c.notNull())
    .addColumn('severity', 'varchar(10)', (c: any) => c.notNull())
    .addColumn('basis', 'varchar(200)')
    .execute();
  await db.schema.createIndex('inspection_template_items_template').on('inspection_template_items').columns(['template_id', 'position']).execute();

  await stamps(id(db.schema.createTable('inspections'))
    .addColumn('project_id', 'varchar(64)', (c: any) => c.notNull().references('projects.id'))
    .addColumn('template_id', 'varchar(64)', (c: any) => c.notNull().references('inspection_templates.id'))
    .addColumn('template_name', 'varchar(100)', (c: any) => c.notNull())
    .addColumn('status', 'varchar(12)', (c: any) => c.notNull())
    .addColumn('inspector_id', 'varchar(64)', (c: any) => c.notNull().references('users.id'))
    .addColumn('inspected_at', ts, (c: any) => c.notNull())
    .addColumn('location', 'varchar(200)')
    .addColumn('summary', 'text')
    .addColumn('contractor_unit_id', 'varchar(64)', (c: any) => c.references('units.id'))
    .addColumn('contractor_signer_name', 'varchar(40)')
    .addColumn('inspector_signature_id', 'varchar(64)')
    .addColumn('contractor_signature_id', 'varchar(64)')
    .addColumn('notice_number', 'varchar(40)', (c: any) => c.unique())
    .addColumn('submitted_at', ts)).execute();
  await db.schema.createIndex('inspections_project').on('inspections').columns(['project_id', 'status', 'inspected_at']).execute();

  await id(db.schema.createTable('inspection_items'))
    .addColumn('inspection_id', 'varchar(64)', (c: any) => c.notNull().references('inspections.id'))
    .addColumn('position', 'integer', (c: any) => c.notNull())
    .addColumn('category', 'varchar(40)', (c: any) => c.notNull())
    .addColumn('text', 'text', (c: any) => c.notNull())
    .addColumn('severity', 'varchar(10)', (c: any) => c.notNull())
    .addColumn('basis', 'varchar(200)')
    .addColumn('result', 'varchar(6)')
    .addColumn('note', 'text')
    .addColumn('photo_id', 'varchar(64)')
    .addColumn('rectify_by', ts)
    .addColumn('case_id', 'varchar(64)', (c: any) => c.references('cases.id'))
    .execute();
  await db.schema.createIndex('inspection_items_inspection').on('inspection_items').columns(['inspection_id', 'position']).execute();
  await db.schema.createIndex('inspection_items_case').on('inspection_items').column('case_id').execute();

  // Gapless document numbers per district, kind (整改通知书, 调解协议书) and year: bumped in the issuing transaction.
  await db.schema.createTable('document_counters')
    .addColumn('district_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_counters_pk', ['district_id', 'kind', 'year'])
    .execute();

  // 停工整改: set by an inspection with a major hazard, lifted once every major hazard case is closed.
  await db.schema.createTable('project_safety')
    .addColumn('project_id', 'varchar(64)', (c) => c.primaryKey().references('projects.id'))
    .addColumn('stop_work', 'integer', (c) => c.notNull())
    .addColumn('since', ts)
    .addColumn('inspection_id', 'varchar(64)')
    .addColumn('lifted_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_safety_stop').on('project_safety').column('stop_work').execute();

  await db.schema.createTable('disputes')
    .addColumn('case_id', 'varchar(64)', (c) => c.primaryKey().references('cases.id'))
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('risk', 'varchar(10)', (c) => c.notNull())
    .addColumn('mediator_id', 'varchar(64)', (c) => c.references('users.id'))
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('issues', 'text', (c) => c.notNull())
    .addColumn('settle_by', 'varchar(10)', (c) => c.notNull())
    .addColumn('settled_at', ts)
    .addColumn('judicial_state', 'varchar(16)', (c) => c.notNull())
    .addColumn('judicial_reminded_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disputes_mediator').on('disputes').column('mediator_id').execute();

  await id(db.schema.createTable('dispute_parties'))
    .addColumn('case_id', 'varchar(64)', (c: any) => c.notNull().references('disputes.case_id'))
    .addColumn('position', 'integer', (c: any) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c: any) => c.notNull())
    .addColumn('name', 'varchar(100)', (c: any) => c.notNull())
    .addColumn('phone_sealed', 'text')
    .addColumn('phone_masked', 'varchar(40)')
    .addColumn('address', 'varchar(200)')
    .addColumn('representative', 'varchar(40)')
    .execute();
  await db.schema.createIndex('dispute_parties_case').on('dispute_parties').columns(['case_id', 'position']).execute();

  await id(db.schema.createTable('mediation_sessions'))
    .addColumn('case_id', 'varchar(64)', (c: any) => c.notNull().references('disputes.case_id'))
    .addColumn('held_at', ts, (c: any) => c.notNull())
    .addColumn('place', 'varchar(200)', (c: any) => c.notNull())
    .addColumn('mediator_name', 'varchar(40)', (c: any) => c.notNull())
    .addColumn('attendees', 'text', (c: any) => c.notNull())
    .addColumn('statements', 'text', (c: any) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c: any) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('recorded_by', 'varchar(64)', (c: any) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_sessions_case').on('mediation_sessions').columns(['case_id', 'held_at']).execute();

  await db.schema.createTable('mediation_agreements')
    .addColumn('case_id', 'varchar(64)', (c) => c.primaryKey().references('disputes.case_id'))
    .addColumn('number', 'varchar(40)', (c) => c.unique())
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('committee_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('issues', 'text', (c) => c.notNull())
    .addColumn('responsibilities', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('performance_method', 'text', (c) => c.notNull())
    .addColumn('perform_by', 'varchar(10)', (c) => c.notNull())
    .addColumn('signed_on', 'varchar(10)')
    .addColumn('signed_copy_id', 'varchar(64)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('dispute_callbacks'))
    .addColumn('case_id', 'varchar(64)', (c: any) => c.notNull().references('disputes.case_id'))
    .addColumn('called_on', 'varchar(10)', (c: any) => c.notNull())
    .addColumn('performance', 'varchar(16)', (c: any) => c.notNull())
    .addColumn('note', 'text', (c: any) => c.notNull())
    .addColumn('recorded_by', 'varchar(64)', (c: any) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('dispute_callbacks_case').on('dispute_callbacks').columns(['case_id', 'called_on']).execute();

  const now = Date.now();
  const templateId = newId();
  await db.insertInto('inspection_templates').values({
    id: templateId, name: '房屋建筑工程施工现场安全检查表', description: '依据《建筑施工安全检查标准》(JGJ 59-2011) 及重大事故隐患判定标准编制，适用于在建房屋建筑工程日常巡查。',
    is_active: 1, version: 1, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('inspection_template_items').values(DEFAULT_ITEMS.map(([category, text, severity, basis], i) => ({
    id: newId(), template_id: templateId, position: i + 1, category, text, severity, basis,
  }))).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
