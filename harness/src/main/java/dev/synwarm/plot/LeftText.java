package dev.synwarm.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A text label whose left end (not its centre, as XChart's AnnotationText) sits at a data point, so labels
 * at x = 0 stay inside the plot; or, {@code endingAt}, whose right end does, for labels near the right
 * edge. Its baseline sits at y.
 */
final class LeftText extends Annotation {
    private final String text;
    private final double x;
    private final double y;
    private final boolean endingAt;

    LeftText(String text, double x, double y) {
        this(text, x, y, false);
    }

    LeftText(String text, double x, double y, boolean endingAt) {
        super(false);
        this.text = text;
        this.x = x;
        this.y = y;
        this.endingAt = endingAt;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(styler.getAnnotationTextFontColor());
        g.setFont(styler.getAnnotationTextFont());
        TextLayout layout = new TextLayout(text, styler.getAnnotationTextFont(), g.getFontRenderContext());
        float sx = endingAt ? (float) (getXAxisScreenValue(x) - 4 - layout.getAdvance()) : getXAxisScreenValue(x) + 4;
        float sy = getYAxisScreenValue(y);
        layout.draw(g, sx, sy);
        bounds = layout.getBounds();
        bounds.setRect(sx, sy - bounds.getHeight(), bounds.getWidth(), bounds.getHeight());
    }
}
