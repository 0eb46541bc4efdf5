using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Media;

public sealed record PlayEvent(Guid SubscriberId, Guid ProfileId, string TitleId, string Genre, string DeviceClass, string DeviceSerial, IPAddress ClientAddress, DateTimeOffset StartedAt, double Minutes);

public interface IPlayEventStream
{
    IAsyncEnumerable<PlayEvent[]> HourlyBatchesAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>The daily trending chart per genre, with the binge and account-sharing reports that ride on the same scan.</summary>
public sealed class TrendingChartJob(
    IPlayEventStream stream,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TrendingChartJob> logger)
{
    private readonly Histogram<double> _bingeHours = meter.CreateHistogram<double>("watch.binge.hours", "h", "Hours watched in a day by the accounts over three times the mean.");

    private static readonly string[] ChartGenres = ["drama", "comedy", "kids", "documentary", "crime"];

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        List<PlayEvent> events = [];
        await foreach (var batch in stream.HourlyBatchesAsync(day, cancellationToken))
        {
            events.AddRange(batch);
        }

        string[] genres = [.. ChartGenres, .. events.Select(e => e.Genre).Distinct().Except(ChartGenres).Order()];
        foreach (var genre in genres)
        {
            using var chart = source.StartWatchChartCompute(genre); // clean direct
            var top = events
                .Where(e => e.Genre == genre)
                .GroupBy(e => e.TitleId)
                .Select(g => (Title: g.Key, Viewers: g.Select(e => e.ProfileId).Distinct().Count(), Minutes: g.Sum(e => e.Minutes)))
                .OrderByDescending(t => t.Viewers)
                .Take(10)
                .ToList();
            if (top.Count == 0)
            {
                continue;
            }

            chart.SetWatchTitleId(top[0].Title); // clean cross-member
            chart.SetWatchMinutes(top.Sum(t => t.Minutes));
            chart.SetWatchNote(string.Join(",", top.Select(t => $"{t.Title}:{t.Viewers}"))); // clean generated-api
            logger.LogInformation("Trending in {Genre}: {Chart}", genre, top); // clean logging-objects
        }

        var perSubscriber = events.GroupBy(e => e.SubscriberId).Select(g => (Subscriber: g.Key, Hours: g.Sum(e => e.Minutes) / 60)).ToList();
        var mean = perSubscriber.Average(s => s.Hours);
        var binge = perSubscriber.Where(s => s.Hours > 3 * mean).OrderByDescending(s => s.Hours).ToList();
        Activity.Current?.SetTag("watch.binge.count", binge.Count);
        Activity.Current?.SetTag("watch.binge.max_hours", binge.Select(b => b.Hours).DefaultIfEmpty().Max());
        logger.LogInformation("Binge watchers {Binge}", binge); // leak TC1001 logging-objects
        binge.ForEach(b => logger.LogDebug("Binge {Subscriber}: {Hours:F1} h", pseudonymizer.ComputeWatchSubscriberId(b.Subscriber.ToString()), b.Hours)); // clean precision-pseudonym
        binge.ForEach(b => _bingeHours.Record(b.Hours, new KeyValuePair<string, object?>("watch.subscriber", pseudonymizer.ComputeWatchSubscriberId(b.Subscriber.ToString())))); // leak TC1003 precision-pseudonym
        binge.ForEach(b => Activity.Current?.AddEvent(new ActivityEvent("watch.binge", tags: new ActivityTagsCollection { ["subscriber"] = b.Subscriber.ToString(), ["hours"] = b.Hours }))); // leak TC1001 cross-member

        var sharing = events
            .GroupBy(e => e.SubscriberId)
            .Select(g => new { Subscriber = g.Key, Addresses = g.Select(e => e.ClientAddress).Distinct().ToList(), Devices = g.Select(e => e.DeviceSerial).Distinct().Count() })
            .Where(s => s.Addresses.Count > 4)
            .ToList();
        logger.LogWarning("{Count} accounts streamed from more than four networks", sharing.Count); // clean precision-about
        foreach (var suspect in sharing)
        {
            logger.LogWarning("Sharing suspect {Subscriber} from {Addresses}", pseudonymizer.ComputeWatchSubscriberId(suspect.Subscriber.ToString()), string.Join(", ", suspect.Addresses)); // leak TC1001 strings
            logger.LogWarning("Sharing suspect {Subscriber}: {Networks} networks, {Devices} devices", pseudonymizer.ComputeWatchSubscriberId(suspect.Subscriber.ToString()), suspect.Addresses.Count, suspect.Devices); // clean precision-pseudonym
        }

        var deviceClasses = events.GroupBy(e => e.DeviceClass).ToDictionary(g => g.Key, g => g.Select(e => e.DeviceSerial).Distinct().Count());
        logger.LogInformation("Devices by class {@Devices}", deviceClasses); // clean logging-objects
        var newDevices = events.Select(e => e.DeviceSerial).Distinct().Take(20).ToArray();
        Activity.Current?.SetTag("watch.devices.sample", newDevices); // leak TC1001 direct
        Activity.Current?.SetTag("watch.devices.models", newDevices.Select(s => s[..4]).Distinct().ToArray()); // clean precision-about

        var cohort = events.Select(e => e.ProfileId).Distinct()
            .Select(p => (Profile: p, Bucket: BitConverter.ToUInt16(SHA1.HashData(Encoding.UTF8.GetBytes(p.ToString())), 0) % 10))
            .Where(p => p.Bucket == 0)
            .ToList();
        Activity.Current?.SetTag("watch.experiment.cohort", string.Join(",", cohort.Select(c => c.Profile))); // leak TC1001 strings
        Activity.Current?.SetTag("watch.experiment.cohort_size", cohort.Count);
        foreach (var (profile, bucket) in cohort.Take(5))
        {
            logger.LogDebug("Experiment sample {ProfileHash} in bucket {Bucket}", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(profile.ToString()))), bucket); // leak TC1002 hashes
        }
    }
}
