package io.actmix.experiments.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds a dataset's {@code data.csv}, looking in order in
 *
 * <ol>
 *   <li>the {@code data_dir=} override, when given;
 *   <li>the directory named by the {@value #DATA_DIR_VARIABLE} environment variable, when set;
 *   <li>the per-user cache, {@code $XDG_CACHE_HOME/actmix/datasets} or {@code
 *       ~/.cache/actmix/datasets};
 * </ol>
 *
 * <p>each holding {@code <dataset>/data.csv}. A dataset in none of them is downloaded into the
 * cache by a {@link UciDownloader}, from UCI or from the mirror that {@value #UCI_URL_VARIABLE}
 * names. A directory that is named but does not exist is an error, not a reason to look elsewhere.
 *
 * <p>A relative data directory means relative to the directory the command was started in, the
 * {@linkplain #launchDirectory() launch directory}, whichever folder the JVM runs in.
 */
public final class DatasetFiles {

  /** The environment variable naming a data directory. */
  public static final String DATA_DIR_VARIABLE = "ACTMIX_DATA_DIR";

  /** The environment variable naming a server with UCI's API to download from, such as a mirror. */
  public static final String UCI_URL_VARIABLE = "ACTMIX_UCI_URL";

  /**
   * The system property naming the directory a command was started in, when the JVM runs elsewhere:
   * Maven's surefire runs each module's tests in that module's folder, and sets it to the folder
   * where {@code mvn} was typed.
   */
  public static final String LAUNCH_DIR_PROPERTY = "actmix.launch.dir";

  /** The file name of every dataset inside its folder. */
  public static final String FILE_NAME = "data.csv";

  private final Path override;
  private final Path environment;
  private final Path cache;
  private final UciDownloader downloader;
  private final Consumer<String> progress;

  /**
   * @param override the {@code data_dir=} directory, or {@code null}
   * @param environment the {@value #DATA_DIR_VARIABLE} directory, or {@code null}
   * @param cache the cache directory that downloads go to
   * @param downloader how a missing dataset is fetched
   * @param progress receives one line before a download starts
   */
  public DatasetFiles(
      Path override,
      Path environment,
      Path cache,
      UciDownloader downloader,
      Consumer<String> progress) {
    this.override = override;
    this.environment = environment;
    this.cache = cache;
    this.downloader = downloader;
    this.progress = progress;
  }

  /**
   * The usual sources: {@code override} (the {@code data_dir=} value; blank or {@code null} for
   * none), the {@value #DATA_DIR_VARIABLE} variable of {@code env}, the per-user cache, and the UCI
   * repository (or {@value #UCI_URL_VARIABLE}). Relative directories are taken from the {@linkplain
   * #launchDirectory() launch directory}.
   *
   * @throws IllegalArgumentException when {@value #UCI_URL_VARIABLE} is not an http(s) URL
   */
  public static DatasetFiles standard(
      String override, Map<String, String> env, Consumer<String> progress) {
    return new DatasetFiles(
        fromLaunchDirectory(override),
        fromLaunchDirectory(env.get(DATA_DIR_VARIABLE)),
        userCache(env),
        new UciDownloader(repository(env.get(UCI_URL_VARIABLE))),
        progress);
  }

  /**
   * The directory the command was started in: the {@value #LAUNCH_DIR_PROPERTY} system property
   * when set, else the JVM's working directory.
   */
  public static Path launchDirectory() {
    String launch = System.getProperty(LAUNCH_DIR_PROPERTY, "");
    return Path.of(launch.isBlank() ? "" : launch).toAbsolutePath();
  }

  /**
   * {@code path} as a directory: absolute as given, relative from the {@linkplain
   * #launchDirectory() launch directory}; {@code null} for a blank or missing value.
   */
  public static Path fromLaunchDirectory(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    return launchDirectory().resolve(path).normalize();
  }

  private static URI repository(String url) {
    if (url == null || url.isBlank()) {
      return UciDownloader.UCI_REPOSITORY;
    }
    String root = url.endsWith("/") ? url : url + "/";
    try {
      URI uri = new URI(root);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new URISyntaxException(root, "not http or https");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          UCI_URL_VARIABLE
              + " = "
              + url
              + "; must be an http(s) URL of a server with UCI's API, for example "
              + UciDownloader.UCI_REPOSITORY,
          e);
    }
  }

  /** {@code $XDG_CACHE_HOME/actmix/datasets}, or {@code ~/.cache/actmix/datasets}. */
  static Path userCache(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path root =
        xdg == null || xdg.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache")
            : Path.of(xdg);
    return root.resolve("actmix").resolve("datasets");
  }

  /**
   * The {@code data.csv} of {@code dataset}: found, or downloaded into the cache.
   *
   * @throws IllegalArgumentException when a named directory does not exist
   * @throws UciDownloader.DownloadException when the dataset is nowhere and the download fails
   */
  public Path locate(UciDataset dataset) {
    requireDirectory(override, "data_dir");
    requireDirectory(environment, DATA_DIR_VARIABLE);
    for (Path directory : searchPath()) {
      Path file = directory.resolve(dataset.label()).resolve(FILE_NAME);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    Path target = cache.resolve(dataset.label()).resolve(FILE_NAME);
    progress.accept(
        "Downloading "
            + dataset.label()
            + " (UCI id "
            + dataset.uciId()
            + ") from "
            + downloader.base()
            + " into "
            + target);
    try {
      return downloader.download(dataset, target);
    } catch (UciDownloader.DownloadException e) {
      throw new UciDownloader.DownloadException(
          e.getMessage()
              + ". Looked for "
              + dataset.label()
              + "/"
              + FILE_NAME
              + " in: "
              + searchPath()
              + ". Without network access, copy data.csv to "
              + target
              + ", or point "
              + DATA_DIR_VARIABLE
              + " (or data_dir=) at a folder holding "
              + dataset.label()
              + "/"
              + FILE_NAME,
          e.getCause());
    }
  }

  /** Reads and cleans {@code dataset} from wherever {@link #locate} finds it. */
  public RawTable load(UciDataset dataset) {
    return RawTable.read(dataset, locate(dataset));
  }

  /** The directories searched, in order. */
  public List<Path> searchPath() {
    List<Path> path = new ArrayList<>(3);
    if (override != null) {
      path.add(override);
    }
    if (environment != null) {
      path.add(environment);
    }
    path.add(cache);
    return Collections.unmodifiableList(path);
  }

  private static void requireDirectory(Path directory, String source) {
    if (directory != null && !Files.isDirectory(directory)) {
      throw new IllegalArgumentException(
          source
              + " = "
              + directory
              + "; must be an existing directory holding <dataset>/"
              + FILE_NAME);
    }
  }

  /** Creates {@code directory} and its missing parents; returns those created, deepest last. */
  static List<Path> createDirectories(Path directory) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path d = directory; d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(0, d);
    }
    Files.createDirectories(directory);
    return missing;
  }

  /** Deletes the directories that {@link #createDirectories} made, if still empty. */
  static void deleteEmpty(List<Path> created) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i));
      } catch (IOException e) {
        if (!(e instanceof java.nio.file.DirectoryNotEmptyException)) {
          throw new UncheckedIOException(e);
        }
        return;
      }
    }
  }
}
