package io.zenapi.zendesk.tickets;

import io.zenapi.zendesk.ZendeskLogger;
import java.lang.System.Logger.Level;
import io.zenapi.zendesk.errors.ConflictException;
import io.zenapi.zendesk.errors.UpdateConflictException;
import io.zenapi.zendesk.errors.WriteOutcomeUnknownException;
import io.zenapi.zendesk.generated.api.TagsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.PutTagsTicketRequest;
import io.zenapi.zendesk.generated.model.SetTagsTicketRequest;
import io.zenapi.zendesk.generated.model.TagsByObjectIdResponse;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketResponse;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketUpdateResponse;
import io.zenapi.zendesk.generated.model.JobResult;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.JobStatusResponse;
import io.zenapi.zendesk.generated.model.TicketsCreateRequest;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequestTicket;
import io.zenapi.zendesk.internal.Exchange;
import io.zenapi.zendesk.internal.WriteSafety;
import io.zenapi.zendesk.jobs.BulkResult;
import io.zenapi.zendesk.jobs.JobResults;
import io.zenapi.zendesk.jobs.Jobs;
import java.time.OffsetDateTime;
import retrofit2.Call;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * Conflict-safe ticket updates: read the ticket, let a function decide the change, write it with
 * {@code safe_update: true} and the {@code updated_stamp} that was read. If someone else changed the ticket in
 * between, Zendesk answers 409; the ticket is read again and the function applied again, up to a bounded number of
 * attempts. Thread-safe.
 */
public final class Tickets {
  /** Attempts of a safe update when none is given. */
  public static final int DEFAULT_ATTEMPTS = 5;

  private final Exchange exchange;
  private final TicketsApi tickets;
  private final TagsApi tags;
  private final Jobs jobs;
  private final ZendeskLogger log;

  /**
   * Made by the client: {@code client.tickets()}.
   *
   * @param exchange runs the calls
   * @param tickets the generated tickets API
   * @param tags the generated tags API
   * @param jobs awaits the jobs of bulk writes
   * @param log receives a line about each conflict
   */
  public Tickets(Exchange exchange, TicketsApi tickets, TagsApi tags, Jobs jobs, Consumer<String> log) {
    this(exchange, tickets, tags, jobs, ZendeskLogger.lines(log));
  }

  /**
   * Made by the client: {@code client.tickets()}.
   *
   * @param exchange runs the calls
   * @param tickets the generated tickets API
   * @param tags the generated tags API
   * @param jobs awaits the jobs of bulk writes
   * @param log receives a line about each conflict, each line at its level
   */
  public Tickets(Exchange exchange, TicketsApi tickets, TagsApi tags, Jobs jobs, ZendeskLogger log) {
    this.exchange = exchange;
    this.tickets = tickets;
    this.tags = tags;
    this.jobs = jobs;
    this.log = log;
  }

  /**
   * {@link #safeUpdate(long, int, BiConsumer)} with {@value #DEFAULT_ATTEMPTS} attempts.
   *
   * @param ticketId the ticket
   * @param change fills the changes from the current ticket
   * @return the ticket as Zendesk returned it after the update
   * @throws IllegalArgumentException when the id is not positive or change is null
   * @throws UpdateConflictException when every attempt met a newer version; it carries the latest copy
   */
  public TicketObject safeUpdate(long ticketId, BiConsumer<TicketObject, TicketObject> change) {
    return safeUpdate(ticketId, DEFAULT_ATTEMPTS, change);
  }

  /**
   * Updates a ticket without overwriting a concurrent change.
   *
   * <p>{@code change} receives the ticket as read and an empty ticket to fill with the fields to change (only
   * those are sent). <b>It may run more than once</b>, once per attempt after a concurrent change, each time with
   * a fresher copy: keep it free of side effects. It never runs again because of this method's own write: when
   * the write fails in a way that may have reached Zendesk, a change that adds (a comment, collaborators) is not
   * sent again and ends in a {@link WriteOutcomeUnknownException} carrying the body sent; any other change is sent
   * again with the same stamp, which Zendesk refuses with 409 if the first copy landed, and that 409 is a
   * {@link WriteOutcomeUnknownException} too, not a conflict to retry.
   *
   * @param ticketId the ticket
   * @param maxAttempts writes to try, at least 1
   * @param change fills the changes from the current ticket
   * @return the ticket as Zendesk returned it after the update
   * @throws IllegalArgumentException when the id is not positive, attempts are below 1 or change is null
   * @throws UpdateConflictException when every attempt met a newer version; it carries the latest copy
   * @throws WriteOutcomeUnknownException when the write may or may not have been applied
   * @throws io.zenapi.zendesk.errors.ZendeskException for any other failure (404, 422, transport, ...)
   */
  public TicketObject safeUpdate(long ticketId, int maxAttempts, BiConsumer<TicketObject, TicketObject> change) {
    if (change == null) {
      throw new IllegalArgumentException("safeUpdate: change must not be null");
    }
    return withConflictRetry(ticketId, maxAttempts, (current, stamp) -> {
      TicketObject changes = new TicketObject();
      change.accept(current, changes);
      changes.safeUpdate(true).updatedStamp(stamp);
      return writeStamped(ticketId, new TicketUpdateRequest().ticket(changes));
    });
  }

  /**
   * Sends one safe-update write. The transport may send it again after a failure (its stamp makes that safe: a
   * second copy fails with 409 if the first landed), except when it adds a comment or collaborators, which it never
   * sends twice. A 409 that answers a copy sent again after a failure that may have reached Zendesk is no
   * conflict to retry: the first copy may have landed, so the outcome is unknown, and the change function does
   * not run again.
   */
  private TicketObject writeStamped(long ticketId, TicketUpdateRequest body) {
    WriteSafety.Replays replays = new WriteSafety.Replays();
    Call<TicketUpdateResponse> call = tickets.updateTicket(ticketId, body);
    try {
      return exchange.executeForBody(call, replays).getTicket();
    } catch (ConflictException conflict) {
      String failure = replays.ambiguousFailure();
      if (failure == null) {
        throw conflict;
      }
      throw WriteSafety.outcomeUnknown(call.request(), "was sent again after " + failure + ", and that copy met "
          + "409: the first copy may have landed, or someone else changed the ticket; read it before repeating the "
          + "change", conflict);
    }
  }

  /**
   * Replaces a ticket's tags, conflict-safe ({@code POST /api/v2/tickets/{id}/tags}).
   * {@code tags} may run more than once (see {@link #safeUpdate(long, int, BiConsumer)}).
   *
   * @param ticketId the ticket
   * @param tags gives the complete new list of tags from the current ticket
   * @return the ticket's tags after the change
   * @throws IllegalArgumentException when the id is not positive or {@code tags} is null
   * @throws UpdateConflictException when all {@value #DEFAULT_ATTEMPTS} attempts met a newer version
   */
  public List<String> safeSetTags(long ticketId, Function<TicketObject, List<String>> tags) {
    requireFunction(tags);
    return withConflictRetry(ticketId, DEFAULT_ATTEMPTS, (current, stamp) -> tagsOf(exchange.execute(this.tags
        .setTagsTicket(ticketId, new SetTagsTicketRequest().tags(tags.apply(current)).safeUpdate(true)
            .updatedStamp(stamp)))));
  }

  /**
   * Adds tags to a ticket, conflict-safe ({@code PUT /api/v2/tickets/{id}/tags}).
   * {@code tags} may run more than once (see {@link #safeUpdate(long, int, BiConsumer)}).
   *
   * @param ticketId the ticket
   * @param tags gives the tags to add from the current ticket
   * @return the ticket's tags after the change
   * @throws IllegalArgumentException when the id is not positive or {@code tags} is null
   * @throws UpdateConflictException when all {@value #DEFAULT_ATTEMPTS} attempts met a newer version
   */
  public List<String> safeAddTags(long ticketId, Function<TicketObject, List<String>> tags) {
    requireFunction(tags);
    return withConflictRetry(ticketId, DEFAULT_ATTEMPTS, (current, stamp) -> tagsOf(exchange.execute(this.tags
        .putTagsTicket(ticketId, new PutTagsTicketRequest().tags(tags.apply(current)).safeUpdate(true)
            .updatedStamp(stamp)))));
  }

  /** One write attempt given the ticket as read and its {@code updated_at}. */
  private interface Attempt<T> {
    T write(TicketObject current, OffsetDateTime stamp);
  }

  private <T> T withConflictRetry(long ticketId, int maxAttempts, Attempt<T> attempt) {
    if (ticketId <= 0) {
      throw new IllegalArgumentException("ticket id must be positive, was " + ticketId);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    ConflictException last = null;
    for (int i = 1; i <= maxAttempts; i++) {
      TicketObject current = read(ticketId);
      try {
        return attempt.write(current, current.getUpdatedAt());
      } catch (ConflictException e) {
        last = e;
        log.log(Level.INFO, "safe update of ticket " + ticketId + ": conflict on attempt " + i + "/" + maxAttempts
            + ", re-reading");
      }
    }
    throw new UpdateConflictException(ticketId, maxAttempts, read(ticketId), last);
  }

  private TicketObject read(long ticketId) {
    TicketResponse r = exchange.executeForBody(tickets.showTicket(ticketId));
    TicketObject t = r.getTicket();
    if (t == null || t.getUpdatedAt() == null) {
      throw new IllegalStateException("ticket " + ticketId + " came back without updated_at; a safe update needs it");
    }
    return t;
  }

  private static List<String> tagsOf(TagsByObjectIdResponse r) {
    return r == null || r.getTags() == null ? List.of() : r.getTags();
  }

  private static void requireFunction(Object f) {
    if (f == null) {
      throw new IllegalArgumentException("the tags function must not be null");
    }
  }

  /** Zendesk's limit of tickets per bulk job (update_many, create_many, destroy_many). */
  public static final int BULK_LIMIT = 100;

  /**
   * Applies one change to many tickets: the ids are split into {@code update_many} jobs of at most
   * {@value #BULK_LIMIT} (Zendesk's limit), submitted one after the other through the client's transport (its rate
   * limiting included), then awaited together ({@code job_statuses/show_many}).
   *
   * @param ticketIds the tickets, any number; each is updated once
   * @param change the fields to set on every ticket
   * @return every job and every item's result
   * @throws IllegalArgumentException when there is no id, an id is null or not positive, or the change is null
   * @throws io.zenapi.zendesk.errors.BulkWriteFailedException when some items failed: it carries the whole result
   * @throws io.zenapi.zendesk.errors.JobFailedException when a job failed as a whole
   * @throws io.zenapi.zendesk.errors.ZendeskException for any other failure
   */
  public BulkResult updateMany(java.util.Collection<Long> ticketIds, TicketsUpdateRequestTicket change) {
    if (change == null) {
      throw new IllegalArgumentException("updateMany: the change must not be null");
    }
    return inJobs("updateMany", ids("updateMany", ticketIds), batch -> tickets.ticketsUpdateMany(
        TicketsApi.TicketsUpdateManyParams.builder().ids(joined(batch)).build(),
        new TicketsUpdateRequest().ticket(change)));
  }

  /**
   * Creates many tickets: split into {@code create_many} jobs of at most {@value #BULK_LIMIT}, submitted one after
   * the other, awaited together. The result lists the items in the order given, each with the new ticket's id.
   *
   * <p>A {@code create_many} job is a POST without an idempotency key: after a failure that may have reached
   * Zendesk it is not sent again, and the call ends in a {@link WriteOutcomeUnknownException} (the jobs submitted
   * before it stand).
   *
   * @param newTickets the tickets to create, any number
   * @return every job and every item's result
   * @throws IllegalArgumentException when the list is null or empty or holds a null
   * @throws io.zenapi.zendesk.errors.BulkWriteFailedException when some items failed: it carries the whole result
   * @throws io.zenapi.zendesk.errors.JobFailedException when a job failed as a whole
   * @throws io.zenapi.zendesk.errors.ZendeskException for any other failure
   */
  public BulkResult createMany(List<TicketObject> newTickets) {
    if (newTickets == null || newTickets.isEmpty() || newTickets.contains(null)) {
      throw new IllegalArgumentException("createMany: give at least one ticket, and no null");
    }
    return inJobs("createMany", List.copyOf(newTickets),
        batch -> tickets.ticketsCreateMany(new TicketsCreateRequest().tickets(batch)));
  }

  /**
   * Deletes many tickets (they go to the deleted tickets, recoverable for 30 days): split into
   * {@code destroy_many} jobs of at most {@value #BULK_LIMIT}, submitted one after the other, awaited together.
   *
   * @param ticketIds the tickets, any number
   * @return every job and every item's result
   * @throws IllegalArgumentException when there is no id, or an id is null or not positive
   * @throws io.zenapi.zendesk.errors.BulkWriteFailedException when some items failed: it carries the whole result
   * @throws io.zenapi.zendesk.errors.JobFailedException when a job failed as a whole
   * @throws io.zenapi.zendesk.errors.ZendeskException for any other failure
   */
  public BulkResult destroyMany(java.util.Collection<Long> ticketIds) {
    return inJobs("destroyMany", ids("destroyMany", ticketIds), batch -> tickets.bulkDeleteTickets(joined(batch)));
  }

  private static List<Long> ids(String method, java.util.Collection<Long> ticketIds) {
    if (ticketIds == null || ticketIds.isEmpty()) {
      throw new IllegalArgumentException(method + ": give at least one ticket id");
    }
    if (ticketIds.stream().anyMatch(id -> id == null || id <= 0)) {
      throw new IllegalArgumentException(method + ": ticket ids must be positive, and none null");
    }
    return List.copyOf(ticketIds);
  }

  private static String joined(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
  }

  /** Submits one job per batch of at most {@value #BULK_LIMIT} items, awaits them all, checks every item. */
  private <T> BulkResult inJobs(String method, List<T> items, Function<List<T>, Call<JobStatusResponse>> submit) {
    List<String> jobIds = new java.util.ArrayList<>();
    for (int from = 0; from < items.size(); from += BULK_LIMIT) {
      JobStatusObject job = exchange.executeForBody(submit.apply(items.subList(from,
          Math.min(items.size(), from + BULK_LIMIT)))).getJobStatus();
      if (job == null || job.getId() == null) {
        throw new io.zenapi.zendesk.errors.MalformedResponseException(method + ": Zendesk accepted a job but its "
            + "answer has no job_status id", 200, null, null);
      }
      jobIds.add(job.getId());
    }
    List<JobStatusObject> done = jobs.awaitAll(jobIds);
    List<JobResult> results = new java.util.ArrayList<>();
    done.forEach(job -> results.addAll(JobResults.of(job)));
    BulkResult result = new BulkResult(done, List.copyOf(results));
    if (!result.failures().isEmpty()) {
      throw new io.zenapi.zendesk.errors.BulkWriteFailedException(result);
    }
    return result;
  }
}
