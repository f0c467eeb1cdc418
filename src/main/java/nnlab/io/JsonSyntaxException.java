package nnlab.io;

/** A safetensors header that is not the JSON {@link JsonHeaderParser} accepts; the message says where and why. */
final class JsonSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The character index in the header text where the problem was found. */
    private final int position;

    JsonSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    int position() {
        return position;
    }
}
