package nnlab.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import nnlab.tensor.Tensor;

/**
 * A grid of example images with their labels, and optionally the model's predictions: a correct prediction is
 * captioned with its class in green; a wrong one in red, as {@code "3 (true 5)"}, with a red frame around the
 * image. Each image is shown in grey from its own minimum (black) to its maximum (white), so normalised inputs
 * ({@code (x - mean) / std}) display as well as raw {@code [0, 1]} pixels.
 *
 * <p>Images: {@code [N, 1, H, W]}, {@code [N, H, W]} or {@code [N, H*W]} with {@code H = W} (MNIST:
 * {@code [N, 784]}). Eight images per row, each pixel drawn as a 3 x 3 block.
 */
public final class SampleGrid implements Figure {

    private static final int COLUMNS = 8;
    private static final int SCALE = 3;

    private final BufferedImage[] images;
    private final String[] captions;
    private final boolean[] wrong;
    private final boolean withPredictions;
    private final TileGrid grid;

    private SampleGrid(BufferedImage[] images, String[] captions, boolean[] wrong, boolean withPredictions) {
        this.images = images;
        this.captions = captions;
        this.wrong = wrong;
        this.withPredictions = withPredictions;
        this.grid = new TileGrid(images.length, COLUMNS, images[0].getWidth() * SCALE);
    }

    /**
     * A grid of {@code images}.
     *
     * @param images     {@code [N, 1, H, W]}, {@code [N, H, W]} or {@code [N, H*W]}, square images, {@code N >= 1}
     * @param labels     the true class of each image ({@code N} entries)
     * @param predicted  the model's class for each image ({@code N} entries), or {@code null} to show labels only
     * @param classNames names of the classes, or {@code null} for {@code 0, 1, ...}
     * @throws IllegalArgumentException if the images are not square or labels / predictions do not have
     *                                  {@code N} entries
     */
    public static SampleGrid of(Tensor images, int[] labels, int[] predicted, String[] classNames) {
        FigureFiles.ensureHeadless();
        int n = images == null || images.ndim() < 2 ? 0 : images.dim(0);
        int pixels = n == 0 ? 0 : images.numel() / n;
        int side = TileGrid.side(pixels);
        boolean shapeOk = n > 0 && side > 0 && (images.ndim() == 2
                || (images.ndim() == 3 && images.dim(1) == side)
                || (images.ndim() == 4 && images.dim(1) == 1 && images.dim(2) == side));
        if (!shapeOk) {
            throw new IllegalArgumentException("expected grey square images [N, 1, H, W], [N, H, W] or [N, H*W] with"
                    + " N >= 1, got " + (images == null ? "null" : Labels.shape(images))
                    + "; for colour images show one channel, for a data set pass dataset.all().inputs()");
        }
        if (labels == null || labels.length != n || (predicted != null && predicted.length != n)) {
            throw new IllegalArgumentException("expected " + n + " labels" + (predicted == null ? "" : " and " + n
                    + " predictions") + ", one per image, got " + (labels == null ? "null" : labels.length)
                    + (predicted == null ? "" : " and " + predicted.length));
        }
        float[] d = images.toArray();
        BufferedImage[] tiles = new BufferedImage[n];
        String[] captions = new String[n];
        boolean[] wrong = new boolean[n];
        for (int i = 0; i < n; i++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < pixels; p++) {
                lo = Math.min(lo, d[i * pixels + p]);
                hi = Math.max(hi, d[i * pixels + p]);
            }
            tiles[i] = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < pixels; p++) {
                tiles[i].setRGB(p % side, p / side, Palette.grey(d[i * pixels + p], lo, hi));
            }
            String label = name(classNames, labels[i]);
            if (predicted == null) {
                captions[i] = label;
            } else {
                wrong[i] = predicted[i] != labels[i];
                captions[i] = wrong[i] ? name(classNames, predicted[i]) + " (true " + label + ")" : label;
            }
        }
        return new SampleGrid(tiles, captions, wrong, predicted != null);
    }

    /** Number of images whose prediction differs from the label (0 without predictions). */
    public int mistakes() {
        int m = 0;
        for (boolean w : wrong) {
            m += w ? 1 : 0;
        }
        return m;
    }

    @Override
    public int width() {
        return Math.max(grid.width(), 360);
    }

    @Override
    public int height() {
        return grid.height();
    }

    @Override
    public void paint(Graphics2D g) {
        grid.title(g, withPredictions ? "Predictions (" + mistakes() + " of " + images.length + " wrong, in red)"
                : "Samples with labels");
        for (int i = 0; i < images.length; i++) {
            Color color = !withPredictions ? Palette.TEXT : wrong[i] ? Palette.WRONG : Palette.RIGHT;
            grid.tile(g, i, images[i], wrong[i] ? Palette.WRONG : Palette.GRID, wrong[i] ? 3f : 1f);
            grid.caption(g, i, captions[i], color);
        }
    }

    private static String name(String[] classNames, int c) {
        return classNames == null ? Integer.toString(c) : Labels.name(classNames, c);
    }
}
