package dev.berth.daemon;

/** {@code berthd --help}. */
final class Usage {
  static final String TEXT = """
      Usage:  berthd [OPTIONS]

      A Docker-compatible container engine daemon.

      Options (dockerd's names; every option can also be set in daemon.json under its long name):
        -H, --host list                 Daemon socket(s) to connect to (unix://, tcp://, fd://)
                                        (default unix:///var/run/docker.sock)
            --data-root string          Root directory of persistent state (default "/var/lib/berth")
            --exec-root string          Root directory for execution state (default "/var/run/berth")
        -p, --pidfile string            Path to use for daemon PID file (default "/var/run/berthd.pid")
            --config-file string        Daemon configuration file (default "/etc/berth/daemon.json")
        -G, --group string              Group for the unix socket (default "docker")
        -l, --log-level string          Set the logging level ("debug"|"info"|"warn"|"error"|"fatal")
        -D, --debug                     Enable debug mode
            --tls                       Use TLS; implied by --tlsverify
            --tlsverify                 Use TLS and verify the remote
            --tlscacert string          Trust certs signed only by this CA
            --tlscert string            Path to TLS certificate file
            --tlskey string             Path to TLS key file
            --live-restore              Keep containers running when the daemon stops (default true)
            --validate                  Validate the configuration and exit
        -v, --version                   Print version information and quit
      """;

  private Usage() {}
}
