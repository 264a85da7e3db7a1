package org.rpzx.dist.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real store faults, made with the tools an administrator has (they need root): a small tmpfs that
 * a filler file fills up (disk full), and {@code chattr +i} (immutable: even root cannot write,
 * also not through a file descriptor opened earlier, on ext4 and similar).
 */
final class FileSystemFaults {

  private FileSystemFaults() {}

  /** The outcome of a command: exit code and merged output. */
  record Run(int exit, String out) {}

  static Run run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Run(-1, "timed out: " + String.join(" ", command));
    }
    return new Run(p.exitValue(), out);
  }

  /** A tmpfs of {@code size} mounted on {@code dir}; unmounted on close. */
  static final class Tmpfs implements AutoCloseable {
    private final Path dir;
    private final Path filler;

    private Tmpfs(Path dir) {
      this.dir = dir;
      this.filler = dir.resolve("filler");
    }

    /** Mounts it, or explains in the exception why this environment cannot. */
    static Tmpfs mount(Path dir, String size) throws IOException, InterruptedException {
      Files.createDirectories(dir);
      Run r =
          run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
      if (r.exit() != 0) {
        throw new IOException("mount -t tmpfs failed (" + r.exit() + "): " + r.out());
      }
      return new Tmpfs(dir);
    }

    /** Writes a filler file until the file system refuses more: ENOSPC for everyone. */
    long fill() throws IOException {
      long written = 0;
      byte[] block = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(filler)) {
        while (true) {
          out.write(block);
          written += block.length;
        }
      } catch (IOException e) {
        if (!String.valueOf(e.getMessage()).contains("No space left")) {
          throw e;
        }
      }
      // the last partial block: fill byte by byte
      try (OutputStream out =
          Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
        while (true) {
          out.write(0);
          out.flush();
          written++;
        }
      } catch (IOException e) {
        // full
      }
      return written;
    }

    /** Removes the filler: space is back. */
    void drain() throws IOException {
      Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
      drain();
      Run r = run("umount", dir.toString());
      if (r.exit() != 0) {
        run("umount", "-l", dir.toString());
      }
    }
  }

  /**
   * Whether {@code chattr +i} in {@code dir} stops writes through a descriptor opened before, as it
   * must to fault a running SQLite; null if it does, else why not.
   */
  static String immutableFaultUnavailable(Path dir) throws IOException, InterruptedException {
    Path probe = dir.resolve("immutable-probe");
    try (OutputStream out = Files.newOutputStream(probe)) {
      out.write(1);
      out.flush();
      Run r = run("chattr", "+i", probe.toString());
      if (r.exit() != 0) {
        return "chattr +i failed (" + r.exit() + "): " + r.out();
      }
      try {
        out.write(new byte[4096]);
        out.flush();
        return "chattr +i does not stop writes to open files on this file system";
      } catch (IOException expected) {
        return null;
      }
    } finally {
      run("chattr", "-i", probe.toString());
      Files.deleteIfExists(probe);
    }
  }

  /** {@code chattr +i} or {@code -i} on each existing file; fails if chattr does. */
  static void immutable(boolean on, Path... files) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("chattr", on ? "+i" : "-i"));
    for (Path f : files) {
      if (Files.exists(f)) {
        cmd.add(f.toString());
      }
    }
    Run r = run(cmd.toArray(String[]::new));
    if (r.exit() != 0) {
      throw new IOException(String.join(" ", cmd) + ": " + r.out());
    }
  }
}
