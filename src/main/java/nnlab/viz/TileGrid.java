package nnlab.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Layout shared by {@link WeightImages} and {@link SampleGrid}: square pixel tiles in rows, a caption under each. */
final class TileGrid {

    static final int PAD = 10;
    static final int CAPTION = 18;
    static final int TITLE = 28;
    static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    final int count;
    final int columns;
    final int rows;
    final int tile;

    TileGrid(int count, int maxColumns, int tile) {
        this.count = count;
        this.columns = Math.min(count, maxColumns);
        this.rows = (count + columns - 1) / columns;
        this.tile = tile;
    }

    int width() {
        return PAD + columns * (tile + PAD);
    }

    int height() {
        return TITLE + rows * (tile + CAPTION + PAD) + PAD;
    }

    int x(int i) {
        return PAD + (i % columns) * (tile + PAD);
    }

    int y(int i) {
        return TITLE + (i / columns) * (tile + CAPTION + PAD);
    }

    void title(Graphics2D g, String text) {
        g.setFont(TITLE_FONT);
        g.setColor(Palette.TEXT);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (width() - fm.stringWidth(text)) / 2, TITLE - 9);
    }

    /** Draws {@code image} scaled (nearest neighbour, crisp pixels) into tile {@code i} with a thin frame. */
    void tile(Graphics2D g, int i, BufferedImage image, Color frame, float frameWidth) {
        g.drawImage(image, x(i), y(i), tile, tile, null);
        g.setColor(frame);
        g.setStroke(new java.awt.BasicStroke(frameWidth));
        g.drawRect(x(i), y(i), tile, tile);
    }

    void caption(Graphics2D g, int i, String text, Color color) {
        g.setFont(CAPTION_FONT);
        g.setColor(color);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x(i) + (tile - fm.stringWidth(text)) / 2, y(i) + tile + CAPTION - 4);
    }

    /** Side of a square image with {@code pixels} pixels, or -1 if {@code pixels} is not a square number. */
    static int side(int pixels) {
        int s = (int) Math.round(Math.sqrt(pixels));
        return s * s == pixels ? s : -1;
    }
}
