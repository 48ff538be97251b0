package org.utilitydesk.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process and its descendants listen on and the UDP sockets they have bound, read from Linux's
 * {@code /proc} as {@code ss -ltunp} shows them: {@code /proc/net/{tcp,tcp6,udp,udp6}} give each socket's local
 * address and inode, {@code /proc/<pid>/fd} which inodes a process holds.
 */
final class ListeningSockets {

    /** {@code TCP_LISTEN} in the kernel's socket states; a bound UDP socket is {@code TCP_CLOSE} (07). */
    private static final String LISTEN = "0A";
    private static final String UDP_BOUND = "07";

    record Socket(String protocol, String address, int port, long pid) {
        boolean loopback() {
            return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
        }

        @Override
        public String toString() {
            return protocol + " " + address + ":" + port + " (pid " + pid + ")";
        }
    }

    private ListeningSockets() {
    }

    static List<Socket> of(long pid) throws IOException {
        Map<Long, Socket> byInode = new HashMap<>();
        read("tcp", LISTEN, byInode);
        read("tcp6", LISTEN, byInode);
        read("udp", UDP_BOUND, byInode);
        read("udp6", UDP_BOUND, byInode);
        List<Socket> found = new ArrayList<>();
        for (long process : withDescendants(pid)) {
            for (long inode : socketInodes(process)) {
                Socket s = byInode.get(inode);
                if (s != null) {
                    found.add(new Socket(s.protocol(), s.address(), s.port(), process));
                }
            }
        }
        return found;
    }

    private static void read(String table, String state, Map<Long, Socket> into) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net", table));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (!f[3].equals(state)) {
                continue;
            }
            String[] local = f[1].split(":");
            into.put(Long.parseLong(f[9]), new Socket(table, address(local[0]), Integer.parseInt(local[1], 16), 0));
        }
    }

    /** The kernel prints addresses as 32-bit words in host (little-endian) byte order. */
    static String address(String hex) {
        int[] bytes = new int[hex.length() / 2];
        for (int word = 0; word < hex.length() / 8; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        if (bytes.length == 4) {
            return bytes[0] + "." + bytes[1] + "." + bytes[2] + "." + bytes[3];
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= bytes[i] == 0;
        }
        if (mapped && bytes[10] == 0xff && bytes[11] == 0xff) {
            return "::ffff:" + bytes[12] + "." + bytes[13] + "." + bytes[14] + "." + bytes[15];
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            text.append(i == 0 ? "" : ":").append(Integer.toHexString(bytes[i] << 8 | bytes[i + 1]));
        }
        // the two addresses that matter here in their short forms
        return switch (text.toString()) {
            case "0:0:0:0:0:0:0:0" -> "::";
            case "0:0:0:0:0:0:0:1" -> "::1";
            default -> text.toString();
        };
    }

    private static Set<Long> withDescendants(long pid) throws IOException {
        Set<Long> all = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(pid));
        while (!todo.isEmpty()) {
            long next = todo.pop();
            if (!all.add(next)) {
                continue;
            }
            Path tasks = Path.of("/proc", Long.toString(next), "task");
            if (!Files.isDirectory(tasks)) {
                continue;
            }
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path task : threads.toList()) {
                    Path children = task.resolve("children");
                    if (Files.exists(children)) {
                        for (String child : Files.readString(children).trim().split("\\s+")) {
                            if (!child.isEmpty()) {
                                todo.push(Long.parseLong(child));
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    private static Set<Long> socketInodes(long pid) throws IOException {
        Set<Long> inodes = new HashSet<>();
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        if (!Files.isDirectory(fds)) {
            return inodes;
        }
        try (Stream<Path> all = Files.list(fds)) {
            for (Path fd : all.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while the list was read
                }
            }
        }
        return inodes;
    }
}
