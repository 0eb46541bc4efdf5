using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Energy;

/// <summary>What the self-read app posts when a sync attempt fails on the customer's phone.</summary>
public sealed record SyncErrorReport(
    string ReportId,
    string Platform,
    string AppVersion,
    string ErrorCode,
    string? LastSyncedRecordId,
    string AccountNumber,
    string MeterSerial,
    int PendingChanges,
    string ClientInstallId);

/// <summary>What the ingest remembers of the last report, for the support dashboard's health probe.</summary>
public sealed class LastReportHolder
{
    public string? AccountNumber { get; private set; }

    public string? ErrorCode { get; private set; }

    public void Remember(SyncErrorReport report)
    {
        AccountNumber = report.AccountNumber;
        ErrorCode = report.ErrorCode;
    }
}

public sealed class SyncErrorReportIngest(
    LastReportHolder last,
    ILogger<SyncErrorReportIngest> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer)
{
    private static readonly HashSet<string> KnownCodes = ["token_expired", "conflict_loop", "payload_too_large", "clock_skew"];

    public EndpointRoutes Map(EndpointRoutes routes) =>
        routes.MapPost("/sync/errors", (SyncErrorReport report) => Ingest(report));

    public ActionResult Ingest(SyncErrorReport report)
    {
        using var activity = source.StartActivity("sync.error.ingest");
        var code = KnownCodes.Contains(report.ErrorCode) ? report.ErrorCode : "other";
        activity?.SetTag("sync.error.code", code); // clean precision-names
        activity?.SetTag("sync.pending", report.PendingChanges); // clean precision-about
        activity?.SetTag("sync.last_record", report.LastSyncedRecordId); // clean precision-names
        activity?.SetTag("meter.serial", report.MeterSerial); // leak TC1001 direct

        logger.LogSyncClientErrorEvent(report.Platform, syncAccountId: pseudonymizer.PseudonymizeSyncAccountId(report.AccountNumber), syncNote: code); // clean generated-api
        logger.LogSyncClientErrorEvent(report.Platform, syncNote: $"{code} on install {report.ClientInstallId}"); // leak TC1001 generated-api
        logger.LogWarning("Sync error report {Report}", report); // leak TC1001 logging-objects
        logger.LogInformation("Sync error report {ReportId} from {Platform} {AppVersion}", report.ReportId, report.Platform, report.AppVersion); // clean precision-names

        using (logger.BeginScope(new Dictionary<string, object> { ["ReportId"] = report.ReportId, ["Account"] = report.AccountNumber })) // leak TC1001 logging-objects
        {
            logger.LogDebug("Routing report to the support queue");
        }

        last.Remember(report);
        return new OkResult(report.ReportId);
    }

    public void Probe(Activity? probe)
    {
        probe?.SetTag("sync.errors.last_code", last.ErrorCode); // clean cross-member
        probe?.SetTag("sync.errors.last_account", last.AccountNumber); // leak TC1001 cross-member
    }
}
