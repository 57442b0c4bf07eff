package org.partnerhub.onboarding.state.ingest;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.fold.Origin;

/**
 * Replaces what PostgreSQL cannot store in {@code text}: NUL (it ends a C string) and UTF-16 surrogates without their
 * pair (no UTF-8 encoding). Each becomes U+FFFD, the replacement character, so that a record anyone can shape (a
 * {@code partner=} parameter echoed back as {@code partner_payload}, a client's name) cannot fail a batch.
 */
public final class TextNormaliser {

    public static final char REPLACEMENT = '\uFFFD';

    private TextNormaliser() {
    }

    /** The text with each character PostgreSQL cannot store replaced; the same instance when there is none. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder normalised = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean storable = c != '\u0000' && (!Character.isSurrogate(c) || pairedHigh);
            if (normalised == null && !storable) {
                normalised = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (normalised != null) {
                normalised.append(storable ? c : REPLACEMENT);
                if (pairedHigh) {
                    normalised.append(text.charAt(i + 1));
                }
            }
            if (pairedHigh) {
                i++;
            }
        }
        return normalised == null ? text : normalised.toString();
    }

    /**
     * A fact type's components, looked up once per type: {@link Class#getRecordComponents()} hands out new accessor
     * {@link Method}s each call, and the first call of each builds its accessor anew, which made normalising the
     * larger part of decoding a record.
     */
    private record Shape(String[] names, Method[] accessors, Constructor<?> canonical) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getType();
            }
            try {
                return new Shape(names, accessors, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record has its canonical constructor", e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    /** The fact with every text field normalised, and after it a note naming the fields that changed, if any. */
    public static List<Fact> fact(Fact fact) {
        Shape shape = SHAPES.get(fact.getClass());
        Object[] values = new Object[shape.accessors().length];
        List<String> changed = new ArrayList<>();
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = shape.accessors()[i].invoke(fact);
                if (values[i] instanceof String text && text(text) != text) {
                    values[i] = text(text);
                    changed.add(shape.names()[i]);
                } else if (values[i] instanceof Origin.Other other && text(other.wire()) != other.wire()) {
                    values[i] = new Origin.Other(text(other.wire()));
                    changed.add(shape.names()[i]);
                }
            }
            if (changed.isEmpty()) {
                return List.of(fact);
            }
            Fact normalised = (Fact) shape.canonical().newInstance(values);
            return List.of(normalised, Fact.TextNormalised.of(normalised, changed));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("facts are public records", e instanceof InvocationTargetException target
                    ? target.getCause() : e);
        }
    }
}
