package org.utilitydesk.infrastructure.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An engine's 22 kHz output becomes an 8 kHz telephone prompt: band-limited, trimmed and levelled. */
class TelephoneAudioTest {

    private static final int ENGINE_RATE = 22_050;

    @Test
    void toEightKilohertzSixteenBitMonoWithTheSilenceAroundItTrimmed() {
        // 0.5 s silence, 1 s of a 440 Hz tone, 0.5 s silence
        double[] signal = new double[2 * ENGINE_RATE];
        for (int i = ENGINE_RATE / 2; i < ENGINE_RATE * 3 / 2; i++) {
            signal[i] = 0.1 * Math.sin(2 * Math.PI * 440 * i / ENGINE_RATE);
        }
        Wave out = Wave.of(TelephoneAudio.convert(wav(signal, ENGINE_RATE)));
        assertThat(out.rate).isEqualTo(8000);
        assertThat(out.samples.length / 8000.0).as("seconds: the tone and 80 ms either side").isBetween(1.1, 1.2);
        assertThat(out.rmsDb()).as("levelled like the prompts").isBetween(-18.5, -17.5);
    }

    @Test
    void whatLiesAboveTheTelephoneBandIsFilteredOutNotFoldedIntoIt() {
        // a 6 kHz tone would come back as 2 kHz if resampled without filtering; beside it a 1 kHz tone
        double[] high = new double[ENGINE_RATE];
        double[] low = new double[ENGINE_RATE];
        for (int i = 0; i < ENGINE_RATE; i++) {
            high[i] = 0.5 * Math.sin(2 * Math.PI * 6000 * i / ENGINE_RATE);
            low[i] = 0.5 * Math.sin(2 * Math.PI * 1000 * i / ENGINE_RATE);
        }
        double[] both = new double[ENGINE_RATE];
        for (int i = 0; i < ENGINE_RATE; i++) {
            both[i] = high[i] + low[i];
        }
        Wave out = Wave.of(TelephoneAudio.convert(wav(both, ENGINE_RATE)));
        double at1k = out.power(1000);
        double at2k = out.power(2000);
        assertThat(10 * Math.log10(at2k / at1k)).as("the 6 kHz tone's alias, dB below the 1 kHz tone").isLessThan(-40);
    }

    @Test
    void silenceAndWhatIsNotPcmWaveAreRefused() {
        assertThatThrownBy(() -> TelephoneAudio.convert(wav(new double[ENGINE_RATE], ENGINE_RATE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silent");
        assertThatThrownBy(() -> TelephoneAudio.convert("not a wave file at all, just text here.......".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] wav(double[] samples, int rate) {
        ByteBuffer out = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples.length).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(2 * samples.length);
        for (double s : samples) {
            out.putShort((short) Math.round(s * 32767));
        }
        return out.array();
    }

    /** A mono 16-bit WAV read back (44-byte header, as TelephoneAudio writes it). */
    record Wave(int rate, double[] samples) {
        static Wave of(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(in.getShort(20)).as("PCM").isEqualTo((short) 1);
            assertThat(in.getShort(22)).as("mono").isEqualTo((short) 1);
            assertThat(in.getShort(34)).as("16-bit").isEqualTo((short) 16);
            double[] samples = new double[in.getInt(40) / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = in.getShort(44 + 2 * i) / 32768.0;
            }
            return new Wave(in.getInt(24), samples);
        }

        double rmsDb() {
            double sum = 0;
            for (double s : samples) {
                sum += s * s;
            }
            return 10 * Math.log10(sum / samples.length);
        }

        /** The signal's power at one frequency (Goertzel). */
        double power(double frequency) {
            double coefficient = 2 * Math.cos(2 * Math.PI * frequency / rate);
            double previous = 0;
            double beforeThat = 0;
            for (double s : samples) {
                double current = s + coefficient * previous - beforeThat;
                beforeThat = previous;
                previous = current;
            }
            return previous * previous + beforeThat * beforeThat - coefficient * previous * beforeThat;
        }
    }
}
