package dev.transmitmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link TransmitMock} test class to receive the emulator: a field of type
 * {@code TransmitMockServer} or {@link TransmitMockHandle}, static or not, not final.
 *
 * <pre>{@code
 * @TransmitMock
 * class ClockTest {
 *   @InjectTransmitMock static TransmitMockServer server;   // set before @BeforeAll methods
 *   @InjectTransmitMock TransmitMockHandle mock;             // set before @BeforeEach methods
 * }
 * }</pre>
 *
 * <p>Only fields carrying this annotation are touched, so a class can hold other servers.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InjectTransmitMock {}
