using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Gaming;

public sealed record CheatReport(string ReportedPlayerId, string ReporterPlayerId, string Kind, string MatchId, string ClientVersion);

public sealed class CheatDetectedException : Exception
{
    public CheatDetectedException(string playerId, string kind)
        : base($"Player {playerId} flagged for {kind}")
    {
        Kind = kind;
    }

    public string Kind { get; }
}

public sealed class BanServiceUnavailableException(string message) : Exception(message);

/// <summary>Reads player reports from the queue and applies sanctions.</summary>
public sealed class AntiCheatConsumer(IQueueReceiver<CheatReport> queue, Pseudonymizer pseudonymizer, ILogger<AntiCheatConsumer> logger) : BackgroundService
{
    private static readonly Tracer Tracer = TracerProvider.Default.GetTracer("Arena.AntiCheat");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var report = await queue.ReceiveAsync(stoppingToken);
            if (report is not null)
            {
                Process(report);
            }
        }
    }

    private void Process(CheatReport report)
    {
        using var span = Tracer.StartActiveSpan("anticheat.process");
        span.SetAttribute("arena.report.kind", report.Kind); // clean direct
        span.SetAttribute("arena.report.client_version", report.ClientVersion); // clean direct
        span.SetAttribute("arena.report.reporter", report.ReporterPlayerId); // leak TC1001 direct
        span.SetAttribute("arena.report.reported", pseudonymizer.Compute(ArenaAttributes.PlayerId, report.ReportedPlayerId)); // clean precision-pseudonym
        Baggage.SetBaggage("arena.player.id", report.ReportedPlayerId); // leak TC1001 direct

        logger.LogInformation("Processing report {@Report}", new { report.Kind, report.MatchId, report.ReportedPlayerId }); // leak TC1001 logging-objects
        logger.LogInformation("Processing report {@Report}", new { report.Kind, report.MatchId, report.ClientVersion }); // clean logging-objects

        try
        {
            Evaluate(report);
        }
        catch (CheatDetectedException ex)
        {
            span.RecordException(ex); // leak TC1001 exceptions
            span.SetStatus(Status.Error.WithDescription(ex.Message)); // leak TC1001 exceptions
            span.SetAttribute("arena.sanction.kind", ex.Kind); // clean exceptions
            span.SetAttribute("exception.type", ex.GetType().Name); // clean exceptions
        }
        catch (BanServiceUnavailableException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError(ex, "Ban service unavailable for match {MatchId}", report.MatchId); // clean exceptions
        }
    }

    private static void Evaluate(CheatReport report)
    {
        if (report.Kind == "aimbot")
        {
            throw new CheatDetectedException(report.ReportedPlayerId, report.Kind);
        }

        if (report.Kind == "unknown")
        {
            throw new BanServiceUnavailableException("sanctions endpoint returned 503");
        }
    }

    public void Escalate(CheatReport report, Activity? activity)
    {
        var ex = new CheatDetectedException(report.ReportedPlayerId, "escalated");
        activity?.AddEvent(new ActivityEvent("arena.escalated", tags: new ActivityTagsCollection { { "reason", ex.Message } })); // leak TC1001 exceptions
        activity?.AddArenaMatchFlaggedEvent(ex.Message); // leak TC1001 exceptions
        activity?.AddArenaMatchFlaggedEvent(report.Kind); // clean generated-api
    }
}
