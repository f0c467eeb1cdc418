package nnlab.viz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks on rendered figures: written PNGs read back, are the expected size and are not blank. */
final class RenderedImages {

    /** Fewer distinct colours than this means a blank or nearly blank picture (text alone gives many, anti-aliased). */
    static final int MIN_COLOURS = 16;
    /** Fraction of pixels that must differ from the white background. */
    static final double MIN_INK = 0.02;

    private RenderedImages() {
    }

    /** Saves {@code figure} as PNG in {@code dir}, reads it back with ImageIO and asserts it is a real picture. */
    static BufferedImage savedPngIsAPicture(Figure figure, Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".png");
        figure.savePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat("ImageIO could not read " + file, image, notNullValue());
        assertThat(image.getWidth(), is(figure.width()));
        assertThat(image.getHeight(), is(figure.height()));
        assertNotBlank(image);
        try (var files = Files.list(dir)) {
            assertThat("temporary files left behind", files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), is(true));
        }
        return image;
    }

    /** Saves {@code figure} as SVG in {@code dir} and asserts it is an SVG document with drawing in it. */
    static String savedSvgIsADrawing(Figure figure, Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".svg");
        figure.saveSvg(file);
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(svg.contains("<svg"), is(true));
        assertThat(svg.contains("</svg>"), is(true));
        assertThat("SVG has no shapes", count(svg, "<path") + count(svg, "<rect") + count(svg, "<image")
                + count(svg, "<polyline") + count(svg, "<line"), greaterThan(10));
        return svg;
    }

    static void assertNotBlank(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    ink++;
                }
            }
        }
        assertThat("distinct colours", colours.size(), greaterThanOrEqualTo(MIN_COLOURS));
        assertThat("fraction of non-white pixels", (double) ink / ((long) image.getWidth() * image.getHeight()),
                greaterThan(MIN_INK));
    }

    /** Number of times {@code needle} occurs in {@code text}. */
    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
