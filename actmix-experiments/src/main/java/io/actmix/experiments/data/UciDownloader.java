package io.actmix.experiments.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.actmix.experiments.ActionableFailure;
import io.actmix.experiments.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Downloads a dataset's {@code data.csv} from the UCI repository, verifies it, and moves it into
 * place atomically.
 *
 * <p>UCI's dataset API, {@code <base>api/dataset?id=<id>}, answers with JSON whose {@code
 * data.data_url} names the dataset's {@code data.csv}. The file is streamed to a temporary file
 * beside the target, then checked: its header, every row's fields and types (as {@link
 * CsvTableReader} checks them), its row count, and its SHA-256 against the digest of the file this
 * project was built on. Only a file that passes is renamed into place; on any failure the temporary
 * file is deleted and nothing else is left behind.
 */
public final class UciDownloader {

  /** The UCI Machine Learning Repository. */
  public static final URI UCI_REPOSITORY = URI.create("https://archive.ics.uci.edu/");

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client;

  /** Downloads from the UCI repository. */
  public UciDownloader() {
    this(UCI_REPOSITORY);
  }

  /**
   * Downloads from another server with UCI's API, for example a mirror or a test server.
   *
   * @param base the server's root, ending in {@code /}
   */
  public UciDownloader(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The server this downloader asks. */
  public URI base() {
    return base;
  }

  /**
   * Downloads {@code dataset} to {@code target}.
   *
   * @return {@code target}
   * @throws DownloadException saying what failed; nothing is left at {@code target} or beside it
   */
  public Path download(UciDataset dataset, Path target) {
    URI api = base.resolve("api/dataset?id=" + dataset.uciId());
    Path temporary = null;
    List<Path> createdDirectories = List.of();
    try {
      URI dataUrl = dataUrl(dataset, api);
      createdDirectories = DatasetFiles.createDirectories(target.toAbsolutePath().getParent());
      temporary = AtomicFiles.temporarySibling(target);
      String sha256 = fetch(dataUrl, temporary);
      verify(dataset, temporary, sha256, dataUrl);
      AtomicFiles.moveIntoPlace(temporary, target);
      return target;
    } catch (IOException | InterruptedException | RuntimeException e) {
      AtomicFiles.deleteQuietly(temporary);
      DatasetFiles.deleteEmpty(createdDirectories);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new DownloadException(
          dataset.label()
              + ": download from "
              + base
              + " failed: "
              + reason(e)
              + "; nothing was written",
          e);
    }
  }

  /** Why a download failed, in words; connection failures often come without a message. */
  private String reason(Exception e) {
    if (e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException) {
      return "cannot connect to " + base.getHost() + " (offline, or a firewall?)";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer from " + base.getHost() + " within " + TIMEOUT.toSeconds() + " s";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private URI dataUrl(UciDataset dataset, URI api) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(api).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(api + " answered HTTP " + response.statusCode());
    }
    JsonNode url = JSON.readTree(response.body()).path("data").path("data_url");
    if (!url.isTextual() || url.asText().isBlank()) {
      throw new IOException(api + " answered without data.data_url for UCI id " + dataset.uciId());
    }
    return api.resolve(url.asText());
  }

  /** Streams {@code url} into {@code file}; returns the SHA-256 of what arrived. */
  private String fetch(URI url, Path file) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException(url + " answered HTTP " + response.statusCode());
      }
      MessageDigest sha256 = sha256();
      try (DigestInputStream digesting = new DigestInputStream(body, sha256)) {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
          digesting.transferTo(out);
        }
      }
      return HexFormat.of().formatHex(sha256.digest());
    }
  }

  private static void verify(UciDataset dataset, Path file, String sha256, URI url) {
    int rows = CsvTableReader.read(dataset, file).size();
    if (rows != dataset.fileRows()) {
      throw new IllegalArgumentException(
          url + ": rows = " + rows + "; must be " + dataset.fileRows() + " (truncated download?)");
    }
    if (!sha256.equals(dataset.sha256())) {
      throw new IllegalArgumentException(
          url + ": SHA-256 = " + sha256 + "; must be " + dataset.sha256());
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A download that failed; nothing was written. */
  public static final class DownloadException extends ActionableFailure {
    private static final long serialVersionUID = 1L;

    DownloadException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
