package dev.berth.network.dns;

import java.util.List;

/**
 * A DNS message (RFC 1035 section 4): header fields, questions and answers. Authority and additional records are
 * not modelled (queries' EDNS OPT records are dropped; answers Berth builds carry none). Codec: {@link DnsCodec}.
 */
public record DnsMessage(int id, boolean response, int opcode, boolean authoritative, boolean truncated,
    boolean recursionDesired, boolean recursionAvailable, int rcode, List<Question> questions,
    List<Record> answers) {

  public static final int TYPE_A = 1;
  public static final int TYPE_PTR = 12;
  public static final int TYPE_AAAA = 28;
  public static final int CLASS_IN = 1;
  public static final int NOERROR = 0;
  public static final int FORMERR = 1;
  public static final int SERVFAIL = 2;
  public static final int NXDOMAIN = 3;
  public static final int REFUSED = 5;

  public DnsMessage {
    questions = List.copyOf(questions);
    answers = List.copyOf(answers);
  }

  /** A question: lower-cased name without the trailing dot. */
  public record Question(String name, int type, int qclass) {}

  /** A resource record; {@code data} is the raw RDATA (4 bytes for A, 16 for AAAA, an encoded name for PTR). */
  public record Record(String name, int type, int rclass, long ttl, byte[] data) {}

  /** A query for {@code name}/{@code type} with recursion desired. */
  public static DnsMessage query(int id, String name, int type) {
    return new DnsMessage(id, false, 0, false, false, true, false, NOERROR,
        List.of(new Question(name, type, CLASS_IN)), List.of());
  }

  /** The reply to this query with {@code rcode} and {@code answers}; questions are echoed. */
  public DnsMessage reply(int rcode, List<Record> answers) {
    return new DnsMessage(id, true, opcode, false, false, recursionDesired, true, rcode, questions, answers);
  }
}
