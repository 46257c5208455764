package dev.transmitmock.junit.support;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;

/** A base class that declares the emulator for its subclasses: both annotations are inherited. */
@TransmitMock
@TransmitClient(id = "orders-svc", secret = "orders-secret")
public abstract class EmulatedOrdersBase {}
