package org.figstream.connectors.sink.manifest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The dataset folder's one writer, on one machine: an exclusive lock on {@code .writer.lock}, held
 * from the sink's open to its close, the file naming its holder (host, process, since when). The
 * operating system drops the lock when the process dies, so a crash leaves nothing to clean up. A
 * lock is only as good as the file system's: across machines on shared storage (NFS, SMB) it may
 * not hold, which is why every manifest replacement also checks its generation ({@link
 * ManifestStore#write}).
 */
public final class WriterLock implements AutoCloseable {
  public static final String FILE = ".writer.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code dataset}, or fails naming the folder and the writer that holds it. */
  public static WriterLock acquire(Path dataset) throws IOException {
    Path file = dataset.resolve(FILE);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very process, through another sink
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
      throw new ConcurrentWriterException(
          "the dataset at "
              + dataset
              + " already has a writer ("
              + (holder.isEmpty() ? "unknown" : holder)
              + ", holding "
              + file
              + "): a dataset takes one writer, so one sink (one Connect task) per dataset folder");
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(holder().getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
    return new WriterLock(channel, lock);
  }

  /** {@code host pid 1234 since 2026-12-04T00:21:22Z}: who writes, for the other one's message. */
  public static String holder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return host
        + " pid "
        + ManagementFactory.getRuntimeMXBean().getPid()
        + " since "
        + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
