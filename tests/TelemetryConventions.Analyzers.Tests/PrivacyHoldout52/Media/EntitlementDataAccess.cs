using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Media;

public sealed class Entitlement
{
    public long Id { get; set; }

    public Guid SubscriberId { get; set; }

    public string TitleId { get; set; } = string.Empty;

    public string Territory { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }
}

public sealed class EntitlementsContext(DbContextOptions<EntitlementsContext> options) : DbContext(options)
{
    public DbSet<Entitlement> Entitlements => Set<Entitlement>();

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
}

/// <summary>Puts each command of the entitlements context on the current span as an event.</summary>
public sealed class EntitlementCommandTracing : DbCommandInterceptor
{
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        var tags = new ActivityTagsCollection
        {
            ["db.command.id"] = eventData.CommandId.ToString(),
            ["db.duration_ms"] = eventData.Duration.TotalMilliseconds,
            ["db.method"] = eventData.ExecuteMethod.ToString(),
        };
        Activity.Current?.AddEvent(new ActivityEvent("db.command", tags: tags)); // clean precision-about

        foreach (DbParameter parameter in command.Parameters)
        {
            Activity.Current?.SetTag($"db.parameter.{parameter.ParameterName.TrimStart('@')}", parameter.Value); // leak TC1001 cross-member
        }

        return ValueTask.FromResult(result);
    }
}

public sealed class EntitlementNotFoundException(string message) : Exception(message);

public sealed partial class EntitlementRepository(EntitlementsContext db, ILogger<EntitlementRepository> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Media.Entitlements");

    public async Task<Entitlement> RequireAsync(string subscriberEmail, string titleId, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("query", nameof(Entitlement)).SetDataQueryName("RequireEntitlement").SetDataRecordKey(titleId); // clean direct

        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Email == subscriberEmail, cancellationToken);
        var entitlement = subscriber is null
            ? null
            : await db.Entitlements.FirstOrDefaultAsync(e => e.SubscriberId == subscriber.Id && e.TitleId == titleId && e.ExpiresAt > DateTimeOffset.UtcNow, cancellationToken);

        if (entitlement is null)
        {
            var notFound = new EntitlementNotFoundException($"No entitlement to {titleId} for {subscriberEmail}");
            span.RecordException(notFound); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, notFound.Message); // leak TC1001 exceptions
            EntitlementMissing(logger, titleId, subscriberEmail); // leak TC1001 direct
            throw notFound;
        }

        meter.CreateCounter<long>("media.entitlement.checks").Add(1, new KeyValuePair<string, object?>("media.territory", entitlement.Territory)); // clean precision-about
        meter.CreateCounter<long>("media.entitlement.checks.by_subscriber").Add(1, new KeyValuePair<string, object?>("media.subscriber", pseudonymizer.ComputeDataSubjectId(subscriber!.Id.ToString()))); // leak TC1003 precision-pseudonym
        EntitlementFound(logger, titleId, subscriberEmail); // clean logging-objects
        return entitlement;
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "No entitlement to {TitleId} for {SubscriberEmail}")]
    private static partial void EntitlementMissing(ILogger logger, string titleId, string subscriberEmail);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Debug, Message = "Entitlement to {TitleId} confirmed for {SubscriberEmail}")]
    private static partial void EntitlementFound(ILogger logger, string titleId, [PrivateData] string subscriberEmail);
}

/// <summary>The playback API's handler: entitlement misses are answered with 403 by its exception handler.</summary>
public sealed class PlaybackAuthorisation(EntitlementRepository entitlements, ILogger<PlaybackAuthorisation> logger)
{
    public async Task<bool> AuthoriseAsync(string subscriberEmail, string titleId, CancellationToken cancellationToken)
    {
        try
        {
            await entitlements.RequireAsync(subscriberEmail, titleId, cancellationToken);
            return true;
        }
        catch (EntitlementNotFoundException ex)
        {
            logger.LogInformation(ex, "Playback of {TitleId} refused", titleId); // leak TC1001 exceptions
            logger.LogInformation("Playback of {TitleId} refused ({Reason})", titleId, ex.GetType().Name); // clean exceptions
            return false;
        }
    }
}
