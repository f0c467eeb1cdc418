package nnlab.nn.layers;

import java.math.BigDecimal;

/** Numbers written as PyTorch prints them in a module's repr, so that {@code toString()} reads like PyTorch's. */
final class PythonRepr {

    private PythonRepr() {
    }

    /** A double as Python's {@code repr} writes it: {@code 1e-05}, {@code 0.1}, {@code 1.0}, {@code 1e+20}. */
    static String ofFloat(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        if (exp >= -4 && exp < 16) {
            String plain = new BigDecimal(s).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
        return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
}
