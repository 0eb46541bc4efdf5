namespace PrivacyHoldout151.Healthcare;

/// <summary>A discharge-to-assess request from the hospital: find the person, broker a home care package, record the delay.</summary>
public sealed record BrokerPackageCommand(string NhsNumber, string HospitalNumber, string Ward, int HoursPerWeek, string Area);

public sealed partial class CarePackageBrokerageHandler(
    ICareRecords records,
    IBrokerage brokerage,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CarePackageBrokerageHandler> logger)
{
    private static readonly Counter<long> PackagesBrokered = new Meter("Council.AdultCare.Brokerage").CreateCounter<long>("brokerage.packages");

    private string? _lastHospitalNumber;
    private string _lastWard = "unknown";

    public async Task<CarePackage?> HandleAsync(BrokerPackageCommand command, CancellationToken cancellationToken)
    {
        using var span = source.StartAdultcareOperation(command.Area);
        _lastHospitalNumber = command.HospitalNumber;
        _lastWard = command.Ward;

        var person = await records.ByNhsNumberAsync(command.NhsNumber, cancellationToken);
        if (person is null)
        {
            logger.LogWarning("No social care record for NHS number {NhsNumber} on ward {Ward}", command.NhsNumber, command.Ward); // leak TC1001 direct
            span.SetAdultcareOutcome("not-known"); // clean generated-api
            RecordDelay("no-record");
            return null;
        }

        span.SetAdultcarePersonId(pseudonymizer.PseudonymizeAdultcarePersonId(person.PersonId)); // clean precision-pseudonym
        span.SetAdultcarePackageHours(command.HoursPerWeek); // clean precision-about
        Activity.Current?.SetTag("adultcare.ward", command.Ward); // clean precision-about
        Activity.Current?.SetTag("adultcare.postcode_district", OutwardCode(person.Postcode)); // clean precision-about

        var capacity = await brokerage.CapacityAsync(command.Area, cancellationToken);
        var provider = capacity.Where(c => c.HoursFree >= command.HoursPerWeek).OrderByDescending(c => c.HoursFree).FirstOrDefault();
        Activity.Current?.SetTag("adultcare.providers.with_capacity", capacity.Count(c => c.HoursFree >= command.HoursPerWeek)); // clean precision-about
        if (provider is null)
        {
            var ex = new NoProviderCapacityException(command.Area, command.HoursPerWeek);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogAdultcareOperationFailedEvent(command.Area, "no-capacity", adultcarePersonId: pseudonymizer.PseudonymizeAdultcarePersonId(person.PersonId), adultcareNote: ex.Message); // clean generated-api
            RecordDelay("no-capacity");
            return null;
        }

        var package = new CarePackage($"PKG-{Guid.NewGuid():N}"[..12], person.PersonId, command.HoursPerWeek, provider.Provider, provider.HoursFree * 21.5m);
        await records.SaveAsync(package, cancellationToken);

        logger.LogInformation("Brokered package {Package}", package); // leak TC1001 logging-objects
        LogPackageBrokered(logger, package.PackageId, provider.Provider, package.HoursPerWeek); // clean precision-names
        PackagesBrokered.Add(1, new KeyValuePair<string, object?>("provider", provider.Provider), new KeyValuePair<string, object?>("area", command.Area)); // clean precision-about
        PackagesBrokered.Add(1, new KeyValuePair<string, object?>("person", pseudonymizer.ComputeAdultcarePersonId(person.PersonId))); // leak TC1003 precision-pseudonym
        span.SetAdultcareNote($"Package for {person.Name} with {provider.Provider}"); // leak TC1001 generated-api
        span.SetAdultcareOutcome("brokered"); // clean generated-api
        return package;
    }

    private void RecordDelay(string reasonCode)
    {
        Activity.Current?.AddEvent(new ActivityEvent("discharge.delayed", tags: new ActivityTagsCollection { ["reason"] = reasonCode, ["ward"] = _lastWard })); // clean cross-member
        Activity.Current?.SetTag("adultcare.delayed.hospital_number", _lastHospitalNumber); // leak TC1001 cross-member
        logger.LogInformation("Discharge delayed on {Ward}: {ReasonCode}, hospital number length {Length}", _lastWard, reasonCode, _lastHospitalNumber?.Length ?? 0); // clean precision-about
    }

    private static string OutwardCode(string postcode) => postcode.Split(' ')[0];

    [LoggerMessage(Level = LogLevel.Information, Message = "Package {PackageId} brokered with {Provider} for {Hours} hours a week")]
    private static partial void LogPackageBrokered(ILogger logger, string packageId, string provider, int hours);
}
