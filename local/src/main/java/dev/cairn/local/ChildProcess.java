package dev.cairn.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A stand-in running as a child process: started, awaited until it prints its ready line, its
 * output kept (the last lines, for the error when it fails), and stopped with its children.
 */
final class ChildProcess implements AutoCloseable {
    private static final int KEPT_LINES = 40;

    private final String name;
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Deque<String> lastLines = new ArrayDeque<>();

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ChildProcess start(
            String name,
            List<String> command,
            Path workingDirectory,
            Map<String, String> environment,
            Predicate<String> readyLine,
            Consumer<String> lines,
            Duration timeout) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot start " + name + " (" + command.getFirst() + "): " + e.getMessage(), e);
        }
        ChildProcess child = new ChildProcess(name, process);
        Thread reader = new Thread(() -> child.read(readyLine, lines), name + "-output");
        reader.setDaemon(true);
        reader.start();
        child.awaitReady(timeout);
        return child;
    }

    private void read(Predicate<String> readyLine, Consumer<String> lines) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                if (ready.getCount() > 0 && readyLine.test(line)) {
                    ready.countDown();
                }
                lines.accept(line);
            }
        } catch (IOException e) {
            // The process ended; whoever waits learns it from the exit status.
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (ready.await(100, TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            name + " exited with status " + process.exitValue() + " before it was ready:\n" + output());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting " + name, e);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s:\n" + output());
    }

    /** The running process, to see whether it and its children are still alive. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    String output() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
