/**
 * {@code /trend QUERY [vs:QUERY] [period:90d|1y|all] [by:week|month]}: how many papers matching a
 * query the digests listed per week or month, as a chart. The counts come from the store's
 * {@link io.paperboy.store.PaperStore#countPerPeriod}; the chart is drawn by XChart, headless, into
 * a PNG whose every text uses the bundled Noto Sans CJK KR subset ({@link io.paperboy.bot.trend.ChartFont}),
 * so Korean labels render on machines without a Hangul font; the answer carries it as a
 * {@link io.paperboy.core.message.Block.Attachment} with a sparkline text version for the console.
 */
package io.paperboy.bot.trend;
