/**
 * The embedded demo dataset: {@code voc demo} runs without any external data by generating realistic synthetic
 * Chinese feedback plus the operational records behind it, with effects of known size planted in both.
 *
 * <h2>Files written by {@link io.vocengine.engine.demo.DemoDataGenerator#generate(java.nio.file.Path)}</h2>
 * <ul>
 *   <li>{@code feedback.jsonl} — the ingest contract: id, text, channel (review|complaint|survey|chat|social),
 *       source, createdAt (UTC instant), customerId, orderId, product (SKU), store, region, rating (reviews, 1–5),
 *       nps (surveys, 0–10), metadata {domain, productName, survey}. Fields that do not apply are omitted.</li>
 *   <li>{@code customers.csv} — customer_id, tier (A = 高价值, B = 中价值, C = 普通), annual_value_cny, region,
 *       signup_date</li>
 *   <li>{@code orders.csv}, {@code deliveries.csv} (e-commerce only; wait_days = delivered − ordered),
 *       {@code repairs.csv} (phones and cars; at most one per customer), {@code nps.csv} (feedback_id names the
 *       survey line holding the comment, empty when there is none)</li>
 *   <li>{@code effects.json} — every planted effect: description (zh, en), parameters, how to measure it, the
 *       expected size and what this dataset realised</li>
 * </ul>
 * CSV dates are China (Asia/Shanghai) calendar dates; createdAt instants convert to them at UTC+8.
 *
 * <h2>Planted effects</h2>
 * Sizes live in {@link io.vocengine.engine.demo.PlantedEffects}: damaged parcels cut 90-day reorders to 0.7×;
 * late deliveries (wait &gt; 3 days) draw slow-delivery complaints at 3× (6% → 18%); damaged parcels draw
 * packaging-damage complaints at 60% vs 1%; NPS after repairs longer than 7 days averages 5.2 vs 8.2; tier A is
 * worth 10× tier C; phone crash talk is 4× its usual share for four weeks after a firmware update.
 *
 * <h2>How it is built</h2>
 * {@code OpsModel} makes the records; per-domain phrase banks
 * ({@code EcommercePhrases}, {@code PhonePhrases}, {@code AutoPhrases}, {@code RestaurantPhrases}) hold what
 * customers say, in the starter taxonomies' words; {@code TextComposer} builds sentences from them,
 * {@code NoiseInjector} adds the mess of real data, {@code FeedbackFactory} turns records into feedback items and
 * {@code DemoWriters} streams the files.
 */
package io.vocengine.engine.demo;
