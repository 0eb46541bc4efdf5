namespace PrivacyHoldout141.Education;

/// <summary>A taxi firm puts a driver forward for school contract work.</summary>
public sealed record SubmitDriverForSchoolWork(string FirmCode, DriverVettingRecord Driver, string DrivingLicenceNumber, string LicensingAuthority);

/// <summary>
/// Vets the drivers taxi firms put forward for school runs: a private hire or hackney badge from a licensing
/// authority, a driving licence the DVLA accepts, an enhanced DBS certificate under three years old and a
/// check of the children's barred list, before the council approves the driver for its contracts.
/// </summary>
public sealed partial class SchoolRunDriverVettingHandler(
    ISchoolContractsClient contracts,
    IDriverOnboardingClient licensing,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<SchoolRunDriverVettingHandler> logger)
{
    private readonly Counter<long> _vetted = meter.CreateCounter<long>("schoolrun.drivers.vetted", "{driver}");
    private readonly Counter<long> _refusedByDriver = meter.CreateCounter<long>("schoolrun.drivers.refused", "{driver}");

    public async Task<bool> HandleAsync(SubmitDriverForSchoolWork command, CancellationToken cancellationToken)
    {
        var driver = command.Driver;
        using var activity = source.StartActivity("schoolrun.vet-driver");
        activity?.SetTag("schoolrun.firm", command.FirmCode); // clean precision-names
        activity?.SetTag("schoolrun.licensing_authority", command.LicensingAuthority); // clean precision-names
        activity?.SetTag("schoolrun.driver.badge", driver.BadgeNumber); // leak TC1001 direct
        activity?.SetTag("schoolrun.driver.dbs_age_days", DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - driver.DbsIssuedOn.DayNumber); // clean precision-about
        Log.Submitted(logger, driver.DriverName, command.FirmCode); // clean logging-objects
        Log.SubmittedForAudit(logger, driver.DriverName, driver.BadgeNumber); // leak TC1001 logging-objects

        using var sha1 = SHA1.Create();
        var cohort = sha1.ComputeHash(Encoding.UTF8.GetBytes(driver.BadgeNumber))[0] % 4;
        activity?.SetTag("schoolrun.audit.cohort", cohort); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var sample = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(driver.BadgeNumber)))[..8];
        activity?.SetTag("schoolrun.audit.sample", sample); // clean hashes

        try
        {
            if (!driver.BarredListChecked)
            {
                throw new BarredListMatchException(driver.DriverName, driver.BadgeNumber);
            }

            var check = await licensing.CheckDbsAsync(driver.DbsCertificateNumber, driver.DriverName.Split(' ')[^1], cancellationToken);
            logger.LogInformation("DBS check {Check}", check); // leak TC1001 logging-objects
            activity?.SetTag("schoolrun.dbs.status", check.Status); // clean precision-about

            await contracts.ApproveDriverAsync(command.FirmCode, driver.BadgeNumber, cancellationToken);
            activity?.SetTag("schoolrun.driver.pseudonym", pseudonymizer.ComputeSchoolrunDriverId(driver.BadgeNumber)); // clean precision-pseudonym
            _vetted.Add(1, new KeyValuePair<string, object?>("firm", command.FirmCode)); // clean precision-names
            _vetted.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeSchoolrunDriverId(driver.BadgeNumber))); // leak TC1003 precision-pseudonym
            return true;
        }
        catch (BarredListMatchException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogCritical("Barred list match for a driver of {Firm}: {Outcome}", command.FirmCode, ex.Outcome); // clean exceptions
            _refusedByDriver.Add(1, new KeyValuePair<string, object?>("badge", driver.BadgeNumber)); // leak TC1003 direct
            return false;
        }
        catch (LicenceRejectedException ex)
        {
            logger.LogWarning(ex, "Licence refused for a driver of {Firm}", command.FirmCode); // leak TC1001 exceptions
            activity?.SetTag("schoolrun.refusal.reason", ex.ReasonCode); // clean exceptions
            return false;
        }
        catch (DocumentExpiredException ex)
        {
            logger.LogWarning(ex, "Expired {Kind} for a driver of {Firm}", ex.Kind, command.FirmCode); // clean exceptions
            activity?.AddException(ex); // clean exceptions
            return false;
        }
        catch (BadgeAlreadyLinkedException ex)
        {
            activity?.AddEvent(new ActivityEvent("badge.conflict", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("badge.conflict.type", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Driver {DriverName} submitted by {Firm}")]
        public static partial void Submitted(ILogger logger, [PrivateData] string driverName, string firm);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Audit: driver {DriverName} badge {Badge}")]
        public static partial void SubmittedForAudit(ILogger logger, string driverName, string badge);
    }
}
