package dev.synwarm.plot;

import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One look for every figure: sizes, fonts, the colour of each mode (Okabe–Ito, readable by colour-blind
 * readers and in greyscale by marker), the marker of each protocol. Figures build their charts here.
 */
public final class FigureStyle {
    public static final int WIDTH = 820;
    public static final int HEIGHT = 560;
    /** Scatter plots with many legend entries keep their legend outside, right of a wider plot. */
    public static final int WIDE = 1060;
    /** Bitmaps are painted at this scale so that they stay sharp in a two-column paper. */
    public static final double PNG_SCALE = 2.0;

    private static final String FONT = Font.SANS_SERIF;
    static final Font TITLE = new Font(FONT, Font.BOLD, 18);
    static final Font AXIS_TITLE = new Font(FONT, Font.PLAIN, 18);
    static final Font TICKS = new Font(FONT, Font.PLAIN, 16);
    static final Font LEGEND = new Font(FONT, Font.PLAIN, 15);
    static final Font NOTE = new Font(FONT, Font.PLAIN, 15);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MODEL = new Color(0x44, 0x44, 0x44);

    static final BasicStroke SOLID = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 4f}, 0f);
    static final BasicStroke THIN = new BasicStroke(1.4f);

    private FigureStyle() {}

    public static Color color(Mode m) {
        return switch (m) {
            case COLD -> new Color(0xD5, 0x5E, 0x00); // vermillion
            case SYN_PORT -> new Color(0x00, 0x72, 0xB2); // blue
            case SYN_OPTION -> new Color(0x56, 0xB4, 0xE9); // sky blue
            case SNI -> new Color(0xE6, 0x9F, 0x00); // orange
            case WARM -> new Color(0x00, 0x9E, 0x73); // bluish green
        };
    }

    public static Marker marker(Mode m) {
        return switch (m) {
            case COLD -> SeriesMarkers.SQUARE;
            case SYN_PORT -> SeriesMarkers.CIRCLE;
            case SYN_OPTION -> SeriesMarkers.DIAMOND;
            case SNI -> SeriesMarkers.TRIANGLE_UP;
            case WARM -> SeriesMarkers.TRIANGLE_DOWN;
        };
    }

    public static Marker marker(Protocol p) {
        return switch (p) {
            case HTTP -> SeriesMarkers.CIRCLE;
            case TLS13 -> SeriesMarkers.SQUARE;
            case TLS12 -> SeriesMarkers.DIAMOND;
        };
    }

    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** An XY chart with the common style; the axis titles must carry units. */
    static XYChart xyChart(String title, String xTitle, String yTitle) {
        return xyChart(WIDTH, HEIGHT, title, xTitle, yTitle);
    }

    static XYChart xyChart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        apply(chart.getStyler());
        chart.getStyler().setMarkerSize(9);
        return chart;
    }

    static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(INK);
        s.setPlotGridLinesColor(GRID);
        s.setChartFontColor(INK);
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(AXIS_TITLE);
        s.setAxisTickLabelsFont(TICKS);
        s.setLegendFont(LEGEND);
        s.setLegendBorderColor(GRID);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 225));
        if (!(s instanceof org.knowm.xchart.style.HeatMapStyler)) { // heat maps keep their legend outside
            s.setLegendPosition(Styler.LegendPosition.InsideNW);
        }
        s.setLegendSeriesLineLength(28);
        s.setAnnotationTextFont(NOTE);
        s.setAnnotationTextFontColor(INK);
        s.setAnnotationLineColor(MODEL);
        s.setAnnotationLineStroke(DOTTED);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
    }
}
