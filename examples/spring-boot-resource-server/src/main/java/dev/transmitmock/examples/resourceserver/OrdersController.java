package dev.transmitmock.examples.resourceserver;

import dev.transmitmock.spring.TransmitResourceServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The API itself: what a caller may see once its token is accepted. */
@RestController
public class OrdersController {

  /** An order, for any app with a valid token for this API. */
  @GetMapping("/orders/{id}")
  public Map<String, Object> order(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("order", id);
    body.put("caller", token.getClaimAsString("client_id"));
    body.put("tenant", token.getClaimAsString("tid"));
    return body;
  }

  /** Tenant-wide settings, for management applications only ({@code roles: ["Admin"]}). */
  @GetMapping("/admin/settings")
  public Map<String, Object> settings(@AuthenticationPrincipal Jwt token) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenant", token.getClaimAsString("tid"));
    body.put("admin", token.getClaimAsString("client_id"));
    body.put("roles", token.getClaimAsStringList(TransmitResourceServer.ROLES_CLAIM));
    body.put("features", List.of("refunds", "bulk-export"));
    return body;
  }
}
