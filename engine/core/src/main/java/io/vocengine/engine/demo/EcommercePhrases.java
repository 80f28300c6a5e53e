package io.vocengine.engine.demo;

import java.util.List;

import static io.vocengine.engine.demo.Topic.neg;
import static io.vocengine.engine.demo.Topic.planted;
import static io.vocengine.engine.demo.Topic.pos;

/**
 * The online shop (taxonomy {@code ecommerce}). Planted topics use the words of logistics.speed.slow and
 * logistics.packaging.damaged; everything else is written so that it never hits those two nodes, which keeps
 * effects 2 and 3 measurable from the text alone.
 */
final class EcommercePhrases {
    static final String SLOW_DELIVERY = "logistics.speed.slow";
    static final String PACKAGING_DAMAGED = "logistics.packaging.damaged";
    static final String FAST_DELIVERY = "logistics.speed.fast";
    static final String PACKAGING_GOOD = "logistics.packaging.good";

    static final PhraseBank BANK = new PhraseBank(List.of(
            planted(SLOW_DELIVERY, Sentiment.NEGATIVE,
                    "物流太慢了，{WAIT}天才到",
                    "发货慢得要死，等了{WAIT}天{|才收到}",
                    "快递{INT}慢，{WAIT}天才送到",
                    "下单{WAIT}天了才到货，物流{也太慢了|慢得离谱|真是龟速}",
                    "说好的两天到，结果{WAIT}天才到，物流太慢",
                    "迟迟不发货，{问了客服才给发|催了才发出来}",
                    "好几天才到，配送{太慢|超慢}了{P}",
                    "物流慢{到怀疑人生|得不行|得离谱}",
                    "配送慢，{等了好久|催了好几次}",
                    "快递慢吞吞的，{WAIT}天才到手",
                    "一直不发货，{急用的东西|都快等不及了}",
                    "物流{INT}慢，{WAIT}天了{才到|才送上门}"),
            planted(PACKAGING_DAMAGED, Sentiment.NEGATIVE,
                    "快递把盒子压扁了，里面的东西也摔坏了",
                    "盒子都压扁了，里面的{PRODUCT}也摔坏了",
                    "包装破损{严重|得厉害|太严重了}，{PRODUCT}都{磕坏了|变形了}",
                    "外包装破损，{纸箱|箱子}都烂了",
                    "收到的时候箱子破了{一个大洞|好几处}",
                    "盒子压扁了，{PRODUCT}{也摔坏了|上全是划痕}",
                    "包装{太|也太}简陋了，{箱子|盒子}{压坏了|都变形了}",
                    "包裹到手{就是破的|直接破了}",
                    "纸箱{都|全}湿了还破了，{东西漏了|里面一塌糊涂}",
                    "{PRODUCT}外包装破损，{像被人踩过一样|明显被摔过}",
                    "包装破了，{东西撒了一地|里面的东西也磕坏了}",
                    "快递盒{压扁|压坏}了，{PRODUCT}{都不敢用|送人都拿不出手}"),
            new Topic(FAST_DELIVERY, Sentiment.POSITIVE, 8, false, List.of(
                    "物流{INT}快，第二天就到了",
                    "次日达，{INT}给力",
                    "发货{很快|迅速|神速}{P}",
                    "当天到，{太|好}快了",
                    "物流{不算慢|一点也不慢}",
                    "快递{超快|很快}，{下单隔天就收到了|比预想的早}")),
            new Topic(PACKAGING_GOOD, Sentiment.POSITIVE, 7, false, List.of(
                    "包装{很严实|完好无损|很仔细}",
                    "包装没有破损，{东西完好|放心了}",
                    "{盒子|外包装}{很精美|很结实}，送人{很有面子|正合适}",
                    "包装完好，{PRODUCT}一点没磕碰")),
            pos("logistics.courier", 3,
                    "快递小哥态度很好，{还帮忙搬上楼|打电话提前通知}",
                    "送货员{很有礼貌|很负责}{P}"),
            pos("quality.good", 14,
                    "质量{很好|不错|过硬}，{做工精细|手感扎实}",
                    "{PRODUCT}{很好用|用着很顺手}，质量不错",
                    "做工{INT}精细，{没有线头|细节处理得很好}",
                    "品质{很好|没得说}，{PRODUCT}{比想象中好|超出预期}"),
            pos("price.value", 10,
                    "性价比高{P}",
                    "{物美价廉|很划算|超值}，{活动价入手的|用了优惠券买的}",
                    "这个价格{很实惠|太值了}"),
            pos("authenticity.genuine", 5,
                    "是正品，{放心|验过了}",
                    "正品{无疑|没问题}，{会一直支持|买得放心}"),
            pos("service.attitude", 6,
                    "客服态度{很好|特别耐心}，{有问必答|解答得很详细}",
                    "售后态度{很好|不错}，{很快就处理了|主动帮我换了}"),
            pos("returns.exchange", 3,
                    "退货很方便，{上门取件|运费险全包}",
                    "七天无理由{退换货|退货}很顺利"),
            pos("x.quality.appearance", 6,
                    "{颜色|款式}{INT}好看，{和图片一样|实物更漂亮}",
                    "{PRODUCT}{颜值很高|设计很简约}{P}"),
            neg("service.response.slow", 6,
                    "客服半天不回消息",
                    "找不到客服，{打电话也没人接|留言没人回复}",
                    "客服不理人，{问什么都不回|只会发自动回复}"),
            neg("service.attitude", 4,
                    "客服态度{太差了|很敷衍}，{爱答不理的|说话很冲}"),
            neg("returns.refund.delayed", 5,
                    "申请退款{一周|十天}了还没到账",
                    "{商家|店家}拒绝退款，{理由一堆|说是人为损坏}",
                    "退款不到账，{催了几次了|客服一直说在处理}"),
            neg("price.expensive", 6,
                    "价格{有点贵|偏高}，{不值这个价|性价比一般}",
                    "{刚买就降价了|买完就降价}，{价保也不给|心塞}"),
            neg("authenticity.fake", 3,
                    "感觉{是假货|不是正品}，{做工|标志}跟专柜的不一样",
                    "{高仿|山寨}的吧，{和官网图片差太多|味道都不对}"),
            neg("quality.defect", 12,
                    "质量{太差了|很一般}，{用几天就坏|才用两次就坏了}",
                    "做工粗糙，{线头很多|有瑕疵}",
                    "{PRODUCT}用了{三天|没多久}就坏了",
                    "品质{INT}差，{PRODUCT}{一股塑料味|掉色严重}"),
            neg("quality.mismatch", 6,
                    "{有色差|和图片不一样}，{实物颜色偏暗|差别挺大}",
                    "发错货了，下单的是{白色|大号}",
                    "货不对板，{申请退货了|很失望}")),
            List.of("收到了", "{PRODUCT}收到了", "第二次买了", "用了一段时间了来评价", "说实话", "怎么说呢", "总的来说",
                    "帮{家里人|朋友}买的", "{双十一|618活动}买的", "第一次在这家买"),
            List.of("会回购的", "推荐购买", "五星好评", "满意", "下次还来这家", "值得入手"),
            List.of("差评", "不会再买了", "大家别买", "太失望了", "已经申请退货"),
            List.of("总体还行吧", "凑合用", "中规中矩", "给个中评"),
            List.of("@优选生活馆", "#优选生活馆#", "@优选生活馆官方旗舰店"), 1);

    private EcommercePhrases() {
    }
}
