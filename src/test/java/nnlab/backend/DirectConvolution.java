package nnlab.backend;

/** The convolution definition as seven nested loops, used as an independent oracle in tests. */
final class DirectConvolution {

    private DirectConvolution() {
    }

    /** {@code y[n][o][oy][ox] = bias[o] + sum_{c,i,j} w[o][c][i][j] * x[n][c][oy*s - p + i*d][ox*s - p + j*d]}. */
    static float[] forward(ConvGeometry g, int batch, int outChannels, float[] x, float[] w, float[] bias) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        float[] y = new float[batch * outChannels * outH * outW];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        double s = bias == null ? 0 : bias[o];
                        for (int c = 0; c < g.channels(); c++) {
                            for (int i = 0; i < g.kernelH(); i++) {
                                for (int j = 0; j < g.kernelW(); j++) {
                                    int yy = oy * g.strideH() - g.padH() + i * g.dilationH();
                                    int xx = ox * g.strideW() - g.padW() + j * g.dilationW();
                                    if (yy >= 0 && yy < g.height() && xx >= 0 && xx < g.width()) {
                                        s += w[((o * g.channels() + c) * g.kernelH() + i) * g.kernelW() + j]
                                                * x[((n * g.channels() + c) * g.height() + yy) * g.width() + xx];
                                    }
                                }
                            }
                        }
                        y[((n * outChannels + o) * outH + oy) * outW + ox] = (float) s;
                    }
                }
            }
        }
        return y;
    }
}
