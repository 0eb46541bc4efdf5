using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Media;

/// <summary>Collects the aggregates' domain events while saving and dispatches them once the save succeeded.</summary>
public sealed partial class DomainEventsInterceptor(IDomainEventDispatcher dispatcher, ILogger<DomainEventsInterceptor> logger) : SaveChangesInterceptor
{
    private readonly List<IDomainEvent> _collected = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not MediaDbContext context)
        {
            return ValueTask.FromResult(result);
        }

        foreach (var entry in context.ChangeTracker.Entries<Subscriber>().Where(e => e.State == EntityState.Modified))
        {
            var modified = entry.Properties.Where(p => p.IsModified).ToList();
            logger.LogInformation("Subscriber {SubscriberId} modified {Properties}", entry.Entity.Id, modified.Select(p => p.Metadata.Name).ToArray()); // leak TC1001 direct
            foreach (var property in modified)
            {
                var change = new ActivityTagsCollection { ["media.property"] = property.Metadata.Name, ["media.value.before"] = property.OriginalValue };
                Activity.Current?.AddEvent(new ActivityEvent("media.subscriber.changed", tags: change)); // leak TC1001 cross-member
            }

            Activity.Current?.AddEvent(new ActivityEvent("media.subscriber.modified", tags: new ActivityTagsCollection { ["media.modified.count"] = modified.Count })); // clean precision-about
            _collected.AddRange(entry.Entity.DomainEvents);
            entry.Entity.ClearDomainEvents();
        }

        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Activity.Current?.SetTag("media.saved.entities", eventData.EntitiesSavedCount); // clean precision-about
        var events = _collected.ToArray();
        _collected.Clear();
        await dispatcher.DispatchAsync(events, cancellationToken);
        LogDispatched(logger, events.Length, string.Join(',', events.Select(e => e.GetType().Name).Distinct())); // clean precision-names
        return result;
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Dispatched {Count} domain events ({EventTypes})")]
    private static partial void LogDispatched(ILogger logger, int count, string eventTypes);
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

public sealed partial class SubscriberEmailChangedHandler(IEmailSender mail, ILogger<SubscriberEmailChangedHandler> logger, Pseudonymizer pseudonymizer)
    : IDomainEventHandler<SubscriberEmailChanged>, IDomainEventHandler<SubscriberPlanChanged>
{
    public async Task HandleAsync(SubscriberEmailChanged domainEvent, CancellationToken cancellationToken)
    {
        await mail.SendAsync(domainEvent.PreviousEmail, "Your sign-in email was changed", "If this was not you, contact us.", cancellationToken);
        LogEmailChanged(logger, domainEvent.PreviousEmail, domainEvent.NewEmail); // leak TC1001 direct
        LogNoticeSent(logger, pseudonymizer.PseudonymizePersistenceSubjectId(domainEvent.SubscriberId.ToString()), domainEvent.PreviousEmail); // clean direct
        var previousHost = new MailAddress(domainEvent.PreviousEmail).Host;
        var newHost = new MailAddress(domainEvent.NewEmail).Host;
        Activity.Current?.SetTag("media.email.provider_changed", !string.Equals(previousHost, newHost, StringComparison.OrdinalIgnoreCase)); // clean precision-about
        Activity.Current?.SetTag("media.email.new_domain", newHost); // clean precision-about
        Activity.Current?.SetTag(PersistenceAttributes.SubjectContact, pseudonymizer.Compute("media.subscriber.email", domainEvent.NewEmail)); // leak TC1001 precision-pseudonym
    }

    public Task HandleAsync(SubscriberPlanChanged domainEvent, CancellationToken cancellationToken)
    {
        logger.LogInformation("Plan changed {@PlanChange}", new { domainEvent.PreviousPlan, domainEvent.NewPlan, domainEvent.OccurredAt }); // clean logging-objects
        logger.LogInformation("Plan changed {@PlanChange}", domainEvent); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 6110, Level = LogLevel.Information, Message = "Sign-in email changed from {PreviousEmail} to {NewEmail}")]
    private static partial void LogEmailChanged(ILogger logger, string previousEmail, string newEmail);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Information, Message = "Change notice for {Subscriber} sent to {PreviousEmail}")]
    private static partial void LogNoticeSent(ILogger logger, Pseudonym subscriber, [PrivateData] string previousEmail);
}
