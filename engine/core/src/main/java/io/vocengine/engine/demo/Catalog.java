package io.vocengine.engine.demo;

import java.util.List;

/** What is sold and where: products per domain, cities with their districts, and store names. Pure data. */
final class Catalog {
    /**
     * @param shortName what customers call it in text ({PRODUCT} slot)
     * @param main      a main purchase (a phone, a car) rather than an add-on (a charger)
     */
    record Product(String sku, String name, String shortName, int priceCny, boolean main) {
    }

    record City(String name, double weight, List<String> districts) {
    }

    static final List<City> CITIES = List.of(
            new City("上海", 14, List.of("徐汇", "浦东")), new City("北京", 13, List.of("朝阳", "海淀")),
            new City("广州", 10, List.of("天河", "越秀")), new City("深圳", 10, List.of("南山", "福田")),
            new City("杭州", 8, List.of("西湖", "滨江")), new City("成都", 8, List.of("锦江", "高新")),
            new City("武汉", 7, List.of("江汉", "洪山")), new City("南京", 7, List.of("鼓楼", "江宁")),
            new City("重庆", 6, List.of("渝中", "江北")), new City("西安", 6, List.of("雁塔", "碑林")),
            new City("苏州", 6, List.of("姑苏", "园区")), new City("长沙", 5, List.of("岳麓", "天心")));

    static final double[] CITY_WEIGHTS = CITIES.stream().mapToDouble(City::weight).toArray();

    private static final List<Product> ECOMMERCE = List.of(
            new Product("EC-CUP-500", "不锈钢保温杯 500ml", "保温杯", 129, true),
            new Product("EC-BED-4P", "纯棉四件套", "四件套", 299, true),
            new Product("EC-FRY-55", "空气炸锅 5.5L", "空气炸锅", 399, true),
            new Product("EC-DISH-12", "玻璃餐具套装", "餐具", 189, true),
            new Product("EC-SHMP-750", "控油洗发水 750ml", "洗发水", 69, true),
            new Product("EC-EAR-BT5", "蓝牙耳机", "耳机", 259, true),
            new Product("EC-SHOE-R2", "轻量跑步鞋", "跑步鞋", 459, true),
            new Product("EC-DOWN-W1", "女款羽绒服", "羽绒服", 899, true),
            new Product("EC-LAMP-L1", "护眼台灯", "台灯", 219, true),
            new Product("EC-BSKT-3", "桌面收纳筐", "收纳筐", 59, true));
    private static final List<Product> PHONE = List.of(
            new Product("XY-X10-256", "星耀 X10 256G", "X10", 3999, true),
            new Product("XY-X10P-512", "星耀 X10 Pro 512G", "X10 Pro", 5999, true),
            new Product("XY-N8-128", "星耀 Note 8 128G", "Note 8", 1999, true),
            new Product("XY-A5-128", "星耀 A5 128G", "A5", 1299, true),
            new Product("XY-CHG-65", "星耀 65W 充电器", "充电器", 149, false),
            new Product("XY-BUDS-2", "星耀 Buds 2", "耳机", 399, false));
    private static final List<Product> AUTO = List.of(
            new Product("YH-S7-2025", "远航 S7 2025款", "S7", 159_800, true),
            new Product("YH-L9-EV", "远航 L9 EV", "L9", 259_800, true),
            new Product("YH-M3-15T", "远航 M3 1.5T", "M3", 109_800, true));
    private static final List<Product> RESTAURANT = List.of(
            new Product("SX-SET-2", "双人套餐", "双人套餐", 268, true),
            new Product("SX-SET-4", "四人家庭套餐", "家庭套餐", 468, true),
            new Product("SX-MXW", "招牌毛血旺", "毛血旺", 88, true),
            new Product("SX-SCY", "酸菜鱼", "酸菜鱼", 98, true),
            new Product("SX-MD", "鲜毛肚", "毛肚", 58, true));

    private Catalog() {
    }

    static List<Product> products(Domain domain) {
        return switch (domain) {
            case ECOMMERCE -> ECOMMERCE;
            case PHONE -> PHONE;
            case AUTO -> AUTO;
            case RESTAURANT -> RESTAURANT;
        };
    }

    static List<Product> mainProducts(Domain domain) {
        return products(domain).stream().filter(Product::main).toList();
    }

    static List<Product> addOns(Domain domain) {
        return products(domain).stream().filter(p -> !p.main()).toList();
    }

    /**
     * The store a customer deals with: their city's branch for physical businesses, the shop on the platform the
     * feedback came from for e-commerce. {@code service} picks the phone service centre instead of the retail store.
     */
    static String store(Domain domain, City city, int district, String source, boolean service) {
        String where = city.name() + city.districts().get(district);
        return switch (domain) {
            case ECOMMERCE -> switch (source) {
                case "tmall" -> "优选生活馆天猫旗舰店";
                case "jd" -> "优选生活馆京东旗舰店";
                default -> "优选生活馆官方APP";
            };
            case PHONE -> "星耀" + where + (service ? "服务中心" : "体验店");
            case AUTO -> "远航" + where + "4S店";
            case RESTAURANT -> "蜀香阁(" + where + "店)";
        };
    }
}
