package io.vocengine.engine.clean;

import io.vocengine.engine.model.Flag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vocengine.engine.clean.CheckCases.assertFlagged;
import static io.vocengine.engine.clean.CheckCases.assertNotFlagged;
import static io.vocengine.engine.clean.CheckCases.flags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamAdCheckTest {
    private final SpamAdCheck check = new SpamAdCheck();

    @Test
    void adsAreFlagged() {
        assertFlagged(check, Flag.SPAM_AD, List.of(
                "加微信 vx8899 领红包",
                "代购正品私聊",
                "好评返现加V：shop2025",
                "点击 http://t.cn/A6x9Kq 领取优惠券",
                "兼职刷单日结，加QQ 2893345",
                "https://dwz.cn/7Fk2aQ 超低价清仓",
                "好评！招代理，日赚300不是梦",
                "宝贝很好，需要的私信我",
                "高仿名牌包包低价出，私我",
                "复制这段描述₤Ab12Cd34Ef₤打开淘宝",
                "咨询请加威信 abc12345",
                "www.haohuo888.com 全场五折",
                "免费领取小样，扫码进群",
                "薇信：tb6688a 详情加我",
                "有意者联系我，货源充足",
                "新款上架，全国包邮，点击链接抢购",
                "需要的朋友可以联系我，价格好说",
                "花呗取现秒到账，不查征信"));
    }

    @Test
    void complaintsAndOrdinaryReviewsAreNotFlagged() {
        assertNotFlagged(check, List.of(
                "说好的好评返现没给，差评",
                "卖家让我加微信退款，折腾半天",
                "这家店评论全是刷单的，别信",
                "用了优惠券很划算，下次还来",
                "微信支付很方便，物流也快",
                "是代购的吗？包装有点旧",
                "客服说返现会在三天内到账",
                "在jd.com上买的，比实体店便宜",
                "质疑刷单，好评都是刷出来的",
                "很好",
                "iPhone的屏幕很好，就是发热",
                "发票发到邮箱zhangwei@163.com，一直没收到",
                "兼职快递员态度还行",
                "666",
                "哈哈哈",
                "5月21日入住，房间很大，服务不错",
                "前台电话打不通 网站导航 联系我们 关于携程",
                "送外卖的态度极差，电话：13241080757",
                "#武汉加油# http://t.cn/R2Wx8U5 荆门",
                "618促销领券便宜了几百块，旗舰店发货快，满减也划算",
                "只好又专门出去取现，附近没有银行"));
    }

    @Test
    void evidenceIsTheAdInTheRawText() {
        String raw = "东西不错。加微信 vx8899 领红包";
        Flag f = flags(check, raw).getFirst();
        List<String> evidence = f.evidence().stream().map(s -> s.of(raw)).toList();
        assertEquals(List.of("加微信 vx8899", "领红包"), evidence);
        assertTrue(f.reason().contains("contact solicitation") && f.reason().contains("promotion"), f.reason());
    }
}
