package dev.transmitmock.testcontainers;

import org.testcontainers.containers.ContainerLaunchException;

/**
 * The Docker engine has neither an image a container start needs nor a registry to pull it from,
 * found out in seconds by {@link TransmitMockContainer#start()} instead of after Testcontainers'
 * minutes of pull retries. The message names each image and what to set instead, e.g. {@code
 * TESTCONTAINERS_RYUK_DISABLED=true}, {@code TESTCONTAINERS_HOST_OVERRIDE=localhost}, or how to
 * build {@code transmit-mock:local} on a base made from the local JDK.
 */
public final class ImagesUnavailableException extends ContainerLaunchException {

  private static final long serialVersionUID = 1L;

  ImagesUnavailableException(String message) {
    super(message);
  }
}
