package dev.berth.daemon.system;

/** Object counts for {@code /info}, supplied by the container and image managers. */
public interface Inventory {
  record ContainerCounts(int total, int running, int paused, int stopped) {}

  ContainerCounts containers();

  int images();

  /** Nothing yet: used until the managers are wired. */
  Inventory EMPTY = new Inventory() {
    @Override
    public ContainerCounts containers() {
      return new ContainerCounts(0, 0, 0, 0);
    }

    @Override
    public int images() {
      return 0;
    }
  };
}
