package org.parathumb.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * How picocli reads and writes one option's field when the option is built by hand
 * ({@code OptionSpec.builder}) rather than found on an annotated field: what picocli's own
 * field binding does, without reflection. {@code ISetter} and {@code IGetter} have generic
 * methods, which a lambda cannot implement; this class adapts two lambdas to them.
 *
 * @param <V> the field's type (boxed)
 */
final class OptionBinding<V> implements IGetter, ISetter {

    private final Supplier<V> getter;
    private final Consumer<V> setter;

    private OptionBinding(Supplier<V> getter, Consumer<V> setter) {
        this.getter = getter;
        this.setter = setter;
    }

    /**
     * The option {@code builder} describes, bound to the field {@code getter} reads and {@code setter}
     * writes; the field's value now is the option's initial value, as picocli takes it from a field.
     */
    static <V> OptionSpec option(OptionSpec.Builder builder, Supplier<V> getter, Consumer<V> setter) {
        OptionBinding<V> binding = new OptionBinding<>(getter, setter);
        return builder.getter(binding).setter(binding).initialValue(getter.get()).build();
    }

    /** The positional parameter {@code builder} describes, bound likewise. */
    static <V> PositionalParamSpec positional(PositionalParamSpec.Builder builder, Supplier<V> getter,
            Consumer<V> setter) {
        OptionBinding<V> binding = new OptionBinding<>(getter, setter);
        return builder.getter(binding).setter(binding).initialValue(getter.get()).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
        return (T) getter.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T value) {
        T previous = get();
        setter.accept((V) value);
        return previous;
    }
}
