package nnlab.viz;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import nnlab.io.AtomicFile;

/** Rendering of {@link Figure}s to images and atomic PNG / SVG files; makes AWT headless before first use. */
final class FigureFiles {

    static {
        ensureHeadless();
    }

    private FigureFiles() {
    }

    /**
     * Sets {@code java.awt.headless=true} unless the property was set (to anything) already, so that plots render on
     * servers and in CI without a display. Must run before AWT initialises its graphics environment.
     */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Quality hints used for every rendering (anti-aliased shapes and text). */
    static void applyHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    static BufferedImage render(Figure figure) {
        BufferedImage image = new BufferedImage(figure.width(), figure.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            applyHints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, figure.width(), figure.height());
            figure.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    static void writePng(Figure figure, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(figure.toImage(), "png", bytes)) {
            throw new IOException("no PNG writer available in this JVM (javax.imageio); cannot save " + file);
        }
        writeBytes(file, bytes.toByteArray());
    }

    static void writeSvg(Figure figure, Path file) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        applyHints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, figure.width(), figure.height());
        figure.paint(g);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, figure.width(), figure.height()))
                .writeTo(bytes);
        writeBytes(file, bytes.toByteArray());
    }

    private static void writeBytes(Path file, byte[] bytes) throws IOException {
        AtomicFile.write(file, out -> {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
        });
    }
}
