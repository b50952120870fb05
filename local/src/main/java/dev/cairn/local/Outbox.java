package dev.cairn.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mails the local stack would have sent: verification and password reset codes. Client
 * developers read them at {@code GET /_local/outbox?to=EMAIL}; the end-to-end tests read them here.
 */
public final class Outbox {
    private final List<Mail> mails = new ArrayList<>();

    /** One captured mail; {@code code} is the verification or reset code it carries, if any. */
    public record Mail(String to, String subject, String body, String code) {}

    synchronized void deliver(Mail mail) {
        mails.add(mail);
        notifyAll();
    }

    /** Every mail sent to {@code address} (case-insensitive), oldest first. */
    public synchronized List<Mail> to(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return mails.stream()
                .filter(m -> m.to().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
    }

    /**
     * The newest code sent to {@code address}, waiting up to {@code timeoutMillis} for it to arrive
     * after {@code after} mails were already there.
     */
    public synchronized String awaitCode(String address, int after, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            List<Mail> sent = to(address);
            if (sent.size() > after) {
                return sent.getLast().code();
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new IllegalStateException("No mail to " + address + " within " + timeoutMillis + " ms");
            }
            wait(left);
        }
    }

    synchronized List<Mail> all() {
        return new ArrayList<>(mails);
    }
}
