package dev.berth.daemon.http.routes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LegacyClientsTest {
  @Test
  void composeV1_isRecognisedByItsUserAgent() {
    assertTrue(LegacyClients.isComposeV1("docker-compose/1.29.2 docker-py/7.1.0 Linux/6.1.0-31-amd64"));
    assertFalse(LegacyClients.isComposeV1("docker-sdk-python/7.1.0"));
    assertFalse(LegacyClients.isComposeV1("Docker-Client/28.2.2 (linux)"));
    assertFalse(LegacyClients.isComposeV1("docker-compose/2.27.0"));
    assertFalse(LegacyClients.isComposeV1(null));
  }
}
