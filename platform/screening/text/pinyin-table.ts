// Mandarin readings of the hanzi that make up most Chinese personal names (the ~250 commonest surnames
// and given-name characters) and company names (trade, industry, place words), one reading each: the
// one used in names. Written by hand to keep the engine offline and small; unknown hanzi pass through
// untransliterated and simply do not match. Format: "pinyin:characters" separated by spaces.
const TABLE = `
a:阿 ai:艾爱 an:安岸 ao:敖奥澳 ba:巴 bai:白柏百 ban:班 bang:邦 bao:包鲍宝保 bei:北贝 ben:本 bi:毕碧 bian:边卞
bin:斌彬滨宾 bing:冰兵炳 bo:博波伯舶 bu:卜布 cai:蔡才财材 can:灿 cang:苍 cao:曹 cen:岑 chai:柴 chan:产婵
chang:常昌长畅 chao:超朝潮 che:车 chen:陈晨辰 cheng:程成诚城承 chi:池迟驰 chong:崇 chu:褚楚初储出 chuan:川船传
chuang:创 chun:春纯 ci:慈 cong:丛聪 cui:崔翠 da:大达 dai:戴代 dan:丹 dang:党 dao:道 de:德 deng:邓登 di:狄迪地
dian:电店 diao:刁 ding:丁鼎 dong:董东冬 dou:窦 du:杜都 duan:段 dui:对 dun:敦 duo:多 e:娥 en:恩 er:尔 fa:发法
fan:范樊凡帆 fang:方房芳 fei:费飞菲 fen:芬 feng:冯凤峰丰锋枫 fu:付傅符富福复 gan:甘 gang:刚钢港 gao:高 ge:葛戈格
geng:耿 gong:龚宫巩公功工贡 gou:苟 gu:顾古谷 guan:关管冠 guang:光广 gui:桂贵 guo:郭国 hai:海 han:韩汉涵寒
hang:航杭 hao:郝浩豪好 he:何贺和河合 hei:黑 heng:恒衡 hong:洪红宏鸿虹 hou:侯厚 hu:胡湖虎 hua:华花化 huai:怀
huan:欢环 huang:黄皇 hui:辉慧惠汇 huo:霍火 ji:纪季吉姬计技基积集际 jia:贾家佳嘉 jian:建剑健坚简 jiang:蒋姜江
jiao:焦 jie:杰洁捷 jin:金晋进锦津靳 jing:景京静晶敬经 jiu:九久 ju:菊聚 juan:娟 jun:军君俊峻 kai:凯开 kang:康
ke:柯可科克 kong:孔空控 kou:寇口 kuang:邝矿 kun:坤 lai:赖来 lan:兰蓝岚 lang:郎朗 lao:劳 le:乐 lei:雷磊 leng:冷
li:李黎立丽利力莉理礼 lian:连莲联 liang:梁良亮 liao:廖辽料 lin:林琳霖临 ling:凌玲灵岭 liu:刘柳流 long:龙隆
lou:娄楼 lu:卢陆鲁路吕芦璐露禄 luan:栾 lun:伦 luo:罗骆洛 ma:马麻 mai:麦 man:曼满 mao:毛茂贸 mei:梅美煤 meng:孟蒙梦
mi:米 miao:苗缪 min:闵敏民 ming:明铭 mo:莫 mou:牟 mu:穆木牧 na:娜纳 nan:南楠 neng:能 ni:倪妮 nian:年 ning:宁
niu:牛 nong:农 ou:欧 pan:潘 pang:庞 pei:裴培 peng:彭鹏 pi:皮 pin:品 ping:平萍 pu:蒲浦 qi:齐戚祁琪启奇器气
qian:钱倩千 qiang:强 qiao:乔桥 qin:秦覃琴勤 qing:青清庆晴 qiu:邱秋仇 qu:曲屈瞿区 quan:全泉权 ran:冉然 rao:饶
ren:任仁 rong:荣蓉融 ru:如汝 ruan:阮 rui:瑞睿锐 run:润 san:三 sang:桑 sha:沙 shan:山善珊 shang:商尚上 shao:邵少绍
she:佘 shen:沈申深 sheng:盛生胜圣 shi:石史施时师世诗实市事 shou:寿 shu:舒淑书树属输 shuang:双 shun:顺 si:司思斯
song:宋松 su:苏素 sui:隋 sun:孙 tai:泰太台 tan:谭覃炭 tang:唐汤 tao:陶涛桃 teng:滕腾 tian:田天 tie:铁 ting:婷庭亭
tong:童佟通同桐 tou:投 tu:涂图 wan:万婉 wang:王汪旺网望 wei:魏韦卫伟威维薇 wen:温文 weng:翁 wo:沃 wu:吴武伍邬巫物
xi:席西喜熙希 xia:夏霞 xian:贤仙 xiang:向项祥香湘 xiao:肖萧晓小孝 xie:谢解 xin:辛新鑫欣信心 xing:邢星兴行 xiong:熊雄
xiu:秀修 xu:徐许旭 xuan:轩宣 xue:薛雪学 xun:寻 ya:雅亚 yan:杨闫严颜晏燕艳岩 yang:阳洋 yao:姚耀药 ye:叶业 yi:易义怡一艺毅医
yin:尹殷银 ying:应英颖莹营 yong:永勇 you:游尤友油 yu:于余俞喻虞宇雨玉渔鱼 yuan:袁苑元源远园 yue:岳月越 yun:云运
zang:臧 ze:泽 zeng:曾 zha:查 zhai:翟 zhan:詹展 zhang:张章 zhao:赵照 zhe:哲 zhen:甄郑振珍真 zheng:郑正政 zhi:志智置
zhong:钟仲中忠众重 zhou:周洲 zhu:朱祝竹珠筑 zhuang:庄 zhuo:卓 zi:子紫梓资 zong:宗 zou:邹 zuo:左
`;

// A character's reading differs in a few fixed words (行 is "xing" but 银行 is "yinhang").
export const PINYIN_WORDS: Record<string, string[]> = {
  银行: ['yin', 'hang'],
  重庆: ['chong', 'qing'],
  厦门: ['xia', 'men'],
  长沙: ['chang', 'sha'],
  有限: ['you', 'xian'],
  公司: ['gong', 'si'],
  股份: ['gu', 'fen'],
  集团: ['ji', 'tuan'],
  进出口: ['jin', 'chu', 'kou'],
  贸易: ['mao', 'yi'],
  中国: ['zhong', 'guo'],
  香港: ['xiang', 'gang'],
};

/** Surname readings that differ from the character's everyday reading. */
export const SURNAME_READINGS: Record<string, string> = { 单: 'shan', 曾: 'zeng', 解: 'xie', 仇: 'qiu', 区: 'ou', 乐: 'yue', 朴: 'piao' };

export const PINYIN: Map<string, string> = new Map();
for (const group of TABLE.trim().split(/\s+/)) {
  const [py, chars] = group.split(':');
  for (const ch of chars) if (!PINYIN.has(ch)) PINYIN.set(ch, py);
}
