package dev.berth.runtime.monitor;

/**
 * The container's stdio as Docker configures it.
 *
 * @param openStdin {@code OpenStdin}: keep a stdin pipe the attach socket writes into ({@code -i})
 * @param stdinOnce {@code StdinOnce}: close the container's stdin when the attached client half-closes
 * @param tty {@code Tty}: a pseudo-terminal; stdout and stderr are merged into stdout
 */
public record Stdio(boolean openStdin, boolean stdinOnce, boolean tty) {
  public static final Stdio NONE = new Stdio(false, false, false);

  /**
   * conmon's {@code --leave-stdin-open}: stdin survives a client's EOF unless StdinOnce. With a TTY it always
   * survives (dockerd only closes stdin without a TTY), else later attachers could no longer type.
   */
  public boolean leaveStdinOpen() {
    return openStdin && (tty || !stdinOnce);
  }
}
