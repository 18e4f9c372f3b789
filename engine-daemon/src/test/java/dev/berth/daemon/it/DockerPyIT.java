package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-py ({@code python3 -c 'import docker'}) against a real berthd: the shapes, codes and stream framing
 * that differed from dockerd. Each check is a Python assert; the script prints what it saw on failure.
 * Skipped when python3 or the docker module is missing.
 */
@Tag("cli")
@ExtendWith(DaemonExtension.class)
class DockerPyIT {
  private static final String IMG = "busybox:py";

  @BeforeAll
  static void image(DockerCli docker, @TempDir Path dir) {
    assumeTrue(Processes.run(List.of("python3", "-c", "import docker"), Map.of(), null, Duration.ofSeconds(20))
        .exitCode() == 0, "python3 with the docker module is not installed");
    TestImages.importBusybox(docker, dir, IMG);
  }

  private static void python(BerthDaemon daemon, String script) {
    String prelude = """
        import docker, io, tarfile, time
        c = docker.DockerClient(base_url='%s', version='auto')
        old = docker.APIClient(base_url='%s', version='1.41')
        IMG = '%s'
        """.formatted(daemon.host(), daemon.host(), IMG);
    CliResult r = Processes.run(List.of("python3", "-c", prelude + script), Map.of(), null, Duration.ofSeconds(90));
    assertEquals(0, r.exitCode(), r::toString);
  }

  @Test
  void containerCalls_matchDockerd(BerthDaemon daemon) {
    python(daemon, """
        ct = c.containers.run(IMG, 'sh -c "echo o1; sleep .2; echo e1 >&2; sleep .2; echo o2; sleep .2; echo e2 >&2;'
                                   ' sleep 30"', detach=True)
        try:
            time.sleep(1.5)
            # tail counts both streams, then the stream filter applies (dockerd)
            assert ct.logs(stderr=False, tail=2) == b'o2\\n', ct.logs(stderr=False, tail=2)
            r = ct.exec_run('sh -c "echo out; echo err >&2"', demux=True)
            assert r.output == (b'out\\n', b'err\\n'), r
            assert c.api.update_container(ct.id, mem_limit='128m', memswap_limit='256m') == {'Warnings': None}
            try:
                ct.unpause(); raise AssertionError('unpause of a running container succeeded')
            except docker.errors.APIError as e:
                assert e.status_code == 500 and 'Container %s is not paused' % ct.id in str(e), e
            # tar headers carry the file type bits, as Go's archive/tar
            ct.exec_run('sh -c "mkdir /x; echo a > /x/f; ln -s f /x/l"')
            bits, stat = ct.get_archive('/x')
            tf = tarfile.open(fileobj=io.BytesIO(b''.join(bits)))
            modes = {m.name: oct(m.mode) for m in tf.getmembers()}
            assert modes == {'x': '0o40755', 'x/f': '0o100644', 'x/l': '0o120777'}, modes
            # a sparse create body still gets dockerd's recorded defaults
            hc = c.api.inspect_container(ct.id)['HostConfig']
            assert '/proc/kcore' in hc['MaskedPaths'] and hc['ReadonlyPaths'], hc
            assert hc['OomKillDisable'] is False and hc['CgroupParent'] == '' and hc['PidMode'] == '', hc
        finally:
            ct.remove(force=True)
        assert c.containers.prune() == {'ContainersDeleted': None, 'SpaceReclaimed': 0}
        assert c.volumes.prune() == {'VolumesDeleted': [], 'SpaceReclaimed': 0}
        """);
  }

  @Test
  void olderApiVersions_keepTheirFields(BerthDaemon daemon) {
    python(daemon, """
        img = old.inspect_image(IMG)
        assert img['Container'] == '' and img['ContainerConfig']['Volumes'] is None, img
        assert 'ContainerConfig' not in c.api.inspect_image(IMG)
        net = c.networks.create('pyit-net')
        ct = c.containers.run(IMG, 'sleep 30', detach=True, hostname='pyhost', network='pyit-net')
        try:
            aliases = old.inspect_container(ct.id)['NetworkSettings']['Networks']['pyit-net']['Aliases']
            assert aliases == [ct.id[:12], 'pyhost'], aliases
            assert c.api.inspect_container(ct.id)['NetworkSettings']['Networks']['pyit-net']['Aliases'] is None
        finally:
            ct.remove(force=True)
            net.remove()
        """);
  }

  @Test
  void loadOfSomethingNotATar_failsWithGosTarError(BerthDaemon daemon) {
    python(daemon, """
        for data, want in ((b'notatar', 'unexpected EOF'), (b'x' * 1024, 'archive/tar: invalid tar header')):
            try:
                c.images.load(data); raise AssertionError('load of %r succeeded' % data[:8])
            except docker.errors.ImageLoadError as e:
                assert str(e) == want, e
            try:
                c.api.import_image_from_data(data, repository='pyit-import'); raise AssertionError('import worked')
            except docker.errors.APIError as e:
                assert e.status_code == 500 and e.explanation == want, e
        """);
  }

  @Test
  void fieldsTheClientLeftOut_areNullAsInDockerd(BerthDaemon daemon) {
    python(daemon, """
        pool = docker.types.IPAMPool(subnet='10.199.7.0/24')
        net = c.networks.create('pyit-shape', ipam=docker.types.IPAMConfig(pool_configs=[pool]))
        ct = c.containers.create(IMG, 'sleep 30', network='pyit-shape')
        try:
            hc = c.api.inspect_container(ct.id)['HostConfig']
            shown = {k: hc[k] for k in ('Dns', 'DnsOptions', 'DnsSearch', 'Links', 'PortBindings')}
            assert shown == dict.fromkeys(shown), shown
            ipam = c.api.inspect_network(net.id)['IPAM']
            assert ipam == {'Driver': 'default', 'Options': None, 'Config': [{'Subnet': '10.199.7.0/24'}]}, ipam
            # legacy links on the default bridge read /child:/parent/alias
            linked = c.containers.create(IMG, 'true', name='pyit-linked', links={ct.name: 'al'})
            try:
                links = c.api.inspect_container(linked.id)['HostConfig']['Links']
                assert links == ['/%s:/pyit-linked/al' % ct.name], links
            finally:
                linked.remove(force=True)
        finally:
            ct.remove(force=True)
            net.remove()
        """);
  }
}
