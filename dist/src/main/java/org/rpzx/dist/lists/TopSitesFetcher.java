package org.rpzx.dist.lists;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.rpzx.core.lists.ListFiles;
import org.rpzx.core.lists.TopSitesLoader;
import org.rpzx.core.lists.TopSitesSource;

/**
 * Downloads a Tranco list (a zip with one CSV, as tranco-list.eu serves it, a gzip or a plain CSV;
 * told by the content), stores its CSV in a temporary file next to the target, checks it as a
 * reload would, and only then renames it over the target. Any failure (HTTP status, timeout, size
 * cap, not a Tranco list) is one line and leaves the target untouched.
 */
public final class TopSitesFetcher {

  /** The download and the uncompressed list may each be at most this large. */
  public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

  /**
   * Limits of one fetch. The deadline covers the whole download; the default keeps a fetch through
   * the API within the CLI's 60-second request timeout.
   */
  public record Limits(
      Duration connectTimeout, Duration readTimeout, Duration deadline, long maxBytes) {
    public static Limits defaults() {
      return new Limits(
          Duration.ofSeconds(10),
          Duration.ofSeconds(20),
          Duration.ofSeconds(50),
          DEFAULT_MAX_BYTES);
    }
  }

  /** The outcome of a fetch; a value, never an exception. */
  public sealed interface Result {
    /** The target now holds the list: {@code rows} data rows, {@code names} kept of the top N. */
    record Fetched(String url, Path file, long downloadedBytes, long csvBytes, int rows, int names)
        implements Result {}

    record Failed(String message) implements Result {}
  }

  /** A reason to give up, carried through the copy loop. */
  private static final class Refused extends IOException {
    Refused(String message) {
      super(message, null);
    }
  }

  private final Limits limits;

  public TopSitesFetcher(Limits limits) {
    this.limits = limits;
  }

  /** Downloads {@code url}, checks it with rank cut-off {@code n} and replaces {@code target}. */
  public Result fetch(String url, Path target, int n) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (URISyntaxException e) {
      return new Result.Failed("not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return new Result.Failed("not an http or https URL: " + url);
    }
    Path tmp = null;
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
      long[] sizes = download(uri, tmp);
      TopSitesLoader.Result check = TopSitesLoader.load(new TopSitesSource(tmp, n), Instant.now());
      if (check instanceof TopSitesLoader.Result.Failed f) {
        String why = f.message().replace(tmp + ": ", "");
        return new Result.Failed(uri + " is not a usable Tranco list: " + why);
      }
      var loaded = ((TopSitesLoader.Result.Loaded) check).list();
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return new Result.Fetched(
          uri.toString(), target, sizes[0], sizes[1], loaded.rows(), loaded.size());
    } catch (Refused e) {
      return new Result.Failed(e.getMessage());
    } catch (IOException e) {
      return new Result.Failed("cannot store the list next to " + target + ": " + e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Downloads into {@code tmp}; returns the bytes downloaded and the bytes of the CSV. */
  private long[] download(URI uri, Path tmp) throws IOException {
    long deadline = System.nanoTime() + limits.deadline().toNanos();
    HttpURLConnection conn;
    try {
      conn = (HttpURLConnection) uri.toURL().openConnection();
    } catch (IllegalArgumentException e) {
      throw new Refused("not a URL: " + uri);
    }
    conn.setConnectTimeout(Math.toIntExact(limits.connectTimeout().toMillis()));
    conn.setReadTimeout(Math.toIntExact(limits.readTimeout().toMillis()));
    conn.setInstanceFollowRedirects(true);
    conn.setUseCaches(false);
    conn.setRequestProperty("User-Agent", "rpzx top-sites fetch");
    conn.setRequestProperty("Accept-Encoding", "identity");
    try {
      int status = conn.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        String msg = conn.getResponseMessage();
        throw new Refused(
            uri + ": HTTP " + status + (msg == null || msg.isBlank() ? "" : " " + msg.strip()));
      }
      long length = conn.getContentLengthLong();
      if (length > limits.maxBytes()) {
        throw new Refused(uri + ": " + length + " bytes, more than the cap " + limits.maxBytes());
      }
      try (Bounded body = new Bounded(conn.getInputStream(), uri + ": download", deadline);
          Bounded csv = new Bounded(ListFiles.decompressed(body), uri + ": list", deadline);
          OutputStream out = Files.newOutputStream(tmp)) {
        csv.transferTo(out);
        return new long[] {body.count, csv.count};
      }
    } catch (Refused e) {
      throw e;
    } catch (SocketTimeoutException e) {
      throw new Refused(uri + ": timed out (" + e.getMessage() + ")");
    } catch (UnknownHostException e) {
      throw new Refused(uri + ": unknown host " + uri.getHost());
    } catch (ConnectException e) {
      throw new Refused(uri + ": cannot connect (" + e.getMessage() + ")");
    } catch (SSLException e) {
      throw new Refused(uri + ": TLS failed (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new Refused(uri + ": download failed (" + e.getMessage() + ")");
    } finally {
      conn.disconnect();
    }
  }

  /** Counts bytes, enforcing the size cap and the deadline on every read. */
  private final class Bounded extends FilterInputStream {
    private final String what;
    private final long deadline;
    long count;

    Bounded(InputStream in, String what, long deadline) {
      super(in);
      this.what = what;
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws IOException {
      count += n;
      if (count > limits.maxBytes()) {
        throw new Refused(what + " larger than the cap of " + limits.maxBytes() + " bytes");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new Refused(what + " took longer than " + limits.deadline().toSeconds() + " s");
      }
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // a stray .part file is harmless; the next fetch makes its own
    }
  }
}
