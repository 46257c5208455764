package dev.transmitmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Container of repeated {@link TransmitClient} annotations; write {@code @TransmitClient} several
 * times instead of using this directly.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TransmitMockExtension.class)
public @interface TransmitClients {
  /** The clients. */
  TransmitClient[] value();
}
