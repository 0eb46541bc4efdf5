namespace PrivacyHoldout133.Transport;

/// <summary>A volunteer driver's vetting for the community transport scheme: DBS, driving licence and their own car.</summary>
public sealed record DriverVetting(string DriverId, string FullName, string Surname, DateOnly DateOfBirth, string DbsCertificateNumber, string LicenceNumber, string CarRegistration, int PenaltyPoints, string Depot);

public sealed partial class VolunteerDriverVettingService(IDbsUpdateService dbs, Pseudonymizer pseudonymizer, ILogger<VolunteerDriverVettingService> logger)
{
    private static readonly ActivitySource Source = new("Transit.CommunityTransport.Vetting");
    private static readonly Meter Meter = new("Transit.CommunityTransport.Vetting");
    private static readonly Counter<long> Vetted = Meter.CreateCounter<long>("transit.ct.drivers.vetted");

    public async Task<bool> VetAsync(DriverVetting vetting, CancellationToken cancellationToken)
    {
        using var span = Source.StartCtvolTask(ctvolProgramme: "volunteer-drivers");
        span.SetCtvolSite(vetting.Depot); // clean precision-about
        span.SetCtvolDriverId(pseudonymizer.PseudonymizeCtvolDriverId(vetting.DriverId)); // clean precision-pseudonym
        span.Activity?.SetTag("driver.penalty_points", vetting.PenaltyPoints); // clean precision-about
        span.Activity?.SetTag("driver.car.registration", vetting.CarRegistration); // leak TC1001 direct
        span.Activity?.SetTag("driver.licence.supplied", vetting.LicenceNumber.Length == 16); // clean precision-about
        logger.LogInformation("Vetting driver {DriverName} at {Depot}", vetting.FullName, vetting.Depot); // leak TC1001 direct
        logger.LogDebug("Vetting record {@Vetting}", vetting); // leak TC1001 logging-objects

        try
        {
            var status = await dbs.StatusAsync(vetting.DbsCertificateNumber, vetting.Surname, vetting.DateOfBirth, cancellationToken);
            span.Activity?.SetTag("dbs.status", status.Status); // clean precision-about
            span.Activity?.SetTag("dbs.checked_at", status.CheckedAt); // clean precision-about
            LogDbs(logger, vetting.DbsCertificateNumber, status.Status); // leak TC1001 direct
            Vetted.Add(1, new KeyValuePair<string, object?>("depot", vetting.Depot), new KeyValuePair<string, object?>("current", status.IsCurrent)); // clean precision-about
            TelemetryMetrics.CreateCtvolTasksCounter(Meter).Add(1, ctvolProgramme: "volunteer-drivers", ctvolOutcome: status.IsCurrent ? "cleared" : "lapsed"); // clean generated-api
            return status.IsCurrent;
        }
        catch (CertificateMismatchException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogCtvolTaskFailedEvent(ctvolProgramme: "volunteer-drivers", ctvolOutcome: ex.Code, ctvolDriverId: pseudonymizer.PseudonymizeCtvolDriverId(vetting.DriverId)); // clean generated-api
            return false;
        }
        catch (UmbrellaUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DBS {CertificateNumber} is {Status}")]
    private static partial void LogDbs(ILogger logger, string certificateNumber, string status);
}
