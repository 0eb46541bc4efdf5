using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Telemetry;

namespace PrivacyHoldout13.Energy;

/// <summary>Load of one feeder over five minutes, published on <c>grid.feeder.load</c> keyed by feeder id.</summary>
public sealed record FeederLoad(string FeederId, string SubstationId, DateTimeOffset WindowStart, double PeakKw, int MeterCount, IReadOnlyList<string> TopMeters);

/// <summary>Sums validated readings per feeder and publishes the load for the network control room.</summary>
public sealed class FeederLoadPublisher(IProducer<string, FeederLoad> producer, ILogger<FeederLoadPublisher> logger)
{
    private const string Topic = "grid.feeder.load";
    private static readonly ActivitySource Source = new("Grid.FeederLoad");

    public void Publish(IReadOnlyCollection<FeederLoad> window)
    {
        using var activity = Source.StartActivity("grid.feeder.load publish", ActivityKind.Producer);
        activity?.SetTag("grid.feeders", window.Count); // clean precision-about
        activity?.SetTag("grid.meters_reporting", window.Sum(l => l.MeterCount)); // clean precision-names

        foreach (var load in window)
        {
            var message = new Message<string, FeederLoad> { Key = load.FeederId, Value = load };
            producer.Produce(Topic, message, report =>
            {
                if (report.Error.IsError)
                {
                    logger.LogWarning("Load of feeder {FeederId} not delivered: {Reason}", report.Message.Key, report.Error.Reason); // clean precision-about
                    Activity.Current?.AddPipelineDeadLetteredEvent(report.Topic, report.Error.Reason); // clean generated-api
                }
            });

            if (load.PeakKw > 400)
            {
                // The control room asks which meters drove a peak.
                activity?.SetTag("grid.peak.top_meters", string.Join(",", load.TopMeters)); // leak TC1001 strings
                activity?.SetTag("grid.peak.top_meter_count", load.TopMeters.Count); // clean precision-names
            }

            activity?.AddEvent(new ActivityEvent("feeder.load.queued", tags: new ActivityTagsCollection { ["messaging.kafka.message.key"] = message.Key, ["grid.substation"] = load.SubstationId })); // clean precision-about
        }

        var pending = producer.Flush(TimeSpan.FromSeconds(5));
        logger.LogInformation("Flushed feeder loads, {Pending} still pending", pending);
    }
}
