package io.vocengine.engine.demo;

import java.util.List;

import static io.vocengine.engine.demo.Topic.neg;
import static io.vocengine.engine.demo.Topic.pos;

/** The restaurant chain 蜀香阁 (taxonomy {@code restaurant}, AI Challenger-style aspects). No planted topics. */
final class RestaurantPhrases {
    static final PhraseBank BANK = new PhraseBank(List.of(
            neg("service.wait_time", 6,
                    "排队{排了|等了}{一个多小时|四十分钟}",
                    "等位{太久|要两个小时}，{服务员也不安排|饿坏了}"),
            pos("service.wait_time", 3,
                    "{工作日|中午}去{不用排队|没怎么等位}"),
            pos("service.waiters_attitude", 10,
                    "服务员{很热情|态度特别好}，{主动帮忙加汤|还送了小菜}",
                    "老板娘{人很好|很热情}{P}"),
            neg("service.waiters_attitude", 6,
                    "服务态度{太差了|很冷漠}，{叫了几次都没人理|上错菜还不认}"),
            neg("service.serving_speed", 5,
                    "上菜{太慢了|慢得要命}，{等了半小时|一道菜等了四十分钟}"),
            pos("service.serving_speed", 4,
                    "上菜{很快|挺快的|也不算慢}"),
            neg("service.parking", 2,
                    "停车{不方便|很难找车位}"),
            pos("service.parking", 2,
                    "有停车场，停车{很方便|免费两小时}"),
            neg("price.level", 5,
                    "人均{两百多|一百五}，{价格偏高|有点贵}"),
            pos("price.cost_effective", 7,
                    "性价比{很高|不错}，{团购很划算|分量对得起价格}"),
            pos("price.discount", 3,
                    "{团购|代金券}{很划算|很实惠}"),
            pos("environment.decoration", 5,
                    "装修{很有特色|风格很雅致}{P}"),
            neg("environment.noise", 3,
                    "{环境|店里}{太吵|很嘈杂}，{说话都听不见|像菜市场}"),
            neg("environment.cleanliness", 4,
                    "卫生{堪忧|一般}，{桌子油腻腻的|碗筷不干净}"),
            pos("environment.cleanliness", 4,
                    "环境{干净|很干净}，{桌椅整洁|餐具都消毒了}"),
            pos("dish.taste", 16,
                    "{毛血旺|酸菜鱼|鲜毛肚}{味道很正宗|很好吃|口感很嫩}",
                    "口味{很棒|偏辣但很香}{P}"),
            neg("dish.taste", 7,
                    "{味道|口味}{一般|偏咸|很难吃}，{和以前比差远了|不值这个价}"),
            pos("dish.portion", 5,
                    "分量{很足|实在}{P}"),
            neg("dish.portion", 4,
                    "分量{太少|越来越少}，{一盘就几片|吃不饱}"),
            pos("dish.look", 4,
                    "摆盘{很精致|好看}，{拍照很出片|卖相很好}"),
            pos("location.traffic", 3,
                    "交通方便，{地铁站出来就是|离地铁站很近}"),
            neg("location.easy_to_find", 2,
                    "{位置|店}不好找，{导航绕了半天|在巷子里面}"),
            pos("dish.recommendation", 5,
                    "{招牌|必点}{毛血旺|酸菜鱼}{强烈推荐|一定要点}")),
            List.of("{周末|昨天|今天中午}和{朋友|家人|同事}来吃", "第{二|三}次来了", "{朋友|同事}推荐来的", "说实话"),
            List.of("还会再来", "下次再来", "还会光顾", "推荐"),
            List.of("不会再来了", "再也不来了", "避雷"),
            List.of("一般般吧", "还行", "看情况再来"),
            List.of("@蜀香阁", "#蜀香阁#", "#吃货日常#"), 2);

    private RestaurantPhrases() {
    }
}
