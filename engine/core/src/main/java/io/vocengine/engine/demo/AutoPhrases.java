package io.vocengine.engine.demo;

import java.util.List;

import static io.vocengine.engine.demo.Topic.neg;
import static io.vocengine.engine.demo.Topic.planted;
import static io.vocengine.engine.demo.Topic.pos;

/**
 * The car dealer network of 远航汽车 (taxonomy {@code auto}). The starter taxonomy has no slow-repair node, so the
 * repair topics carry informal labels; they are planted so that repair talk matches the customer's real repair.
 */
final class AutoPhrases {
    static final String REPAIR_SLOW = "x.repair.slow";
    static final String REPAIR_FAST = "x.repair.fast";

    static final PhraseBank BANK = new PhraseBank(List.of(
            planted(REPAIR_SLOW, Sentiment.NEGATIVE,
                    "维修等配件{等了|足足等了}{DAYS}天，{车一直趴在店里|也没给代步车}",
                    "{保养|维修}{太慢了|拖了好久}，{DAYS}天才提到车",
                    "售后效率{太低|太慢}，{DAYS}天了{还没修好|才通知取车}",
                    "维修{MILD}慢"),
            planted(REPAIR_FAST, Sentiment.POSITIVE,
                    "{保养|维修}{很快|效率高}，{一上午就弄好了|等了一小时就好了}",
                    "售后{服务很到位|很专业}，{DAYS}天就修好了"),
            neg("sales.dealer.pressure", 5,
                    "提车被强制加装{三千多|五千}的{装潢|精品}",
                    "4S店{捆绑销售|收金融服务费}，{不买不给提车|太坑了}",
                    "加价提车{两万|一万五}，{吃相太难看|无语}"),
            pos("sales.dealer", 6,
                    "销售顾问{很专业|很热情}，{讲解很细致|没有套路}",
                    "4S店{服务周到|环境不错}，{提车很顺利|交车仪式很用心}"),
            neg("after_sales.maintenance.overcharge", 4,
                    "保养乱收费，{一次小保养|换个机油}收了{一千多|八百}",
                    "{小病大修|收费不透明}，{明明换个零件就行|清单都不给看}"),
            neg("quality.noise", 6,
                    "底盘有异响，{过减速带|低速}{咯噔咯噔的|特别明显}",
                    "{高速|一百二以上}风噪大，{胎噪也很明显|说话都得提高音量}",
                    "方向盘有共振{P}"),
            pos("x.quality.noise.quiet", 4,
                    "开了{半年|一年}没有异响",
                    "隔音{很好|不错}，{高速上也很安静|没什么风噪}"),
            neg("quality.smell", 4,
                    "车内异味{太大|很重}，{开窗跑了一个月还有|坐久了头晕}",
                    "{甲醛味|味道刺鼻}，{新车放了两个月还有|不敢给孩子坐}"),
            neg("quality.intermittent", 5,
                    "低速{有顿挫|顿挫感明显}",
                    "{仪表盘|中控}故障灯{亮了|老是亮}，{去店里也查不出来|检测说没问题}",
                    "{等红灯|怠速}时{熄火了两次|车身抖动}"),
            pos("experience.power", 8,
                    "动力{很充沛|够用}，{超车很轻松|加速很猛}"),
            neg("experience.power", 3,
                    "动力{MILD}弱，{高速超车吃力|满载爬坡费劲}"),
            pos("experience.space", 8,
                    "空间{很大|宽敞}，后排{坐三个人也不挤|能翘二郎腿}"),
            pos("experience.fuel", 6,
                    "油耗{很低|挺省}，{百公里六个油|市区也就八个油}"),
            neg("experience.fuel", 4,
                    "油耗{偏高|太高了}，{市区要十二个油|跟宣传差太多}"),
            pos("experience.exterior", 8,
                    "外观{好看|颜值很高}，{回头率高|很大气}"),
            pos("experience.comfort", 6,
                    "座椅{很舒服|包裹性好}，{长途不累|乘坐舒适}"),
            pos("experience.configuration", 5,
                    "车机{很流畅|反应快}，导航{很准|好用}"),
            neg("experience.configuration", 4,
                    "车机{反应慢|经常卡}，{导航也不准|语音识别很差}"),
            neg("experience.interior", 3,
                    "内饰用料{一般|有点廉价}，{硬塑料很多|做工粗糙}"),
            pos("experience.price", 4,
                    "落地价{很实在|比预期低}，{优惠力度大|送了不少东西}")),
            List.of("提车{一个月|半年|一年}了", "开了{三千|一万}公里", "说实话", "作为{新手|老司机}", "说说{PRODUCT}的真实感受"),
            List.of("推荐购买", "总体满意", "值得入手"),
            List.of("后悔买了", "慎重考虑", "大家避雷"),
            List.of("总体还行", "有优点也有缺点", "中规中矩"),
            List.of("@远航汽车", "#远航S7#", "@远航汽车客服"), 2);

    private AutoPhrases() {
    }
}
