package io.oranric.backbone.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Protobuf values on the wire: the plain binary encoding, no schema registry framing. */
public final class ProtobufSerde {
  private ProtobufSerde() {}

  public static final class ProtobufSerializer implements Serializer<Message> {
    @Override
    public byte[] serialize(String topic, Message data) {
      return data == null ? null : data.toByteArray();
    }
  }

  public static final class ProtobufDeserializer<T extends Message> implements Deserializer<T> {
    private final Parser<T> parser;

    public ProtobufDeserializer(Parser<T> parser) {
      this.parser = parser;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
      if (data == null) {
        return null; // a tombstone on a compacted topic
      }
      try {
        return parser.parseFrom(data);
      } catch (InvalidProtocolBufferException e) {
        throw new SerializationException("record on " + topic + " is not a valid Protobuf value", e);
      }
    }
  }
}
