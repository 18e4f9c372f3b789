package dev.berth.storage.distribution;

import dev.berth.api.errors.EngineException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.errors.UnauthorizedException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * {@code POST /auth} (moby {@code Service.Auth} + {@code loginV2}): for each endpoint of the server address,
 * ping, then {@code GET /v2/} with the credentials (a bearer token fetched with {@code offline_token=true}, or
 * basic). 200 means "Login Succeeded", with the token server's refresh token as IdentityToken. A registry that
 * refuses the credentials ends the attempt with {@link UnauthorizedException}, worded as dockerd:
 * {@code login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized}, or for token
 * servers {@code Get "https://…/v2/": unauthorized: incorrect username or password}. Other failures move on to the
 * next endpoint; the last one is reported.
 */
public final class RegistryLogin {
  private final RegistryClient client;

  public RegistryLogin(RegistryClient client) {
    this.client = client;
  }

  public LoginResult login(AuthConfig auth) {
    RuntimeException last = null;
    boolean tlsHint = false;
    for (RegistryEndpoint ep : client.resolver().loginEndpoints(auth.serverAddress())) {
      if (ep.onlyAfterTlsHint() && !tlsHint) {
        continue;
      }
      try {
        return attempt(ep, auth);
      } catch (UnauthorizedException e) {
        throw e;
      } catch (RuntimeException e) {
        EngineException translated = RegistryErrors.toException(e);
        if (translated instanceof UnauthorizedException u) {
          throw u;
        }
        tlsHint = e instanceof RegistryUnreachableException u && u.connected();
        if (!(ep.onlyAfterTlsHint() && last != null && e instanceof RegistryUnreachableException)) {
          last = translated;
        }
      }
    }
    throw last;
  }

  private LoginResult attempt(RegistryEndpoint ep, AuthConfig auth) {
    RegistrySession s = client.session(ep, null, null, auth, true);
    s.ping();
    URI v2 = ep.v2("");
    HttpResponse<byte[]> resp = s.sendBytes(HttpRequest.newBuilder(v2).GET());
    if (resp.statusCode() != 200) {
      String msg = "login attempt to " + v2 + " failed with status: " + HttpStatusText.status(resp.statusCode());
      throw resp.statusCode() == 401 ? new UnauthorizedException(msg) : new SystemException(msg);
    }
    return new LoginResult(LoginResult.SUCCEEDED, s.refreshToken().orElse(auth.identityToken()));
  }
}
