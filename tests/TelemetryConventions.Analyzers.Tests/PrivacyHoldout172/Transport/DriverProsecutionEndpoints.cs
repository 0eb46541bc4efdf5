using OpenTelemetry.Trace;

namespace PrivacyHoldout172.Transport;

public sealed record SummonsNotice(string SummonsId, string CourtCaseNumber, string Court, string DriverStaffNumber, string DriverName, string DriverEmail, string Offence, DateOnly HearingDate);

/// <summary>
/// When a driver is summonsed for a driving offence in service, the operator instructs its motoring firm to defend:
/// a minimal API the depot uses to record the summons, the conflict check and the instruction.
/// </summary>
public static class DriverProsecutionEndpoints
{
    private static readonly ActivitySource Source = new("BusOperator.Legal.Prosecutions");
    private static readonly Meter Meter = new("BusOperator.Legal.Prosecutions");
    private static readonly Counter<long> Summonses = Meter.CreateCounter<long>("busoperator.legal.summonses");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/legal/summonses", RecordAsync);

    private static async Task<ActionResult> RecordAsync(SummonsNotice notice, IConflictSearch conflicts, ILogger<SummonsNotice> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("RecordSummons");
        activity?.SetTag("summons.id", notice.SummonsId); // clean direct
        activity?.SetTag("summons.court_case", notice.CourtCaseNumber); // clean precision-names
        activity?.SetTag("summons.offence", notice.Offence); // clean precision-about
        activity?.SetTag("summons.hearing_month", notice.HearingDate.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
        activity?.SetTag("summons.driver", notice.DriverStaffNumber); // leak TC1001 direct
        Summonses.Add(1, new KeyValuePair<string, object?>("offence", notice.Offence), new KeyValuePair<string, object?>("court", notice.Court)); // clean precision-about
        Summonses.Add(1, new KeyValuePair<string, object?>("driver", notice.DriverStaffNumber)); // leak TC1003 direct

        var driverKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(notice.DriverStaffNumber)));
        activity?.SetBaggage("driver.key", driverKey); // leak TC1002 hashes
        activity?.SetBaggage("summons.id", notice.SummonsId); // clean direct
        activity?.SetBaggage("driver.email", notice.DriverEmail); // leak TC1001 direct

        var driver = pseudonymizer.PseudonymizeFleetlegalFeeEarnerId(notice.DriverStaffNumber);
        logger.LogInformation("Summons {SummonsId} for driver {Driver}", notice.SummonsId, driver); // clean precision-pseudonym
        logger.LogInformation("Summons {SummonsId} for {DriverName}, hearing {HearingDate}", notice.SummonsId, notice.DriverName, notice.HearingDate); // leak TC1001 direct

        var request = new ConflictCheckRequest(Guid.NewGuid().ToString("N"), notice.CourtCaseNumber, notice.DriverName, Array.Empty<string>(), "depot@busoperator.example");
        try
        {
            var hits = await conflicts.SearchAsync(request, cancellationToken);
            if (hits.Count > 0)
            {
                throw new ConflictFoundException(hits[0].MatchedName, hits[0].MatchedMatterId);
            }
        }
        catch (ConflictFoundException ex)
        {
            activity?.RecordException(ex, new TagList { { "conflict.check_id", request.CheckId } }); // leak TC1001 exceptions
            logger.LogWarning("Summons {SummonsId} has a conflict ({Error})", notice.SummonsId, ex.GetType().Name); // clean exceptions
            return new BadRequestResult("conflict");
        }
        catch (ConflictServiceUnavailableException ex)
        {
            logger.LogError(ex, "Conflict search down for {SummonsId}", notice.SummonsId); // clean exceptions
        }

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(notice.DriverStaffNumber))[0] % 4;
        Summonses.Add(0, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        return new OkResult(notice.SummonsId);
    }
}
