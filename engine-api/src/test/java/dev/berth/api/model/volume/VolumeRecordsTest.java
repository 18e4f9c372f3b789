package dev.berth.api.model.volume;

import static dev.berth.api.model.Wire.fixture;
import static dev.berth.api.model.Wire.read;
import static dev.berth.api.model.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeRecordsTest {

  @Test
  void dockerVolumeCreate_readsAndRoundTrips() {
    String body = fixture("volume-create.json");
    VolumeCreateRequest req = read(body, VolumeCreateRequest.class);
    assertEquals("v1", req.name());
    assertEquals(Map.of("a", "b"), req.labels());
    assertEquals(tree(body), tree(req));
    assertEquals(tree("{}"), tree(read("{}", VolumeCreateRequest.class)));
  }

  @Test
  void volume_statusAndUsageDataAreOmitempty_labelsAndOptionsAreNot() {
    Volume v = Volume.of("v1", "local", "/var/lib/berth/volumes/v1/_data", "2025-06-01T10:00:00Z", null, null);
    assertEquals(tree("{\"CreatedAt\":\"2025-06-01T10:00:00Z\",\"Driver\":\"local\",\"Labels\":null,"
        + "\"Mountpoint\":\"/var/lib/berth/volumes/v1/_data\",\"Name\":\"v1\",\"Options\":null,\"Scope\":\"local\"}"),
        tree(v));
    assertEquals(tree("{\"RefCount\":1,\"Size\":-1}"), tree(v.withUsageData(-1, 1)).get("UsageData"));
  }

  @Test
  void listAndPrune() {
    assertEquals(tree("{\"Volumes\":[],\"Warnings\":null}"), tree(VolumeListResponse.of(null)));
    assertEquals(tree("{\"VolumesDeleted\":[\"v1\"],\"SpaceReclaimed\":10}"),
        tree(new VolumePruneResponse(List.of("v1"), 10)));
  }
}
