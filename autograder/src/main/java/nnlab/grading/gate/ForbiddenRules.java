package nnlab.grading.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The committed signature file {@value #RESOURCE} (next to this class), read once: its text for forbiddenapis and
 * each signature's message, so that a reported use can be traced back to its rule.
 *
 * <p>The parser follows forbiddenapis' format (see the file's header) and is stricter: every signature must have
 * a message, a signature may appear only once, and {@code @defaultMessage} is the only directive.
 */
final class ForbiddenRules {

    /** The signature file's name, a class-path resource in this package. */
    static final String RESOURCE = "student-forbidden.txt";

    private static final String DEFAULT_MESSAGE = "@defaultMessage";
    private static final ForbiddenRules BUNDLED = load(RESOURCE);

    private final String text;
    private final Map<String, Rule> bySignature;
    private final List<Rule> classRules;

    private ForbiddenRules(String text, Map<String, Rule> bySignature) {
        this.text = text;
        this.bySignature = Collections.unmodifiableMap(bySignature);
        this.classRules = bySignature.values().stream().filter(Rule::isClassRule).toList();
    }

    /** One signature of the file and its message for students. */
    record Rule(String signature, String message) {

        /** Whether the rule names classes (a class or a package pattern), not a method or field. */
        boolean isClassRule() {
            return signature.indexOf('#') < 0;
        }

        /** Whether the rule is a package or name pattern ({@code *}, {@code **}, {@code ?}). */
        boolean isPattern() {
            return signature.indexOf('*') >= 0 || signature.indexOf('?') >= 0;
        }

        /** Whether this class rule forbids the class with binary name {@code className} itself. */
        boolean matchesClass(String className) {
            return isClassRule() && (isPattern() ? globPattern(signature).matcher(className).matches()
                    : signature.equals(className));
        }
    }

    /** The rules of the committed file. */
    static ForbiddenRules bundled() {
        return BUNDLED;
    }

    /**
     * Parses a signature file.
     *
     * @param text the file's text
     * @param name the file's name for error messages
     * @throws IllegalStateException naming the line: a signature without a message, a repeated signature, or a
     *                               directive other than {@code @defaultMessage}
     */
    static ForbiddenRules parse(String text, String name) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        String defaultMessage = null;
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            String where = name + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                if (!line.startsWith(DEFAULT_MESSAGE + " ")) {
                    throw new IllegalStateException(where + ": only @defaultMessage is supported, found " + line);
                }
                defaultMessage = line.substring(DEFAULT_MESSAGE.length()).trim();
                continue;
            }
            int at = line.indexOf('@');
            String signature = (at < 0 ? line : line.substring(0, at)).trim();
            String message = at < 0 ? defaultMessage : line.substring(at + 1).trim();
            if (message == null || message.isEmpty()) {
                throw new IllegalStateException(where + ": " + signature + " has no message for students; add "
                        + "\"@ message\" after it or a @defaultMessage line before it");
            }
            if (rules.putIfAbsent(signature, new Rule(signature, message)) != null) {
                throw new IllegalStateException(where + ": " + signature + " is listed twice; keep one");
            }
        }
        return new ForbiddenRules(text, rules);
    }

    /** The file's text, as forbiddenapis reads it. */
    String text() {
        return text;
    }

    /** All rules in file order. */
    List<Rule> rules() {
        return List.copyOf(bySignature.values());
    }

    /**
     * The rule behind a use forbiddenapis reported.
     *
     * @param api     what forbiddenapis printed: a signature as written in the file (methods, fields, classes
     *                named exactly) or the binary name of a class that a package pattern matched
     * @param message the message it printed with it
     * @throws IllegalStateException if no rule of this file fits (the report came from other signatures)
     */
    Rule ruleFor(String api, String message) {
        Rule exact = bySignature.get(api);
        if (exact != null && exact.message().equals(message)) {
            return exact;
        }
        for (Rule rule : classRules) {
            if (rule.isPattern() && rule.message().equals(message) && rule.matchesClass(api)) {
                return rule;
            }
        }
        throw new IllegalStateException("forbiddenapis reported " + api + " [" + message + "], which matches no rule "
                + "of " + RESOURCE);
    }

    /**
     * The rule that forbids the class {@code className} as a whole, as forbiddenapis picks it: a class named exactly
     * first, else the first matching package pattern in file order.
     */
    Optional<Rule> classRule(String className) {
        Rule exact = bySignature.get(className);
        if (exact != null) {
            return Optional.of(exact);
        }
        return classRules.stream().filter(rule -> rule.isPattern() && rule.matchesClass(className)).findFirst();
    }

    /** forbiddenapis' class patterns: {@code **} crosses package boundaries, {@code *} and {@code ?} do not. */
    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static ForbiddenRules load(String resource) {
        try (InputStream in = ForbiddenRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource nnlab/grading/gate/" + resource + " is missing; "
                        + "the autograder jar is incomplete");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
