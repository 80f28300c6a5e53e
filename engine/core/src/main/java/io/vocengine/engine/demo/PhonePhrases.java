package io.vocengine.engine.demo;

import java.util.List;

import static io.vocengine.engine.demo.Topic.neg;
import static io.vocengine.engine.demo.Topic.planted;
import static io.vocengine.engine.demo.Topic.pos;

/**
 * The phone brand 星耀 (taxonomy {@code phone}). Crash talk (quality.system.crash) is planted: its rate follows the
 * firmware-update spike of effect 6. Repair talk is planted too, so it appears only for customers who had a repair
 * and agrees with how long that repair took.
 */
final class PhonePhrases {
    static final String CRASH = "quality.system.crash";
    static final String REPAIR_SLOW = "after_sales.repair.slow";
    static final String REPAIR_FAST = "after_sales.repair";

    static final PhraseBank BANK = new PhraseBank(List.of(
            planted(CRASH, Sentiment.NEGATIVE,
                    "{微信|抖音|相机|王者}老是闪退",
                    "更新系统后{经常|老是}卡顿，{还会死机|还自动重启}",
                    "{用着用着|打电话的时候}突然黑屏，{只能强制重启|吓一跳}",
                    "{升级|更新}完就卡死，{太影响使用了|售后也说不清楚}",
                    "{刷视频|打游戏}{卡顿严重|老是卡顿}{P}",
                    "{一天|一晚上}自动重启{好几次|三四次}",
                    "新系统{bug太多|太不稳定}，{APP|应用}频繁闪退"),
            planted(REPAIR_SLOW, Sentiment.NEGATIVE,
                    "送去维修{半个月|一个月}{还没修好|才拿回来}",
                    "返厂等了{DAYS}天，{一点消息都没有|还要自己打电话催}",
                    "维修太慢了，{DAYS}天才{修好|拿到手}",
                    "售后{太慢|拖了好久}，{DAYS}天才给修好",
                    "返修拖了{DAYS}天，{备用机都没给|工作都耽误了}",
                    "维修{MILD}慢"),
            planted(REPAIR_FAST, Sentiment.POSITIVE,
                    "维修{很快|挺快的}，{DAYS}天就修好了",
                    "工程师{很专业|很耐心}，{当场就修好了|一次就解决了}",
                    "售后{效率很高|很给力}，{DAYS}天就拿到手了"),
            pos("x.quality.system.smooth", 6,
                    "用了{一个月|两个月}{没有闪退|一次都没卡过}",
                    "系统{很流畅|丝滑}，没有卡顿",
                    "打游戏{一点也不卡|很流畅}"),
            neg("purchase.preorder.out_of_stock", 4,
                    "首发根本抢不到，{一秒就没了|秒没}",
                    "到处缺货，黄牛还加价{五百|一千}",
                    "预约了{三次|好几次}都抢不到"),
            neg("purchase.delivery.late", 3,
                    "预售等太久了，{快一个月|二十多天}才{发货|拿到手机}",
                    "延迟发货{也不说一声|又不给补偿}"),
            neg("activation.failure", 2,
                    "新机激活失败，{折腾了一晚上|去门店才弄好}",
                    "{插卡后|开机}无法激活，{提示网络错误|一直转圈}"),
            neg("quality.screen.broken", 5,
                    "屏幕{有坏点|漏光|出现了花屏}",
                    "{轻轻掉了一下|从桌上滑下来}屏幕就碎了",
                    "屏幕{边缘|左下角}{有一条裂纹|裂了}"),
            pos("quality.screen.display", 8,
                    "屏幕显示{很细腻|很清晰|色彩很正}",
                    "屏幕{看视频很舒服|亮度够高}"),
            neg("quality.battery.drain", 8,
                    "续航差，{一天三充|半天就没电}",
                    "{耗电快|掉电快}得{离谱|吓人}，{刷会儿视频|打一局游戏}就掉{百分之二十|20%}",
                    "电池{不行|撑不住}，{下午就得充电|出门得带充电宝}"),
            pos("x.quality.battery.good", 8,
                    "续航{很顶|很给力}，{一天一充|重度使用也够一天}",
                    "电池{很耐用|挺耐用的}{P}"),
            neg("quality.battery.heat", 6,
                    "玩游戏{发烫|烫手}，{十分钟|半小时}就{热得不行|握不住}",
                    "充电的时候{发热|过热}{严重|明显}"),
            pos("x.quality.battery.cool", 3,
                    "玩游戏{一点也不发热|不怎么发烫}"),
            pos("x.camera", 10,
                    "拍照{很清晰|效果很好}，{夜景也很强|人像很自然}",
                    "{PRODUCT}的相机{INT}强{P}"),
            neg("x.camera", 4,
                    "拍照{一般|有点糊}，{夜景噪点多|对焦不准}"),
            pos("after_sales.advisor", 5,
                    "店员{很耐心|讲解很专业}",
                    "工作人员{态度很好|很热情}，{帮忙导了数据|还送了贴膜}"),
            neg("after_sales.advisor", 3,
                    "店员{爱答不理|态度很差}，{问什么都说不知道|一直推销保险}"),
            pos("x.design", 8,
                    "{外观|手感}{很高级|很好}，{PRODUCT}{颜值在线|拿着很舒服}",
                    "{PRODUCT}{INT}轻薄{P}"),
            pos("x.price", 5,
                    "性价比{很高|不错}{P}"),
            neg("x.price", 4,
                    "价格{偏高|有点贵}，{配置不值这个价|同价位别家更香}")),
            List.of("换了{PRODUCT}一个月了", "入手{PRODUCT}两周", "用了一段时间了", "说实话", "作为星耀老粉", "给家人买的"),
            List.of("推荐入手", "值得买", "很满意", "五星好评"),
            List.of("后悔买了", "不推荐", "再也不买星耀了", "太失望了"),
            List.of("总体还行", "还算满意吧", "一般般"),
            List.of("@星耀手机", "@星耀客服", "#星耀X10#"), 2);

    private PhonePhrases() {
    }
}
