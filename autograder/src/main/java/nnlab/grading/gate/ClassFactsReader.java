package nnlab.grading.gate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;

import de.thetaphi.forbiddenapis.SuppressForbidden;

/** Reads {@link ClassFacts} from a class file with ASM, without loading the class. */
final class ClassFactsReader extends ClassVisitor {

    /** The annotation forbiddenapis always honours to skip a class or member; lab code must not carry it. */
    static final String SUPPRESS_DESCRIPTOR = Type.getDescriptor(SuppressForbidden.class);

    /** javac's names for lambda bodies: {@code lambda$<enclosing method>$<n>}, {@code new}/{@code static} for
     * constructors and static initializers. */
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.*)\\$[0-9]+");
    private static final int API = Opcodes.ASM9;

    private String className;
    private String sourceFile;
    private final Map<Integer, Set<String>> methodsByLine = new HashMap<>();
    private final Set<ClassFacts.Place> references = new LinkedHashSet<>();
    private final Set<ClassFacts.Place> suppressions = new LinkedHashSet<>();
    private Integer finalizerLine;

    private ClassFactsReader() {
        super(API);
    }

    /**
     * Reads the facts of one class file.
     *
     * @throws IllegalArgumentException if {@code bytes} is not a class file ASM can read
     */
    static ClassFacts read(byte[] bytes) {
        ClassFactsReader reader = new ClassFactsReader();
        new ClassReader(bytes).accept(reader, ClassReader.SKIP_FRAMES);
        return new ClassFacts(reader.className, reader.sourceFile, reader.methodsByLine,
                reader.references.stream().toList(), reader.suppressions.stream().toList(), reader.finalizerLine);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        className = Type.getObjectType(name).getClassName();
        if (superName != null) {
            reference(superName, "", Violation.UNKNOWN_LINE);
        }
        for (String implemented : interfaces) {
            reference(implemented, "", Violation.UNKNOWN_LINE);
        }
    }

    @Override
    public void visitSource(String source, String debug) {
        sourceFile = source;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        suppression(descriptor, "", Violation.UNKNOWN_LINE);
        return null;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        return new FieldVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                suppression(annotation, name, Violation.UNKNOWN_LINE);
                return null;
            }
        };
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        return new RecordComponentVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                suppression(annotation, name, Violation.UNKNOWN_LINE);
                return null;
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        String member = memberOf(access, name);
        boolean finalizer = "finalize".equals(name) && "()V".equals(descriptor) && (access & Opcodes.ACC_STATIC) == 0;
        return new MethodVisitor(API) {
            private int line = Violation.UNKNOWN_LINE;
            private int firstLine = Violation.UNKNOWN_LINE;
            private boolean suppressed;

            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                suppressed |= SUPPRESS_DESCRIPTOR.equals(annotation);
                return null;
            }

            @Override
            public void visitLineNumber(int number, Label start) {
                line = number;
                if (firstLine == Violation.UNKNOWN_LINE) {
                    firstLine = number;
                }
                if (member != null) {
                    methodsByLine.computeIfAbsent(number, n -> new TreeSet<>()).add(member);
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                reference(owner, placeName(), line);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                reference(owner, placeName(), line);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                reference(type, placeName(), line);
            }

            @Override
            public void visitMultiANewArrayInsn(String desc, int dimensions) {
                reference(desc, placeName(), line);
            }

            @Override
            public void visitLdcInsn(Object constant) {
                constant(constant);
            }

            @Override
            public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                constant(bootstrap);
                for (Object argument : arguments) {
                    constant(argument);
                }
            }

            private void constant(Object constant) {
                if (constant instanceof Type type && type.getSort() != Type.METHOD) {
                    reference(type.getDescriptor(), placeName(), line);
                } else if (constant instanceof Handle handle) {
                    reference(handle.getOwner(), placeName(), line);
                } else if (constant instanceof ConstantDynamic dynamic) {
                    constant(dynamic.getBootstrapMethod());
                    for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                        constant(dynamic.getBootstrapMethodArgument(i));
                    }
                }
            }

            private String placeName() {
                return member != null ? member : name;
            }

            @Override
            public void visitEnd() {
                if (suppressed) {
                    suppressions.add(new ClassFacts.Place(placeName(), firstLine, SUPPRESS_DESCRIPTOR));
                }
                if (finalizer) {
                    finalizerLine = firstLine;
                }
            }
        };
    }

    private void suppression(String descriptor, String member, int line) {
        if (SUPPRESS_DESCRIPTOR.equals(descriptor)) {
            suppressions.add(new ClassFacts.Place(member, line, SUPPRESS_DESCRIPTOR));
        }
    }

    /**
     * Records a use of a class, given by internal name ({@code java/lang/System}) or by descriptor (arrays, and
     * {@code Lx;} forms); primitive types and arrays of them are not classes and are skipped.
     */
    private void reference(String internalNameOrDescriptor, String member, int line) {
        Type type = internalNameOrDescriptor.startsWith("[") || internalNameOrDescriptor.endsWith(";")
                ? Type.getType(internalNameOrDescriptor) : Type.getObjectType(internalNameOrDescriptor);
        if (type.getSort() == Type.ARRAY) {
            type = type.getElementType();
        }
        if (type.getSort() == Type.OBJECT) {
            references.add(new ClassFacts.Place(member, line, type.getClassName()));
        }
    }

    /**
     * The method a method's lines belong to for students: its own name, the enclosing method's for a lambda body,
     * {@code null} for other compiler-made methods (bridges, enum helpers), whose lines repeat declarations.
     */
    private static String memberOf(int access, String name) {
        if (LAMBDA.matcher(name).matches()) {
            return enclosingMember(name);
        }
        return (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0 ? null : name;
    }

    /**
     * The method a student wrote {@code methodName}'s code in: for javac's lambda bodies the enclosing method
     * ({@code <init>} for {@code lambda$new$0}, {@code <clinit>} for {@code lambda$static$0}), else the name itself.
     */
    static String enclosingMember(String methodName) {
        Matcher lambda = LAMBDA.matcher(methodName);
        if (!lambda.matches()) {
            return methodName;
        }
        return switch (lambda.group(1)) {
            case "new" -> ClassFacts.CONSTRUCTOR;
            case "static" -> ClassFacts.STATIC_INITIALIZER;
            default -> lambda.group(1);
        };
    }
}
