package org.figstream.connectors.feed.sample;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/** How the emulator answers a request that is to go wrong, one way per {@link Faults.Kind}. */
final class FaultResponses {
  private FaultResponses() {}

  /** Answers with {@code fault} instead of {@code body}, as {@code config} sets it up. */
  static Publisher<Void> send(
      Faults.Kind fault, Faults config, HttpServerResponse res, Supplier<byte[]> body) {
    return switch (fault) {
      case SERVER_ERROR -> res.status(503).header(HttpHeaderNames.CONTENT_LENGTH, "0").send();
      case TOO_MANY_REQUESTS ->
          res.status(429)
              .header(HttpHeaderNames.CONTENT_LENGTH, "0")
              .header(HttpHeaderNames.RETRY_AFTER, String.valueOf(config.retryAfterSeconds()))
              .send();
      case SLOW -> res.sendByteArray(Mono.delay(config.slowDelay()).map(t -> body.get()));
      case RESET -> Mono.fromRunnable(() -> res.withConnection(c -> c.channel().close()));
      case TRUNCATED -> truncated(res, body.get());
      case WRONG_BODY -> {
        byte[] wrong = body.get().clone();
        wrong[wrong.length / 2] ^= 0x01;
        yield res.sendByteArray(Mono.just(wrong));
      }
    };
  }

  /**
   * Headers promising the whole body, half of it, then a closed connection: written below Reactor
   * Netty's response handling, which would otherwise wait for the rest of the promised bytes.
   */
  private static Mono<Void> truncated(HttpServerResponse res, byte[] bytes) {
    return Mono.fromRunnable(
        () ->
            res.withConnection(
                c -> {
                  DefaultHttpResponse head =
                      new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                  head.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
                  c.channel().write(head);
                  c.channel()
                      .writeAndFlush(Unpooled.wrappedBuffer(bytes, 0, bytes.length / 2))
                      .addListener(ChannelFutureListener.CLOSE);
                }));
  }
}
