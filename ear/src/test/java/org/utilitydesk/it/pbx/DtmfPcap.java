package org.utilitydesk.it.pbx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Key presses as RFC 4733 telephone-events in a pcap file SIPp replays (play_pcap_audio): payload type 101, one
 * packet every 20 ms while the key is held (140 ms), then the end packet three times. Each press of a call gets
 * its own file with RTP timestamps and sequence numbers after the previous press's, as a phone sends them:
 * Asterisk takes an event whose timestamp it saw already for a repeat of that event and drops it (a pcap
 * replayed twice, or the same key pressed twice from one file, is heard once).
 */
final class DtmfPcap {

    private static final int SSRC = 0x55444b31;
    private static final int PAYLOAD_TYPE = 101;
    private static final int PACKETS_HELD = 7;
    private static final int END_PACKETS = 3;
    private static final int SAMPLES_PER_PACKET = 160;
    /** RTP time between presses: far enough apart that no two presses' events overlap. */
    private static final int TIMESTAMP_STEP = 8_000;

    private DtmfPcap() {
    }

    /** The event code of a phone key: 0-9, * = 10, # = 11. */
    static int event(char key) {
        return switch (key) {
            case '*' -> 10;
            case '#' -> 11;
            default -> {
                if (key < '0' || key > '9') {
                    throw new IllegalArgumentException("not a phone key: " + key);
                }
                yield key - '0';
            }
        };
    }

    /** Writes the {@code index}-th press of a call, of {@code key}, to {@code file}. */
    static void write(Path file, int index, char key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.write(header.array());
        int timestamp = 16_000 + index * TIMESTAMP_STEP;
        int sequence = 1_000 + index * (PACKETS_HELD + END_PACKETS);
        for (int i = 0; i < PACKETS_HELD + END_PACKETS; i++) {
            boolean end = i >= PACKETS_HELD;
            int duration = SAMPLES_PER_PACKET * (end ? PACKETS_HELD + 1 : i + 1);
            ByteBuffer event = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
            event.put((byte) 0x80).put((byte) ((i == 0 ? 0x80 : 0) | PAYLOAD_TYPE)).putShort((short) (sequence + i))
                    .putInt(timestamp).putInt(SSRC)
                    .put((byte) event(key)).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
            packet(out, i * 20_000L, event.array());
        }
        Files.write(file, out.toByteArray());
    }

    /** One captured packet: Ethernet, IPv4 (127.0.0.1 to itself), UDP, then the RTP bytes. */
    private static void packet(ByteArrayOutputStream out, long micros, byte[] rtp) throws IOException {
        int udpLength = 8 + rtp.length;
        int ipLength = 20 + udpLength;
        ByteBuffer frame = ByteBuffer.allocate(14 + ipLength).order(ByteOrder.BIG_ENDIAN);
        frame.put(new byte[12]).putShort((short) 0x0800);
        int ipStart = frame.position();
        frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(0x7f000001).putInt(0x7f000001);
        frame.putShort(ipStart + 10, checksum(frame.array(), ipStart, 20));
        frame.putShort((short) 10000).putShort((short) 10000).putShort((short) udpLength).putShort((short) 0);
        frame.put(rtp);
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frame.capacity()).putInt(frame.capacity());
        out.write(record.array());
        out.write(frame.array());
    }

    private static short checksum(byte[] data, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
