package org.markpoint.question.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip in and out for content packages, with limits checked against the bytes actually inflated (a zip's own size
 * fields can lie): how many entries, how big each, how big all together, and no entry may climb out of the package
 * ({@code ..}, absolute paths). A package breaking a limit is refused whole.
 */
final class SafeZip {

    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        static final Limits DEFAULT = new Limits(2_000, 10L * 1024 * 1024, 50L * 1024 * 1024);
    }

    /** Thrown for a package that is not acceptable: a zip bomb, too many entries, an unsafe path, not a zip. */
    static final class ZipRejected extends RuntimeException {
        ZipRejected(String message) {
            super(message);
        }
    }

    private SafeZip() {
    }

    static Map<String, byte[]> read(byte[] zip, Limits limits) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (out.size() >= limits.maxEntries()) {
                    throw new ZipRejected("more than " + limits.maxEntries() + " entries");
                }
                String name = safeName(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                long size = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    total += n;
                    if (size > limits.maxEntryBytes()) {
                        throw new ZipRejected(name + " inflates to more than " + limits.maxEntryBytes() + " bytes");
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw new ZipRejected("the package inflates to more than " + limits.maxTotalBytes() + " bytes");
                    }
                    bytes.write(buffer, 0, n);
                }
                if (out.putIfAbsent(name, bytes.toByteArray()) != null) {
                    throw new ZipRejected("the entry " + name + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new ZipRejected("not a readable zip: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new ZipRejected("not a zip, or an empty one");
        }
        return out;
    }

    private static String safeName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.equals("..") || n.startsWith("../")
                || n.contains("/../") || n.endsWith("/..")) {
            throw new ZipRejected("unsafe entry path " + name);
        }
        return n.startsWith("./") ? n.substring(2) : n;
    }

    static byte[] write(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0L);
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
