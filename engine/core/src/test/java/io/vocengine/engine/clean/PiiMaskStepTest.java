package io.vocengine.engine.clean;

import io.vocengine.engine.TestEngines;
import io.vocengine.engine.model.CleanText;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.PiiMask;
import io.vocengine.engine.model.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PiiMaskStepTest {
    private final CleanStage cleaner = new CleanStage(CleanStage.defaultSteps(), CleanStage.defaultChecks(), 10000);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PHONE     | 快递员电话13812345678态度很差              | 13812345678
            PHONE     | 有问题打我手机 138-1234-5678，谢谢          | 138-1234-5678
            PHONE     | 联系方式：+86 139 1234 5678 晚上别打        | +86 139 1234 5678
            PHONE     | 😡😡退款找我0086-15912345678               | 0086-15912345678
            PHONE     | 客户手机１３８１２３４５６７８一直打不通       | １３８１２３４５６７８
            PHONE     | 👍电话8618612345678                       | 8618612345678
            LANDLINE  | 门店电话010-62345678没人接                 | 010-62345678
            LANDLINE  | 座机（０２１）５５６６７７８８一直占线         | （０２１）５５６６７７８８
            LANDLINE  | 售后座机0755-86012345-806，周末不接         | 0755-86012345-806
            LANDLINE  | 他家电话075586012345打了三次               | 075586012345
            ID_CARD   | 身份证号11010519491231002X被泄露了          | 11010519491231002X
            ID_CARD   | 我的身份证440306199003071232，请保密        | 440306199003071232
            ID_CARD   | 实名信息 320502198511204568 填错了          | 320502198511204568
            ID_CARD   | 😡身份证尾号不对11010519491231002x           | 11010519491231002x
            BANK_CARD | 退款到卡号6222021234567894吧               | 6222021234567894
            BANK_CARD | 银行卡 4367 4201 2345 6781 已经挂失         | 4367 4201 2345 6781
            BANK_CARD | 请打到6217001234567890122（工行）           | 6217001234567890122
            BANK_CARD | 信用卡5212-3456-7890-1234扣了两次款          | 5212-3456-7890-1234
            EMAIL     | 发票发到zhang.san@example.com就行           | zhang.san@example.com
            EMAIL     | 邮箱：abc_123@qq.com，请查收                | abc_123@qq.com
            EMAIL     | 😀联系ｔｅｓｔ＠１６３．ｃｏｍ谢谢               | ｔｅｓｔ＠１６３．ｃｏｍ
            PLATE     | 车牌京A12345那辆车一直堵门                  | 京A12345
            PLATE     | 粤B·D12345停在门口                         | 粤B·D12345
            PLATE     | 沪C 8H123 的车刮了我的车                    | 沪C 8H123
            PLATE     | 川a-12345号车送货太慢                       | 川a-12345
            WECHAT    | 加我微信abc_12345详聊                       | abc_12345
            WECHAT    | vx：Tom-2024x 私聊                          | Tom-2024x
            WECHAT    | 微信号是zhangsan 有事找我                    | zhangsan
            WECHAT    | 加V 13812345678领优惠券                     | 13812345678
            WECHAT    | 威信：wxid_abc123                          | wxid_abc123
            QQ        | 有问题联系QQ：123456789                      | 123456789
            QQ        | 扣扣 10086123 找我退款                       | 10086123
            QQ        | 我的q号是5201314                            | 5201314
            NAME      | 客服张伟态度很差                             | 张伟
            NAME      | 店员李娜帮我换了货                            | 李娜
            NAME      | 王先生您好，东西收到了                        | 王
            NAME      | 联系了经理陈晓明，他说会退款                   | 陈晓明
            NAME      | 🙏工号8823的客服王芳很耐心                     | 王芳
            """)
    void personalDataIsMaskedAndItsSpanIsExactlyThePiiInTheRawText(String type, String raw, String pii) {
        CleanText c = cleaner.clean(raw);
        assertEquals(1, c.pii().size(), () -> "masks " + c.pii() + " in " + c.text());
        PiiMask mask = c.pii().get(0);
        assertEquals(type, mask.type());
        assertEquals(PiiMaskStep.placeholder(type), mask.placeholder());
        assertTrue(c.text().contains(mask.placeholder()), c.text());
        assertEquals(pii, mask.raw().of(raw));
        int at = c.text().indexOf(mask.placeholder());
        assertEquals(mask.raw(), c.toRaw(at, at + mask.placeholder().length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"身份证110105194912310021写错一位", "卡号6222021234567895退款", "身份证110105194913310027月份不对",
            "卡号 6222 0212 3456 7895 不对"})
    void invalidChecksumsAndDatesAreNotMasked(String raw) {
        assertEquals(List.of(), cleaner.clean(raw).pii());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "iPhone 15 Pro Max 256G 用着不错", "小米14 Ultra拍照很好", "RTX4090显卡太贵了", "Model Y 试驾体验很好",
            "SKU-12345一直缺货", "型号XY-X10-256 好用", "¥2999买的，不值", "2999元太贵了", "原价1,299.00现价999",
            "订单号202405011234567890还没发货", "订单号6222021234567894一直没发货", "运单号：11010519491231002X查不到",
            "快递单号 SF1234567890 查不到", "圆通YT1234567890123到了", "京东JD0012345678901物流很快",
            "订单 13812345678 已签收", "2024-05-01下单", "2024年5月1日到货", "20240501买的", "10:30才送到",
            "256G内存够用", "5000mAh电池很耐用", "65W快充很快", "v1.2.3版本有bug", "HarmonyOS 4.0 更新后卡顿",
            "打12315投诉了", "12345热线没用", "客服热线400-123-4567一直占线", "打4008123123没人接", "800-820-8820",
            "等了3天", "第2次买了", "用了18个月就坏了", "微信支付很方便", "QQ音乐会员12个月", "新RTX4090显卡到了",
            "新iPhone16很好看", "小米客服很耐心", "华为客服电话一直占线", "师傅手艺不错", "这位先生人很好",
            "尺码XL 175/92A 偏大", "电压220V 50Hz", "2K屏 144Hz 刷新率", "i7-13700H 处理器", "骁龙8 Gen3发热",
            "蔚来ES6续航不错", "序列号C02XK0ABJGH5", "价格从3999降到3599", "13.8元一斤", "快递员态度很差",
            "粤语客服听不懂", "1080P 分辨率"})
    void productsPricesOrdersDatesVersionsAndHotlinesAreNeverMasked(String raw) {
        assertEquals(List.of(), cleaner.clean(raw).pii(), raw);
    }

    @Test
    void textWithoutDigitsAtSignOrNameContextIsLeftAloneCheaply() {
        assertNull(new PiiMaskStep().apply("这个手机用了一个月，电池续航不错，就是屏幕有点偏黄，总体满意。"));
    }

    @Test
    void caseFoldingKeepsPlaceholdersAsWritten() {
        CleanText c = cleaner.clean("邮箱ABC@EXAMPLE.COM和IPHONE");
        assertEquals("邮箱⟨EMAIL⟩和iphone", c.text());
    }

    @Test
    void taggingWorksAroundPlaceholders() {
        List<String> plain = tags("快递员态度很差");
        assertFalse(plain.isEmpty());
        assertEquals(plain, tags("快递员电话13812345678态度很差"));
    }

    private static List<String> tags(String text) {
        return TestEngines.shared().analyse(Feedback.of("1", text)).tagging().tags().stream().map(Tag::nodeId).toList();
    }

    @Test
    void theNameGateKeepsHanLpOffTextsThatCannotHoldAName() {
        assertFalse(PiiMaskStep.mayHoldName("客服态度很好，师傅人也不错"));
        assertTrue(PiiMaskStep.mayHoldName("客服小王态度差"));
        assertTrue(PiiMaskStep.mayHoldName("客服：李娜处理得很快"));
        assertTrue(PiiMaskStep.mayHoldName("谢谢欧阳先生"));
    }
}
