using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Healthcare;

public sealed record CareVisit(
    string VisitId,
    string RotaId,
    string NhsNumber,
    string ClientName,
    string Postcode,
    GeoPoint Home,
    string CarerStaffNumber,
    string VisitCode,
    TimeOnly PlannedStart,
    int PlannedMinutes,
    string? KeySafeCode,
    string? AccessNotes);

public sealed record VisitCheckIn(string VisitId, string CarerStaffNumber, string TypedCode, GeoPoint Position, DateTimeOffset At);

public sealed record CheckInResult(bool Accepted, string? Reason);

public interface ICareVisitStore
{
    Task<CareVisit?> GetAsync(string visitId, CancellationToken cancellationToken);

    Task MarkArrivedAsync(string visitId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Electronic visit verification for domiciliary carers: the carer's app checks in at the client's door.</summary>
public sealed partial class HomeCareVisitService(
    ICareVisitStore store,
    ILogger<HomeCareVisitService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter)
{
    private static readonly ActivitySource Source = new("HomeCare.Visits");
    private readonly Counter<long> _checkIns = meter.CreateCounter<long>("homecare.visit.checkins");
    private readonly Histogram<double> _lateness = meter.CreateHistogram<double>("homecare.visit.lateness", "min");

    public async Task<CheckInResult> CheckInAsync(VisitCheckIn checkIn, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("homecare.visit.check_in");
        var visit = await store.GetAsync(checkIn.VisitId, cancellationToken);
        if (visit is null)
        {
            logger.LogWarning("Check-in for unknown visit {VisitId}", checkIn.VisitId); // clean precision-names
            return new CheckInResult(false, "unknown-visit");
        }

        activity?.SetTag("care.visit.id", visit.VisitId); // clean precision-names
        activity?.SetTag("care.rota.id", visit.RotaId); // clean precision-names
        activity?.SetTag("care.carer.staff_number", checkIn.CarerStaffNumber); // leak TC1001 direct
        activity?.SetTag("care.client.ref", pseudonymizer.ComputeFieldClientId(visit.NhsNumber)); // clean precision-pseudonym

        var distance = checkIn.Position.DistanceMetresTo(visit.Home);
        activity?.SetTag("care.checkin.distance_m", Math.Round(distance)); // clean precision-about
        if (distance > 150)
        {
            activity?.SetTag("care.checkin.position", checkIn.Position.ToString()); // leak TC1001 strings
            activity?.SetTag("care.checkin.area", checkIn.Position.Rounded(1).ToString()); // clean precision-about
        }

        var codeMatched = string.Equals(checkIn.TypedCode, visit.VisitCode, StringComparison.Ordinal);
        activity?.SetTag("care.checkin.code_matched", codeMatched); // clean precision-about
        if (!codeMatched)
        {
            logger.LogWarning("Visit code mismatch on {VisitId}: expected {Expected}, typed {Typed}", visit.VisitId, visit.VisitCode, checkIn.TypedCode); // clean precision-names
        }

        var lateBy = (checkIn.At.TimeOfDay - visit.PlannedStart.ToTimeSpan()).TotalMinutes;
        _lateness.Record(lateBy, new KeyValuePair<string, object?>("care.rota.id", visit.RotaId)); // clean precision-names
        _checkIns.Add(1, new KeyValuePair<string, object?>("care.carer", checkIn.CarerStaffNumber)); // leak TC1003 direct

        await store.MarkArrivedAsync(visit.VisitId, checkIn.At, cancellationToken);
        LogArrived(logger, visit.VisitId, checkIn.CarerStaffNumber, visit.NhsNumber); // clean direct
        return new CheckInResult(true, null);
    }

    public string AccessBriefing(CareVisit visit)
    {
        using var activity = Source.StartActivity("homecare.visit.access_briefing");
        activity?.SetTag("care.access.has_key_safe", visit.KeySafeCode is not null); // clean precision-about
        activity?.SetTag("care.access.notes_length", visit.AccessNotes?.Length ?? 0); // clean precision-about
        logger.LogDebug("Key safe for visit {VisitId} is {KeySafeCode}", visit.VisitId, visit.KeySafeCode); // leak TC1001 direct
        logger.LogInformation("Access notes for {VisitId}: {Notes}", visit.VisitId, visit.AccessNotes); // leak TC1001 direct

        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(visit.NhsNumber)))[..16];
        activity?.SetTag("care.client.fingerprint", fingerprint); // leak TC1002 hashes

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(visit.NhsNumber))[0] % 16;
        activity?.SetTag("care.client.shard", shard); // clean hashes

        return visit.KeySafeCode is null ? "Ring the bell." : "Key safe by the back door.";
    }

    public void RecordMissedVisit(CareVisit visit, string reason)
    {
        try
        {
            throw new DispatchException($"Visit {visit.VisitId} for {visit.ClientName} ({visit.Postcode}) missed: {reason}");
        }
        catch (DispatchException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            logger.LogError("Missed visit {@Visit}", visit); // leak TC1001 logging-objects
            logger.LogError("Missed visit {@Summary}", new { visit.VisitId, visit.RotaId, visit.PlannedStart, visit.PlannedMinutes }); // clean logging-objects
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Carer {CarerStaffNumber} arrived at visit {VisitId} for {NhsNumber}")]
    private static partial void LogArrivedCore(ILogger logger, string visitId, [PrivateData] string carerStaffNumber, [PrivateData] string nhsNumber);

    private static void LogArrived(ILogger logger, string visitId, string carerStaffNumber, string nhsNumber) =>
        LogArrivedCore(logger, visitId, carerStaffNumber, nhsNumber);
}
