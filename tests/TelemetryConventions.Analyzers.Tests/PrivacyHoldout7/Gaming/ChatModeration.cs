using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout7.Support;

namespace PrivacyHoldout7.Gaming;

public sealed record ChatReport(string ReportId, string ReporterPlayerId, string ReportedGamertag, string ReportedPlayerId, string Reason, string Excerpt);

public static partial class ModerationLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Report {ReportId} against {ReportedGamertag} received ({Reason})")]
    public static partial void ReportReceived(this ILogger logger, string reportId, string reportedGamertag, string reason);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Report {ReportId} closed with {Outcome}")]
    public static partial void ReportClosed(this ILogger logger, string reportId, string outcome);
}

/// <summary>Moderation queue consumer: sorts chat reports and mutes repeat offenders.</summary>
public sealed class ChatReportProcessor(Meter meter, ILogger<ChatReportProcessor> logger)
{
    private static readonly ActivitySource Source = new("Arena.Moderation");
    private readonly Counter<int> _reports = meter.CreateCounter<int>("arena.chat.reports");

    public Task ProcessMessageAsync(ProcessMessageEventArgs args)
    {
        var report = args.Message.Body.ToObjectFromJson<ChatReport>();
        var reporter = args.Message.ApplicationProperties["reporterGamertag"];
        using var activity = Source.StartActivity("chat-report process", ActivityKind.Consumer);
        activity?.SetTag("arena.report.id", report.ReportId); // clean precision-names
        activity?.SetTag("arena.report.reporter", reporter); // leak TC1001 direct
        activity?.SetTag("arena.report.target", report.ReportedPlayerId); // leak TC1001 direct
        logger.ReportReceived(report.ReportId, report.ReportedGamertag, report.Reason); // leak TC1001 logging-objects

        var severity = report.Reason switch
        {
            "cheating" => "high",
            "harassment" => "high",
            _ => "low",
        };
        _reports.Add(1, new KeyValuePair<string, object?>("arena.report.severity", severity), new KeyValuePair<string, object?>("arena.reported", report.ReportedGamertag)); // leak TC1003 direct
        _reports.Add(1, new KeyValuePair<string, object?>("arena.report.severity", severity)); // clean precision-about

        var outcome = severity == "high" ? Mute(report) : "no-action";
        logger.ReportClosed(report.ReportId, outcome); // leak TC1001 strings
        activity?.SetTag("arena.report.summary", Summarise(report)); // leak TC1001 strings
        logger.LogDebug("Report context {@Report}", report); // leak TC1001 logging-objects
        logger.LogDebug("Report reason {Reason}, excerpt length {Length}", report.Reason, report.Excerpt.Length); // clean logging-objects
        return args.CompleteMessageAsync(args.Message);
    }

    private static string Mute(ChatReport report) => $"muted:{report.ReportedPlayerId}";

    private static string Summarise(ChatReport report) =>
        new StringBuilder(report.Reason).Append(" by ").Append(report.ReporterPlayerId).Append(" against ").Append(report.ReportedGamertag).ToString();
}
