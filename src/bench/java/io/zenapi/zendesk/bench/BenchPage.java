package io.zenapi.zendesk.bench;

import java.util.List;

/**
 * A page of tickets as a user writes it by hand for a one-off loop: plain public fields, timestamps kept as the
 * strings Zendesk sends, bound by Gson ({@code LOWER_CASE_WITH_UNDERSCORES}) or Jackson ({@code SNAKE_CASE}).
 */
public final class BenchPage {
  public List<Ticket> tickets;
  public Meta meta;
  public Links links;

  /** Cursor pagination's meta. */
  public static final class Meta {
    public boolean hasMore;
    public String afterCursor;
    public String beforeCursor;
  }

  /** Cursor pagination's links. */
  public static final class Links {
    public String next;
    public String prev;
  }

  /** A ticket, every field Zendesk sends. */
  public static final class Ticket {
    public String url;
    public Long id;
    public String externalId;
    public Via via;
    public String createdAt;
    public String updatedAt;
    public Long generatedTimestamp;
    public String type;
    public String subject;
    public String rawSubject;
    public String description;
    public String priority;
    public String status;
    public String recipient;
    public Long requesterId;
    public Long submitterId;
    public Long assigneeId;
    public Long organizationId;
    public Long groupId;
    public List<Long> collaboratorIds;
    public List<Long> followerIds;
    public List<Long> emailCcIds;
    public Long forumTopicId;
    public Long problemId;
    public Boolean hasIncidents;
    public Boolean isPublic;
    public String dueAt;
    public List<String> tags;
    public List<CustomField> customFields;
    public List<CustomField> fields;
    public SatisfactionRating satisfactionRating;
    public List<Long> sharingAgreementIds;
    public Long customStatusId;
    public List<Long> followupIds;
    public Long ticketFormId;
    public Long brandId;
    public Boolean allowChannelback;
    public Boolean allowAttachments;
    public Boolean fromMessagingChannel;
  }

  /** How the ticket came in. */
  public static final class Via {
    public String channel;
    public Source source;
  }

  /** The via source. */
  public static final class Source {
    public Party from;
    public Party to;
    public String rel;
  }

  /** An address and a name. */
  public static final class Party {
    public String address;
    public String name;
  }

  /** A custom field: its value is a string, number, boolean, list or null. */
  public static final class CustomField {
    public Long id;
    public Object value;
  }

  /** The satisfaction rating. */
  public static final class SatisfactionRating {
    public String score;
  }
}
