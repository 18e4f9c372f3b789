package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Starts one real berthd per test class in a fresh temp dir and injects it ({@link BerthDaemon}) or its CLI
 * ({@link DockerCli}) into test methods. A failing test gets the daemon's log tail appended. Skips when the
 * docker CLI or root is missing.
 */
public final class DaemonExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DaemonExtension.class);

  @Override
  public void beforeAll(ExtensionContext ctx) throws IOException {
    assumeTrue(DockerCli.available(), "the docker CLI is not on PATH");
    assumeTrue("root".equals(System.getProperty("user.name")), "berthd integration tests need root");
    Path work = BerthDaemon.newWorkDir("bit-");
    BerthDaemon d = new BerthDaemon(work, List.of());
    ctx.getStore(NS).put("daemon", d);
    d.start();
  }

  @Override
  public void afterAll(ExtensionContext ctx) {
    BerthDaemon d = ctx.getStore(NS).remove("daemon", BerthDaemon.class);
    if (d != null) {
      d.close();
      BerthDaemon.deleteTree(d.work());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    Class<?> t = p.getParameter().getType();
    return t == BerthDaemon.class || t == DockerCli.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    BerthDaemon d = e.getStore(NS).get("daemon", BerthDaemon.class);
    return p.getParameter().getType() == BerthDaemon.class ? d : d.docker();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
    BerthDaemon d = ctx.getStore(NS).get("daemon", BerthDaemon.class);
    if (d != null) {
      t.addSuppressed(new AssertionError(d.logTail(60)));
    }
    throw t;
  }
}
