using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Media;

public sealed class Subscriber
{
    public Guid Id { get; set; }

    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string CountryCode { get; set; } = string.Empty;

    public string PlanCode { get; set; } = string.Empty;

    public string Status { get; set; } = "active";

    public byte[] RowVersion { get; set; } = [];
}

public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Type { get; set; } = string.Empty;

    public string Payload { get; set; } = "{}";

    public DateTimeOffset OccurredAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed record SubscriberEmailChanged(Guid SubscriberId, string NewEmail);

public sealed record PlanChanged(Guid SubscriberId, string FromPlan, string ToPlan);

public sealed class SubscriptionsContext(DbContextOptions<SubscriptionsContext> options) : DbContext(options)
{
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
}

/// <summary>Saves a subscriber change and its integration events in one transaction (transactional outbox).</summary>
public sealed class SubscriptionUnitOfWork(SubscriptionsContext db, ILogger<SubscriptionUnitOfWork> logger)
{
    private static readonly ActivitySource Source = new("Media.Subscriptions");
    private readonly List<object> _events = new();

    public void Raise(object integrationEvent) => _events.Add(integrationEvent);

    public async Task<int> CommitAsync(CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("commit", nameof(Subscriber)).SetDataStore("subscriptions");
        foreach (var integrationEvent in _events)
        {
            var message = new OutboxMessage { Type = integrationEvent.GetType().Name, Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType()) };
            db.Outbox.Add(message);
            logger.LogDebug("Outbox {MessageId} of type {Type}", message.Id, message.Type); // clean direct
            logger.LogTrace("Outbox payload {Payload}", message.Payload); // leak TC1001 cross-member
        }

        var changed = db.ChangeTracker.Entries<Subscriber>().Count(e => e.State == EntityState.Modified);
        var saved = await db.SaveChangesAsync(cancellationToken);
        span.SetDataRows(saved).SetDataNote($"{changed} subscribers, {_events.Count} events"); // clean generated-api
        _events.Clear();
        return saved;
    }
}

public sealed class SubscriberAccountService(SubscriptionsContext db, SubscriptionUnitOfWork unitOfWork, ILogger<SubscriberAccountService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Media.Accounts");

    public async Task<bool> ChangeEmailAsync(Guid subscriberId, string newEmail, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("update", nameof(Subscriber)).SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(subscriberId.ToString())); // clean precision-pseudonym
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        if (subscriber is null)
        {
            return false;
        }

        span.Activity?.SetTag(DataAttributes.SubjectContact, subscriber.Email); // leak TC1001 direct
        var previousDomain = subscriber.Email.Split('@')[1];
        subscriber.Email = newEmail;
        unitOfWork.Raise(new SubscriberEmailChanged(subscriber.Id, newEmail));
        await unitOfWork.CommitAsync(cancellationToken);

        logger.LogInformation("Subscriber email moved from domain {OldDomain} to {NewDomain}", previousDomain, newEmail.Split('@')[1]); // clean precision-about
        return true;
    }

    public async Task<bool> ChangePlanAsync(Guid subscriberId, string planCode, string expectedVersion, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("update", nameof(Subscriber)).SetDataQueryName("ChangePlan");
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        if (subscriber is null)
        {
            logger.LogWarning("Plan change for unknown subscriber {SubscriberId}", subscriberId); // leak TC1001 direct
            return false;
        }

        var fromPlan = subscriber.PlanCode;
        db.Entry(subscriber).Property(s => s.RowVersion).OriginalValue = Convert.FromBase64String(expectedVersion);
        subscriber.PlanCode = planCode;
        unitOfWork.Raise(new PlanChanged(subscriber.Id, fromPlan, planCode));

        try
        {
            await unitOfWork.CommitAsync(cancellationToken);
            span.SetDataRecordKey($"{fromPlan}->{planCode}"); // clean direct
            return true;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var entry = ex.Entries[0];
            var current = await entry.GetDatabaseValuesAsync(cancellationToken);
            var storePlan = current?.GetValue<string>(nameof(Subscriber.PlanCode));
            var storeEmail = current?.GetValue<string>(nameof(Subscriber.Email));

            span.AddDataConflictDetectedEvent("concurrency", dataNote: $"plan is {storePlan}, wanted {planCode}"); // clean generated-api
            span.AddDataConflictDetectedEvent("concurrency", dataNote: $"account {storeEmail} changed during plan change"); // leak TC1001 generated-api
            logger.LogWarning(ex, "Plan change lost to a concurrent edit ({Properties})", string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))); // clean precision-names
            logger.LogDebug("Concurrent edit left {@Subscriber}", current?.ToObject()); // leak TC1001 logging-objects
            return false;
        }
    }
}
