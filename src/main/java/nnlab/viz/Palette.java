package nnlab.viz;

import java.awt.Color;

/** Colours shared by the plots: a ten-class qualitative palette and a blue-white-red diverging map. */
final class Palette {

    /** Matplotlib's {@code tab10}, so class colours match what students see in PyTorch tutorials. */
    private static final Color[] CLASSES = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    static final Color WRONG = new Color(0xd62728);
    static final Color RIGHT = new Color(0x2ca02c);
    static final Color TEXT = new Color(0x222222);
    static final Color GRID = new Color(0xbbbbbb);

    private Palette() {
    }

    /** Colour of class {@code c} (cycles after ten classes). */
    static Color classColor(int c) {
        return CLASSES[Math.floorMod(c, CLASSES.length)];
    }

    /** {@code color} mixed with white: {@code t = 0} gives white, {@code t = 1} the colour itself. */
    static Color tint(Color color, double t) {
        double s = Math.max(0, Math.min(1, t));
        return new Color(mix(255, color.getRed(), s), mix(255, color.getGreen(), s), mix(255, color.getBlue(), s));
    }

    /**
     * Diverging colour of {@code v} in {@code [-limit, limit]}: negative blue, zero white, positive red (matplotlib's
     * {@code bwr}); values outside the range are clamped.
     */
    static int diverging(float v, float limit) {
        double t = limit > 0 ? Math.max(-1, Math.min(1, v / limit)) : 0;
        Color end = t < 0 ? new Color(0x2166ac) : new Color(0xb2182b);
        return tint(end, Math.abs(t)).getRGB();
    }

    /** Grey level of {@code v} in {@code [lo, hi]}: {@code lo} black, {@code hi} white. */
    static int grey(float v, float lo, float hi) {
        int level = hi > lo ? (int) Math.round(255 * Math.max(0, Math.min(1, (v - lo) / (hi - lo)))) : 0;
        return new Color(level, level, level).getRGB();
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
