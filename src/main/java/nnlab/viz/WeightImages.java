package nnlab.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import nnlab.tensor.Tensor;

/**
 * The weights of a linear classifier on images, one picture per class: row {@code k} of
 * {@code Linear(784, 10).weight} ({@code [10, 784]}) reshaped to 28 x 28 shows which pixels raise (red) or lower
 * (blue) the score of class {@code k}; for MNIST each row looks like a blurred template of its digit.
 *
 * <p>Colours use one symmetric scale for all tiles, {@code [-m, m]} with {@code m = max |w|}, white at 0, so tiles
 * can be compared. Any {@code [K, H*W]} with square {@code H*W} works (e.g. {@code [10, 1024]} for 32 x 32). Five
 * tiles per row, each pixel drawn as a 6 x 6 block by default.
 */
public final class WeightImages implements Figure {

    /** Default size in figure pixels of one weight. */
    public static final int DEFAULT_SCALE = 6;
    private static final int COLUMNS = 5;

    private final BufferedImage[] tiles;
    private final String[] names;
    private final float limit;
    private final TileGrid grid;

    private WeightImages(BufferedImage[] tiles, String[] names, float limit, int scale) {
        this.tiles = tiles;
        this.names = names;
        this.limit = limit;
        this.grid = new TileGrid(tiles.length, COLUMNS, tiles[0].getWidth() * scale);
    }

    /** Tiles of {@code weight [K, H*W]} captioned {@code 0, 1, ...}. */
    public static WeightImages of(Tensor weight) {
        return of(weight, null);
    }

    /**
     * Tiles of {@code weight}, captioned with {@code classNames}.
     *
     * @param weight     {@code [K, H*W]} with {@code H = W}, e.g. {@code [10, 784]}: one row per class
     * @param classNames one name per row, or {@code null} for {@code 0, 1, ...}
     * @throws IllegalArgumentException if {@code weight} is not 2-D with a square number of columns (a
     *                                  {@code [784, 10]} matrix gets the hint to transpose it)
     */
    public static WeightImages of(Tensor weight, String[] classNames) {
        FigureFiles.ensureHeadless();
        if (weight == null || weight.ndim() != 2 || weight.dim(0) == 0 || TileGrid.side(weight.dim(1)) < 1) {
            String got = weight == null ? "null" : Labels.shape(weight);
            String hint = weight != null && weight.ndim() == 2 && TileGrid.side(weight.dim(0)) > 0
                    ? "; this looks like [H*W, K]: pass weight.transpose()"
                    : "; pass Linear(784, 10).weight, shape [10, 784]";
            throw new IllegalArgumentException("expected a weight matrix [K, H*W] with one row per class and a square"
                    + " image size H*W (e.g. [10, 784]), got " + got + hint);
        }
        int k = weight.dim(0);
        int side = TileGrid.side(weight.dim(1));
        String[] names = Labels.classNames(classNames, k);
        float[] w = weight.toArray();
        float limit = 0;
        for (float v : w) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("weight has a non-finite value " + v
                        + "; training diverged (lower the learning rate) or the weights were not initialised");
            }
            limit = Math.max(limit, Math.abs(v));
        }
        BufferedImage[] tiles = new BufferedImage[k];
        for (int r = 0; r < k; r++) {
            tiles[r] = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < side * side; p++) {
                tiles[r].setRGB(p % side, p / side, Palette.diverging(w[r * side * side + p], limit));
            }
        }
        return new WeightImages(tiles, names, limit, DEFAULT_SCALE);
    }

    /** The symmetric colour limit {@code m = max |w|}: {@code -m} is darkest blue, {@code +m} darkest red. */
    public float limit() {
        return limit;
    }

    @Override
    public int width() {
        return grid.width();
    }

    @Override
    public int height() {
        return grid.height();
    }

    @Override
    public void paint(Graphics2D g) {
        grid.title(g, String.format(Locale.ROOT, "Weights per class (blue -%.3g, white 0, red +%.3g)", limit, limit));
        for (int i = 0; i < tiles.length; i++) {
            grid.tile(g, i, tiles[i], Palette.GRID, 1f);
            grid.caption(g, i, names[i], Palette.TEXT);
        }
    }
}
