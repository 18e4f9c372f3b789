package dev.berth.runtime.mount;

import dev.berth.api.types.MountSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Records mounts; {@link #calls} holds what is currently "mounted", in order. */
public final class FakeMounter implements Mounter {
  public record Call(List<MountSpec> mounts, Path target) {}

  public final List<Call> calls = new ArrayList<>();
  public final List<Path> unmounted = new ArrayList<>();

  @Override
  public synchronized void mount(List<MountSpec> mounts, Path target) {
    calls.add(new Call(List.copyOf(mounts), target));
  }

  @Override
  public synchronized void unmount(Path target) {
    calls.removeIf(c -> c.target().equals(target));
    unmounted.add(target);
  }

  public synchronized boolean isMounted(Path target) {
    return calls.stream().anyMatch(c -> c.target().equals(target));
  }
}
