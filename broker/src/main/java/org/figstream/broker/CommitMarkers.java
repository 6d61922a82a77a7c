package org.figstream.broker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData.WritableTxnMarker;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData.WritableTxnMarkerTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;

/**
 * Writes a commit marker to one partition of the embedded broker. The admin API can only abort a
 * hanging transaction (KIP-664); a transaction its coordinator committed must be committed on every
 * partition it wrote, or some of its partitions (say, the consumer offsets) would count while
 * others (the records those offsets stand for) would not. This sends the same request as the
 * admin's abort, WriteTxnMarkers, with the commit result, over one plain connection to the broker,
 * which on the embedded default leads every partition.
 */
final class CommitMarkers {
  private static final String CLIENT_ID = "figstream-orphan-repair";

  private CommitMarkers() {}

  static void commit(
      InetSocketAddress broker,
      TopicPartition partition,
      long producerId,
      short producerEpoch,
      int coordinatorEpoch)
      throws IOException {
    WritableTxnMarker marker =
        new WritableTxnMarker()
            .setProducerId(producerId)
            .setProducerEpoch(producerEpoch)
            .setCoordinatorEpoch(coordinatorEpoch)
            .setTransactionResult(true);
    marker
        .topics()
        .add(
            new WritableTxnMarkerTopic()
                .setName(partition.topic())
                .setPartitionIndexes(List.of(partition.partition())));
    WriteTxnMarkersRequestData data = new WriteTxnMarkersRequestData();
    data.markers().add(marker);
    short version = ApiKeys.WRITE_TXN_MARKERS.latestVersion();
    RequestHeader header = new RequestHeader(ApiKeys.WRITE_TXN_MARKERS, version, CLIENT_ID, 1);
    ByteBuffer request =
        new WriteTxnMarkersRequest.Builder(data).build(version).serializeWithHeader(header);
    byte[] bytes = new byte[request.remaining()];
    request.get(bytes);
    try (Socket socket = new Socket()) {
      socket.connect(broker, 10_000);
      socket.setSoTimeout(30_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeInt(bytes.length);
      out.write(bytes);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] reply = new byte[in.readInt()];
      in.readFully(reply);
      WriteTxnMarkersResponse response =
          (WriteTxnMarkersResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(reply), header);
      Errors error = response.errorsByProducerId().get(producerId).get(partition);
      if (error != Errors.NONE) {
        throw new IOException("commit marker on " + partition + " refused: " + error);
      }
    }
  }
}
