package dev.synwarm.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.synwarm.sys.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a figure as PNG (painted at {@link FigureStyle#PNG_SCALE}) and SVG, atomically. A figure of
 * several panels is laid out left to right, then top to bottom, {@code columns} per row.
 */
public final class FigureFiles {
    private FigureFiles() {}

    public static List<Path> save(Path dir, String name, List<? extends Chart<?, ?>> panels, int columns) throws IOException {
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");

        double s = FigureStyle.PNG_SCALE;
        BufferedImage img = new BufferedImage((int) (w * cols * s), (int) (h * rows * s), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.scale(s, s);
        paint(g, panels, cols, w, h);
        g.dispose();
        AtomicFile.write(png, out -> ImageIO.write(img, "png", out));

        VectorGraphics2D vg = new VectorGraphics2D();
        paint(vg, panels, cols, w, h);
        Document doc = new SVGProcessor().getDocument(vg.getCommands(), new PageSize(0, 0, w * cols, h * rows));
        AtomicFile.write(svg, doc::writeTo);
        return List.of(png, svg);
    }

    private static void paint(Graphics2D g, List<? extends Chart<?, ?>> panels, int cols, int w, int h) {
        for (int i = 0; i < panels.size(); i++) {
            Graphics2D panel = (Graphics2D) g.create((i % cols) * w, (i / cols) * h, w, h);
            panels.get(i).paint(panel, w, h);
            panel.dispose();
        }
    }
}
