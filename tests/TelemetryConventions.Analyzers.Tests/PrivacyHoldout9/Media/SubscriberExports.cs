using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout9.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout9.Media;

public sealed record Subscriber(string SubscriberId, string Email, string Plan, string Country);

public sealed class UnknownSubscriberException(string subscriberId)
    : Exception($"Subscriber {subscriberId} is not in the billing extract")
{
    public string SubscriberId { get; } = subscriberId;
}

/// <summary>Builds the monthly rights-holder report and the per-subscriber GDPR export.</summary>
public sealed class SubscriberReportJob(ILogger<SubscriberReportJob> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Streaming.Reports");
    private readonly byte[] _pepper = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("REPORT_PEPPER") ?? "dev-only");

    public string BuildRightsReport(IReadOnlyList<Subscriber> subscribers, IReadOnlyDictionary<string, int> minutesBySubscriber)
    {
        using var job = Source.StartIntakeJob("rights-report");
        job.SetIntakeBatchSize(subscribers.Count);
        var byCountry = subscribers
            .Select(s => new { s.Country, Minutes = minutesBySubscriber.GetValueOrDefault(s.SubscriberId) })
            .GroupBy(x => x.Country)
            .Select(g => new { Country = g.Key, Minutes = g.Sum(x => x.Minutes) })
            .ToList();
        logger.LogInformation("Rights report by country {@Rows}", byCountry); // clean logging-objects
        var heaviest = subscribers.MaxBy(s => minutesBySubscriber.GetValueOrDefault(s.SubscriberId));
        logger.LogInformation("Heaviest viewer {@Viewer}", new { heaviest?.SubscriberId, heaviest?.Plan }); // leak TC1001 logging-objects
        job.SetIntakeNote($"{byCountry.Count} countries"); // clean generated-api
        return JsonSerializer.Serialize(byCountry);
    }

    public void ExportForSubject(Uri requestUri, IReadOnlyDictionary<string, Subscriber> subscribersById)
    {
        var subscriberId = requestUri.Segments.Last().TrimEnd('/');
        var activity = Activity.Current;
        activity?.SetTag("export.host", requestUri.Host); // clean direct
        activity?.SetTag("export.path", requestUri.AbsolutePath); // leak TC1001 strings
        activity?.SetTag("export.subscriber", subscriberId); // leak TC1001 direct
        try
        {
            if (!subscribersById.TryGetValue(subscriberId, out var subscriber))
            {
                throw new UnknownSubscriberException(subscriberId);
            }

            activity?.SetTag("export.plan", subscriber.Plan); // clean precision-about
            activity?.SetTag("export.subject", pseudonymizer.ComputeIntakeSubjectId(subscriber.SubscriberId)); // clean precision-pseudonym
            var keyed = Convert.ToHexString(HMACSHA256.HashData(_pepper, Encoding.UTF8.GetBytes(subscriber.Email)))[..12];
            activity?.SetTag("export.email_ref", keyed); // clean hashes
            var unkeyed = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(subscriber.Email)));
            activity?.SetTag("export.email_md5", unkeyed); // leak TC1002 hashes
        }
        catch (UnknownSubscriberException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Export request for an unknown subscriber"); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            activity?.SetTag("export.failed_subscriber", ex.SubscriberId); // leak TC1001 cross-member
        }
    }
}

/// <summary>Watch-history compaction; the subscriber's pseudonym is kept on the job for its spans.</summary>
public sealed class HistoryCompactor(ILogger<HistoryCompactor> logger, Pseudonymizer pseudonymizer)
{
    private Pseudonym _current;
    private int _titlesCompacted;

    public void Begin(Subscriber subscriber)
    {
        _current = pseudonymizer.PseudonymizeIntakeSubjectId(subscriber.SubscriberId);
        _titlesCompacted = 0;
    }

    public void Compact(string titleId)
    {
        _titlesCompacted++;
        Activity.Current?.SetTag("compaction.title", titleId); // clean direct
        Activity.Current?.SetTag("compaction.subscriber", _current.Value); // clean cross-member
        logger.LogDebug("Compacted {Count} titles for {Subscriber}", _titlesCompacted, _current); // clean precision-pseudonym
    }
}
