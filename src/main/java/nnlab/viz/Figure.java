package nnlab.viz;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A picture of a fixed size in pixels that can be drawn on any {@link Graphics2D}, rendered to a
 * {@link BufferedImage}, and saved as PNG or SVG. Every plot in {@code nnlab.viz} is a {@code Figure}; the XChart
 * based ones also give access to their chart(s) for restyling.
 *
 * <p>Rendering works without a display: the first figure made sets {@code java.awt.headless=true} unless the
 * property was already set. Both save methods write atomically (see {@link nnlab.io.AtomicFile}): a reader sees the
 * old file or the complete new one, never a half-written image.
 */
public interface Figure {

    /** Width in pixels (PNG) or points (SVG). */
    int width();

    /** Height in pixels (PNG) or points (SVG). */
    int height();

    /** Draws the figure onto {@code g}, in the rectangle {@code [0, width()) x [0, height())}. */
    void paint(Graphics2D g);

    /** The figure rendered to an RGB image of {@code width() x height()} pixels, white background, anti-aliased. */
    default BufferedImage toImage() {
        return FigureFiles.render(this);
    }

    /**
     * Writes the figure as a PNG image to {@code file}, atomically.
     *
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    default void savePng(Path file) throws IOException {
        FigureFiles.writePng(this, file);
    }

    /**
     * Writes the figure as an SVG document to {@code file}, atomically. Lines and text stay vectors; pixel
     * rasters (weight tiles, decision regions) are embedded as images.
     *
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    default void saveSvg(Path file) throws IOException {
        FigureFiles.writeSvg(this, file);
    }
}
