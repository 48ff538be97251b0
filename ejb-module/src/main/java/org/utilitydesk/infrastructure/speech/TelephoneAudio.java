package org.utilitydesk.infrastructure.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Turns what a speech engine wrote (a 16-bit PCM WAV at its own rate) into what Asterisk plays without
 * transcoding: 8 kHz, 16-bit, mono WAV, band-limited before resampling (windowed sinc), the silence around
 * the speech trimmed and the speech levelled to the prompts' loudness (RMS {@value #LEVEL_DBFS} dBFS, peaks
 * at most -1 dBFS).
 */
final class TelephoneAudio {

    static final int RATE = 8_000;
    static final double LEVEL_DBFS = -18;
    private static final double PEAK_LIMIT = Math.pow(10, -1 / 20.0);
    private static final double SILENCE = Math.pow(10, -45 / 20.0);
    /** Half the sinc filter's length in input samples per output sample's side. */
    private static final int TAPS = 16;

    private TelephoneAudio() {
    }

    /** The 8 kHz telephone WAV of {@code wav}; IllegalArgumentException if it is not 16-bit PCM WAV or holds no sound. */
    static byte[] convert(byte[] wav) {
        Pcm pcm = read(wav);
        double[] samples = resample(pcm.samples, pcm.rate);
        samples = trim(samples);
        if (samples.length == 0) {
            throw new IllegalArgumentException("the engine's audio is silent");
        }
        level(samples);
        return write(samples);
    }

    private record Pcm(double[] samples, int rate) {
    }

    private static Pcm read(byte[] wav) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 44 || !ascii(wav, 0).equals("RIFF") || !ascii(wav, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a WAV file");
        }
        int position = 12;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int format = 0;
        while (position + 8 <= wav.length) {
            String chunk = ascii(wav, position);
            long size = in.getInt(position + 4) & 0xffffffffL;
            if (chunk.equals("fmt ")) {
                format = in.getShort(position + 8);
                channels = in.getShort(position + 10);
                rate = in.getInt(position + 12);
                bits = in.getShort(position + 22);
            } else if (chunk.equals("data")) {
                if (format != 1 || bits != 16 || channels < 1 || rate < RATE) {
                    throw new IllegalArgumentException("not 16-bit PCM at 8 kHz or more: format " + format + ", " + bits + " bits, "
                            + rate + " Hz");
                }
                // engines writing to a pipe leave the size at 0 or -1: the data runs to the end
                long available = wav.length - position - 8L;
                int frames = (int) ((size == 0 || size > available ? available : size) / (2L * channels));
                double[] samples = new double[frames];
                for (int i = 0; i < frames; i++) {
                    samples[i] = in.getShort(position + 8 + i * 2 * channels) / 32768.0;
                }
                return new Pcm(samples, rate);
            }
            position += 8 + (int) size + (int) (size & 1);
        }
        throw new IllegalArgumentException("no data in the WAV file");
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }

    /** Windowed-sinc resampling to 8 kHz with its cut-off below 4 kHz, so nothing above folds back into speech. */
    private static double[] resample(double[] in, int rate) {
        if (rate == RATE) {
            return in;
        }
        double step = (double) rate / RATE;
        double cutoff = 0.9 * RATE / rate; // of the input's Nyquist frequency
        int out = (int) (in.length / step);
        double[] resampled = new double[out];
        int half = (int) Math.ceil(TAPS * step);
        for (int n = 0; n < out; n++) {
            double centre = n * step;
            int first = Math.max(0, (int) Math.floor(centre) - half + 1);
            int last = Math.min(in.length - 1, (int) Math.floor(centre) + half);
            double sum = 0;
            double weights = 0;
            for (int k = first; k <= last; k++) {
                double x = k - centre;
                double window = 0.5 + 0.5 * Math.cos(Math.PI * x / (half + 1)); // Hann
                double weight = cutoff * sinc(cutoff * x) * window;
                sum += in[k] * weight;
                weights += weight;
            }
            resampled[n] = weights == 0 ? 0 : sum / weights;
        }
        return resampled;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Without the silence before and after the speech, keeping 80 ms either side. */
    private static double[] trim(double[] samples) {
        int first = 0;
        while (first < samples.length && Math.abs(samples[first]) < SILENCE) {
            first++;
        }
        int last = samples.length - 1;
        while (last > first && Math.abs(samples[last]) < SILENCE) {
            last--;
        }
        if (first >= samples.length) {
            return new double[0];
        }
        int keep = RATE * 80 / 1000;
        int from = Math.max(0, first - keep);
        int to = Math.min(samples.length, last + 1 + keep);
        double[] kept = new double[to - from];
        System.arraycopy(samples, from, kept, 0, kept.length);
        return kept;
    }

    /** To the prompts' speech level, scaled down where that would push a peak past the limit. */
    private static void level(double[] samples) {
        double sum = 0;
        double peak = 0;
        for (double s : samples) {
            sum += s * s;
            peak = Math.max(peak, Math.abs(s));
        }
        double rms = Math.sqrt(sum / samples.length);
        double gain = Math.min(Math.pow(10, LEVEL_DBFS / 20) / rms, PEAK_LIMIT / peak);
        for (int i = 0; i < samples.length; i++) {
            samples[i] *= gain;
        }
    }

    private static byte[] write(double[] samples) {
        ByteBuffer out = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples.length);
        for (double s : samples) {
            out.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
        }
        return out.array();
    }
}
